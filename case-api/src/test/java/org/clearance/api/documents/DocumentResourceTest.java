package org.clearance.api.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.clearance.api.support.Applications.draft;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.clearance.api.support.FakeCaseProcess;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DocumentResourceTest {

  private static final String PROBLEM = "application/problem+json";

  @BeforeEach
  void installProcess() {
    FakeCaseProcess.install();
  }

  @Test
  void shouldReturnTheSameBytesAndChecksumOnDownload() throws Exception {
    // given
    String caseId = draft("alice");
    byte[] pdf = new byte[40_000];
    new Random(42).nextBytes(pdf);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

    // when
    Response uploaded =
        as("alice")
            .multiPart("file", "../../etc/end-user-certificate.pdf", pdf, "application/pdf")
            .when()
            .post("/api/cases/" + caseId + "/documents");

    // then
    uploaded
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/cases/" + caseId + "/documents/" + uploaded.path("id")))
        .body("sha256", equalTo(sha256))
        .body("size", equalTo(pdf.length))
        .body("filename", equalTo("end-user-certificate.pdf"))
        .body("contentType", equalTo("application/pdf"))
        .body("uploadedBy", equalTo("alice"));
    Response download =
        as("alice").when().get("/api/cases/" + caseId + "/documents/" + uploaded.path("id"));
    download
        .then()
        .statusCode(200)
        .contentType("application/pdf")
        .header(
            "Repr-Digest",
            "sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))
                + ":");
    assertThat(download.asByteArray()).isEqualTo(pdf);
  }

  @Test
  void shouldListTheDocumentsOfACaseAlsoInTheCase() {
    String caseId = draft("alice");
    as("alice")
        .multiPart("file", "notes.txt", "end use notes".getBytes(), "text/plain; charset=UTF-8")
        .post("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(201);

    as("alice")
        .get("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(200)
        .body("filename", contains("notes.txt"))
        .body("contentType", contains("text/plain"));
    as("alice")
        .get("/api/cases/" + caseId)
        .then()
        .body("documents.filename", contains("notes.txt"));
  }

  @Test
  void shouldRejectADocumentLargerThanTheConfiguredLimit() {
    String caseId = draft("alice");

    as("alice")
        .multiPart("file", "big.pdf", new byte[70 * 1024], "application/pdf")
        .when()
        .post("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", endsWith("/document-too-large"));
  }

  @Test
  void shouldRejectAContentTypeThatIsNotAllowed() {
    String caseId = draft("alice");

    as("alice")
        .multiPart("file", "setup.exe", new byte[] {77, 90}, "application/x-msdownload")
        .when()
        .post("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", endsWith("/unsupported-document-type"));
  }

  @Test
  void shouldRejectAnUploadWithoutAFilePart() {
    String caseId = draft("alice");

    as("alice")
        .multiPart("comment", "no file here")
        .when()
        .post("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors[0].field", equalTo("file"));
  }

  @Test
  void shouldRefuseNewDocumentsOnceTheCaseIsSubmitted() {
    String caseId = draft("alice");
    as("alice").post("/api/cases/" + caseId + "/submit").then().statusCode(200);

    as("alice")
        .multiPart("file", "late.txt", "late".getBytes(), "text/plain")
        .when()
        .post("/api/cases/" + caseId + "/documents")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("type", endsWith("/case-not-editable"));
  }

  @Test
  void shouldRemoveADocumentFromADraft() {
    String caseId = draft("alice");
    String documentId =
        as("alice")
            .multiPart("file", "old.txt", "old".getBytes(), "text/plain")
            .post("/api/cases/" + caseId + "/documents")
            .path("id");

    as("alice")
        .when()
        .delete("/api/cases/" + caseId + "/documents/" + documentId)
        .then()
        .statusCode(204);
    as("alice")
        .get("/api/cases/" + caseId + "/documents/" + documentId)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }

  @Test
  void shouldHideAnotherOrganisationsDocuments() {
    String caseId = draft("alice");
    String documentId =
        as("alice")
            .multiPart("file", "secret.txt", "secret".getBytes(), "text/plain")
            .post("/api/cases/" + caseId + "/documents")
            .path("id");

    as("bob")
        .get("/api/cases/" + caseId + "/documents/" + documentId)
        .then()
        .statusCode(404)
        .contentType(PROBLEM);
  }
}
