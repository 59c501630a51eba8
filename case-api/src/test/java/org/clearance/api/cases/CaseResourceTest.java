package org.clearance.api.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.complete;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CaseResourceTest {

  private static final String PROBLEM = "application/problem+json";

  FakeCaseProcess process;

  @Inject TransactionSynchronizationRegistry transactions;
  @Inject EntityManager em;

  @BeforeEach
  void installProcess() {
    process = FakeCaseProcess.install();
  }

  @Test
  void shouldCreateAnEmptyDraftForTheApplicantsOrganisation() {
    Response created =
        as("alice").contentType(ContentType.JSON).body("{}").when().post("/api/cases");

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/cases/" + created.path("id")))
        .body("reference", matchesPattern("EL-\\d{4}-\\d{6}"))
        .body("status", equalTo("DRAFT"))
        .body("stage", equalTo("DRAFTING"))
        .body("organisation", equalTo("acme-ai"))
        .body("createdBy", equalTo("alice"))
        .body("items.size()", equalTo(0))
        .body("submittedAt", nullValue());
  }

  @Test
  void shouldTakeTheOrganisationFromTheTokenNotFromTheBody() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"organisation\": \"borealis-chips\", \"status\": \"APPROVED\"}")
        .when()
        .post("/api/cases")
        .then()
        .statusCode(201)
        .body("organisation", equalTo("acme-ai"))
        .body("status", equalTo("DRAFT"));
  }

  @Test
  void shouldKeepEveryFieldOfACompleteDraft() {
    String id = draft("alice", complete("JP", "4E091"));

    as("alice")
        .when()
        .get("/api/cases/" + id)
        .then()
        .statusCode(200)
        .body("contact.email", equalTo("alice@acme-ai.example.com"))
        .body("items[0].kind", equalTo("AI_MODEL"))
        .body("items[0].eccn", equalTo("4E091"))
        .body("items[0].quantity", equalTo(1))
        .body("items[0].unitValue", equalTo(2500000.5f))
        .body("items[0].currency", equalTo("USD"))
        .body("items[0].aiModel.parameterCount", equalTo(400000000000L))
        .body("items[0].aiModel.weights", equalTo("CLOSED"))
        .body("parties.role", contains("CONSIGNEE", "END_USER"))
        .body("parties[0].country", equalTo("JP"))
        .body("destinations", contains("JP"))
        .body("endUseStatement", notNullValue());
    String compute = as("alice").when().get("/api/cases/" + id).then().extract().asString();
    assertThat(compute).contains("\"trainingComputeOperations\":31000000000000000000000000");
  }

  @Test
  void shouldGiveEveryCaseItsOwnIncreasingReference() {
    String first = as("alice").when().get("/api/cases/" + draft("alice")).path("reference");
    String second = as("alice").when().get("/api/cases/" + draft("alice")).path("reference");

    assertThat(second).isNotEqualTo(first);
    assertThat(Long.parseLong(second.substring(8)))
        .isGreaterThan(Long.parseLong(first.substring(8)));
  }

  @Test
  void shouldRejectADraftWithInvalidFieldsListingEachOfThem() {
    String body =
        """
        {
          "contact": {"email": "not-an-address"},
          "items": [{"kind": "SPACESHIP", "eccn": "4E91", "quantity": -1, "currency": "EURO",
                     "aiModel": {"weights": "LEAKED"}}],
          "parties": [{"role": "FRIEND", "country": "XX"}],
          "destinations": ["JP", "ZZ", "JP"]
        }
        """;

    as("alice")
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/validation-failed"))
        .body("title", equalTo("The application has invalid fields"))
        .body("status", equalTo(400))
        .body(
            "errors.field",
            containsInAnyOrder(
                "items[0].kind",
                "items[0].aiModel.weights",
                "parties[0].role",
                "contact.email",
                "items[0].eccn",
                "items[0].quantity",
                "items[0].currency",
                "parties[0].country",
                "destinations[1]",
                "destinations[2]"));
  }

  @Test
  void shouldNameTheFieldOfAValueOfTheWrongType() {
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"items\": [{\"quantity\": \"lots\"}]}")
        .when()
        .post("/api/cases")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/malformed-request"))
        .body("errors[0].field", equalTo("items[0].quantity"));
  }

  @Test
  void shouldReplaceTheContentOfADraft() {
    String id = draft("alice", "{}");

    as("alice")
        .contentType(ContentType.JSON)
        .body(complete("DE", "3A090.a"))
        .when()
        .put("/api/cases/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("destinations", contains("DE"))
        .body("items[0].eccn", equalTo("3A090.a"))
        .body("version", greaterThan(0));
  }

  @Test
  void shouldListEveryMissingFieldWhenAnEmptyDraftIsSubmitted() {
    String id = draft("alice", "{}");

    as("alice")
        .when()
        .post("/api/cases/" + id + "/submit")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", endsWith("/application-incomplete"))
        .body("title", equalTo("The application is not complete"))
        .body(
            "errors.field",
            containsInAnyOrder(
                "contact.name",
                "contact.email",
                "endUseStatement",
                "items",
                "parties",
                "parties",
                "destinations"));
    as("alice").when().get("/api/cases/" + id).then().body("status", equalTo("DRAFT"));
    assertThat(process.started).isEmpty();
  }

  @Test
  void shouldListMissingItemPartyAndModelFieldsWhenSubmitting() {
    String body =
        """
        {
          "contact": {"name": "Alice", "email": "alice@acme-ai.example.com"},
          "items": [{"kind": "AI_MODEL", "eccn": "4E091"}],
          "parties": [{"role": "END_USER", "name": "Kumo"}],
          "destinations": ["JP"],
          "endUseStatement": "Research"
        }
        """;
    String id = draft("alice", body);

    as("alice")
        .when()
        .post("/api/cases/" + id + "/submit")
        .then()
        .statusCode(400)
        .body(
            "errors.field",
            containsInAnyOrder(
                "items[0].description",
                "items[0].quantity",
                "items[0].unit",
                "items[0].unitValue",
                "items[0].currency",
                "items[0].aiModel.parameterCount",
                "items[0].aiModel.trainingComputeOperations",
                "items[0].aiModel.weights",
                "items[0].aiModel.hostingControls",
                "parties",
                "parties[0].address",
                "parties[0].country"))
        .body("errors.find { it.field == 'parties' }.message", equalTo("must name a CONSIGNEE"));
  }

  @Test
  void shouldSubmitACompleteDraftAndRecordItsProcessInstance() {
    String id = draft("alice");

    as("alice")
        .when()
        .post("/api/cases/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"))
        .body("stage", equalTo("SCREENING"))
        .body("processInstanceKey", notNullValue())
        .body("submittedAt", notNullValue());
    assertThat(process.started).hasSize(1);
  }

  @Test
  void shouldRefuseToSubmitTwice() {
    String id = draft("alice");
    as("alice").when().post("/api/cases/" + id + "/submit").then().statusCode(200);

    as("alice")
        .when()
        .post("/api/cases/" + id + "/submit")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/illegal-transition"))
        .body("detail", equalTo("A case in status SUBMITTED cannot move to SUBMITTED."));
    assertThat(process.started).hasSize(1);
  }

  @Test
  void shouldRefuseToEditASubmittedCase() {
    String id = draft("alice");
    as("alice").when().post("/api/cases/" + id + "/submit").then().statusCode(200);

    as("alice")
        .contentType(ContentType.JSON)
        .body(complete("DE", "4E091"))
        .when()
        .put("/api/cases/" + id)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/case-not-editable"));
    as("alice").when().get("/api/cases/" + id).then().body("destinations", contains("JP"));
  }

  @Test
  void shouldKeepTheDraftWhenTheEngineCannotStartTheProcess() {
    process.unavailable();
    String id = draft("alice");

    as("alice")
        .when()
        .post("/api/cases/" + id + "/submit")
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .body("type", endsWith("/workflow-unavailable"));
    as("alice")
        .when()
        .get("/api/cases/" + id)
        .then()
        .body("status", equalTo("DRAFT"))
        .body("processInstanceKey", nullValue());
  }

  @Test
  void shouldCancelTheStartedProcessWhenTheSubmissionDoesNotCommit() {
    // given: the commit fails after the engine started the process
    process.afterStart(
        () ->
            transactions.registerInterposedSynchronization(
                new Synchronization() {
                  @Override
                  public void beforeCompletion() {
                    throw new IllegalStateException("the database went away (test)");
                  }

                  @Override
                  public void afterCompletion(int status) {}
                }));
    String id = draft("alice");

    // when
    as("alice").when().post("/api/cases/" + id + "/submit").then().statusCode(500);

    // then
    assertThat(process.started).hasSize(1);
    assertThat(process.orphansCancelled).hasSize(1);
    as("alice").when().get("/api/cases/" + id).then().body("status", equalTo("DRAFT"));
  }

  @Test
  void shouldWithdrawASubmittedCaseAndEndItsProcess() {
    String id = draft("alice");
    Long key =
        as("alice")
            .when()
            .post("/api/cases/" + id + "/submit")
            .then()
            .extract()
            .path("processInstanceKey");

    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"Customer cancelled the order\"}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("stage", equalTo("CLOSED"))
        .body("closedAt", notNullValue());
    assertThat(process.cancelled).containsExactly(key);
  }

  @Test
  void shouldWriteTheWithdrawalBeforeAskingTheEngineToCancel() {
    // given: when the engine is asked, the database shows what the transaction has written so far
    List<Object> writtenBeforeCancel = new CopyOnWriteArrayList<>();
    process.onCancel(
        exportCase -> {
          writtenBeforeCancel.add(
              em.createNativeQuery("select status from cases.export_case where id = :id")
                  .setParameter("id", exportCase.id())
                  .getSingleResult());
          writtenBeforeCancel.add(
              em.createNativeQuery(
                      "select count(*) from cases.audit_event"
                          + " where case_id = :id and action = 'CASE_WITHDRAWN'")
                  .setParameter("id", exportCase.id())
                  .getSingleResult());
        });
    String id = draft("alice");
    as("alice").when().post("/api/cases/" + id + "/submit").then().statusCode(200);

    // when
    as("alice")
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(200);

    // then: only the commit itself can still fail once the process is cancelled
    assertThat(writtenBeforeCancel).hasSize(2);
    assertThat(writtenBeforeCancel.get(0)).isEqualTo("WITHDRAWN");
    assertThat(((Number) writtenBeforeCancel.get(1)).longValue()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheCaseOpenWhenTheEngineCannotCancelItsProcess() {
    // given
    String id = draft("alice");
    as("alice").when().post("/api/cases/" + id + "/submit").then().statusCode(200);
    process.unavailable();

    // when
    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"Customer cancelled the order\"}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .body("type", endsWith("/workflow-unavailable"));

    // then: the withdrawal and everything written with it were rolled back
    assertThat(process.cancelled).isEmpty();
    as("alice")
        .when()
        .get("/api/cases/" + id)
        .then()
        .body("status", equalTo("SUBMITTED"))
        .body("closedAt", nullValue());
    as("alice")
        .when()
        .get("/api/cases/" + id + "/audit")
        .then()
        .body("action", not(hasItem("CASE_WITHDRAWN")));
  }

  @Test
  void shouldRejectAnOverlongWithdrawalReason() {
    String id = draft("alice");

    as("alice")
        .contentType(ContentType.JSON)
        .body("{\"reason\": \"" + "x".repeat(2001) + "\"}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("reason"));
    as("alice").when().get("/api/cases/" + id).then().body("status", equalTo("DRAFT"));
  }

  @Test
  void shouldRefuseToWithdrawAWithdrawnCase() {
    String id = draft("alice");
    as("alice").contentType(ContentType.JSON).body("{}").post("/api/cases/" + id + "/withdraw");

    as("alice")
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/cases/" + id + "/withdraw")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/illegal-transition"));
  }

  @Test
  void shouldHideACaseFromAnotherOrganisation() {
    String id = draft("alice");

    as("bob")
        .when()
        .get("/api/cases/" + id)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", endsWith("/not-found"));
    as("bob")
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .put("/api/cases/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void shouldAnswerNotFoundForAnUnknownOrMalformedId() {
    as("alice")
        .when()
        .get("/api/cases/00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
    as("alice").when().get("/api/cases/EL-2026-000001").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void shouldRefuseAnAuditorTheApplicantsActionsWithAReason() {
    as("audrey")
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/api/cases")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body(
            "detail",
            equalTo("Only applicants can create applications; your roles are [auditor]."));
  }

  @Test
  void shouldDocumentTheCaseEndpointsInOpenApi() {
    given()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/cases"))
        .body("paths", hasKey("/api/cases/{id}/submit"))
        .body("paths", hasKey("/api/cases/{id}/withdraw"))
        .body("paths", hasKey("/api/cases/{caseId}/documents"))
        .body("paths", hasKey("/api/cases/{caseId}/audit"))
        .body("paths", hasKey("/api/audit/verify"))
        .body("paths", hasKey("/api/escalations"));
  }
}
