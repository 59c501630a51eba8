package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Camunda user tasks (zeebe:userTask) through the official client's user-task commands and search
 * over REST: no job, the task in engine.user_task (searchable at once), assignment, update,
 * completion with variables, cancellation by the instance or an interrupting boundary event.
 */
@QuarkusTest
class UserTaskRestTest extends EngineTestSupport {

  @Override
  boolean overRest() {
    return true;
  }

  private String deployReview(String processId) {
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .userTask(
                "Task_LegalReview",
                t ->
                    t.name("Legal review")
                        .zeebeUserTask()
                        .zeebeAssigneeExpression("reviewer")
                        .zeebeCandidateGroups("legal, export-control")
                        .zeebeCandidateUsersExpression("[\"ann\", \"bob\"]")
                        .zeebeDueDate("2030-01-31T17:00:00+01:00")
                        .zeebeFollowUpDateExpression("followUp")
                        .zeebeTaskPriorityExpression("priority")
                        .zeebeExternalFormReference("https://forms.example/legal")
                        .zeebeTaskHeader("caseType", "export-licence")
                        .zeebeOutputExpression("decision", "legalDecision"))
            .endEvent("End")
            .done());
    return processId;
  }

  private UserTask onlyTaskOf(long processInstanceKey) {
    var tasks =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey))
            .send()
            .join()
            .items();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void shouldCreateTheTaskFromTheModelWithoutAJob() {
    // given
    String processId = deployReview(id("Process_Review"));

    // when
    long instance =
        start(
                processId,
                Map.of("reviewer", "carol", "followUp", "2030-01-20T09:00:00Z", "priority", 80))
            .getProcessInstanceKey();

    // then
    UserTask task = onlyTaskOf(instance);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getName()).isEqualTo("Legal review");
    assertThat(task.getElementId()).isEqualTo("Task_LegalReview");
    assertThat(task.getAssignee()).isEqualTo("carol");
    assertThat(task.getCandidateGroups()).containsExactly("legal", "export-control");
    assertThat(task.getCandidateUsers()).containsExactly("ann", "bob");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-31T16:00:00Z"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2030-01-20T09:00:00Z"));
    assertThat(task.getPriority()).isEqualTo(80);
    assertThat(task.getExternalFormReference()).isEqualTo("https://forms.example/legal");
    assertThat(task.getCustomHeaders()).containsEntry("caseType", "export-licence");
    assertThat(task.getBpmnProcessId()).isEqualTo(processId);
    assertThat(task.getCreationDate()).isNotNull();
    assertThat(task.getCompletionDate()).isNull();
    assertThat(rowsOf("job", instance)).isZero();
    assertThat(records(instance, "USER_TASK", "CREATED", "Task_LegalReview")).hasSize(1);
    assertThat(records(instance, "USER_TASK", "ASSIGNED", "Task_LegalReview")).hasSize(1);
    assertThat(client.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getAssignee())
        .isEqualTo("carol");
  }

  @Test
  void shouldCompleteWithVariablesAndContinueTheInstance() {
    // given
    String processId = deployReview(id("Process_Review"));
    long instance =
        start(processId, Map.of("reviewer", "carol", "priority", 50)).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();

    // when
    client.newCompleteUserTaskCommand(task).variables(Map.of("decision", "approve")).send().join();

    // then
    assertThat(completedElements(instance))
        .containsExactly("Start", "Task_LegalReview", "End", processId);
    assertThat(variable(instance, "legalDecision")).isEqualTo("\"approve\"");
    UserTask done = client.newUserTaskGetRequest(task).send().join();
    assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(done.getCompletionDate()).isNotNull();
    assertRejected(
        () -> client.newCompleteUserTaskCommand(task).send().join(),
        Status.Code.NOT_FOUND,
        "no such user task");
  }

  @Test
  void shouldAssignUnassignAndRefuseToOverrideWhenAsked() {
    // given
    String processId = deployReview(id("Process_Review"));
    long instance =
        start(processId, Map.of("reviewer", "carol", "priority", 50)).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();

    // when
    client.newAssignUserTaskCommand(task).assignee("dave").send().join();

    // then
    assertThat(onlyTaskOf(instance).getAssignee()).isEqualTo("dave");
    assertRejected(
        () ->
            client
                .newAssignUserTaskCommand(task)
                .assignee("erin")
                .allowOverride(false)
                .send()
                .join(),
        Status.Code.FAILED_PRECONDITION,
        "already assigned to 'dave'");
    client.newUnassignUserTaskCommand(task).send().join();
    assertThat(onlyTaskOf(instance).getAssignee()).isNull();
    client.newAssignUserTaskCommand(task).assignee("erin").allowOverride(false).send().join();
    assertThat(onlyTaskOf(instance).getAssignee()).isEqualTo("erin");
    assertThat(records(instance, "USER_TASK", "ASSIGNED", "Task_LegalReview")).hasSize(4);
  }

  @Test
  void shouldUpdateScheduleCandidatesAndPriority() {
    // given
    String processId = deployReview(id("Process_Review"));
    long instance =
        start(processId, Map.of("reviewer", "carol", "priority", 50)).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();

    // when
    client
        .newUpdateUserTaskCommand(task)
        .dueDate("2031-06-01T12:00:00+02:00")
        .clearFollowUpDate()
        .candidateGroups("sanctions")
        .clearCandidateUsers()
        .priority(95)
        .send()
        .join();

    // then
    UserTask updated = onlyTaskOf(instance);
    assertThat(updated.getDueDate()).isEqualTo(OffsetDateTime.parse("2031-06-01T10:00:00Z"));
    assertThat(updated.getFollowUpDate()).isNull();
    assertThat(updated.getCandidateGroups()).containsExactly("sanctions");
    assertThat(updated.getCandidateUsers()).isEmpty();
    assertThat(updated.getPriority()).isEqualTo(95);
    assertThat(updated.getAssignee()).isEqualTo("carol");
    assertRejected(
        () -> client.newUpdateUserTaskCommand(task).priority(101).send().join(),
        Status.Code.INVALID_ARGUMENT,
        "between 0 and 100");
    assertRejected(
        () -> client.newUpdateUserTaskCommand(task).dueDate("next friday").send().join(),
        Status.Code.INVALID_ARGUMENT,
        "next friday");
    assertThat(onlyTaskOf(instance).getPriority()).isEqualTo(95);
  }

  @Test
  void shouldFilterSortAndPageTasks() {
    // given
    String processId = deployReview(id("Process_Review"));
    long low = start(processId, Map.of("reviewer", "ann", "priority", 10)).getProcessInstanceKey();
    long high = start(processId, Map.of("reviewer", "bob", "priority", 90)).getProcessInstanceKey();
    long middle =
        start(processId, Map.of("reviewer", "ann", "priority", 40)).getProcessInstanceKey();
    client.newCompleteUserTaskCommand(onlyTaskOf(middle).getUserTaskKey()).send().join();

    // when
    var open =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(processId).state(UserTaskState.CREATED))
            .sort(s -> s.priority().desc())
            .send()
            .join();
    var ann =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(processId).assignee("ann"))
            .send()
            .join();
    var legal =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(processId).candidateGroup("legal"))
            .page(p -> p.limit(2))
            .send()
            .join();
    var next =
        client
            .newUserTaskSearchRequest()
            .filter(f -> f.bpmnProcessId(processId).candidateGroup("legal"))
            .page(p -> p.limit(2).after(legal.page().endCursor()))
            .send()
            .join();

    // then
    assertThat(open.items()).extracting(UserTask::getProcessInstanceKey).containsExactly(high, low);
    assertThat(ann.items())
        .extracting(UserTask::getProcessInstanceKey)
        .containsExactlyInAnyOrder(low, middle);
    assertThat(legal.page().totalItems()).isEqualTo(3);
    assertThat(legal.items()).hasSize(2);
    assertThat(next.items()).hasSize(1);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.bpmnProcessId(processId).candidateGroup("finance"))
                .send()
                .join()
                .items())
        .isEmpty();
    // the element statistics count user tasks like any element (from the projection)
    long definitionKey = open.items().get(0).getProcessDefinitionKey();
    String counted = "";
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (!counted.equals("2/1") && System.nanoTime() < deadline) {
      counted =
          client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join().stream()
              .filter(e -> e.getElementId().equals("Task_LegalReview"))
              .map(e -> e.getActive() + "/" + e.getCompleted())
              .findFirst()
              .orElse("");
      if (!counted.equals("2/1")) {
        pause();
      }
    }
    assertThat(counted).as("active/completed of Task_LegalReview").isEqualTo("2/1");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"sort\": [{\"field\": \"candidateGroup\"}]}")
        .post("/v2/user-tasks/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void shouldCancelTheTaskWhenTheInstanceIsCancelled() {
    // given
    String processId = deployReview(id("Process_Review"));
    long instance =
        start(processId, Map.of("reviewer", "carol", "priority", 50)).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();

    // when
    client.newCancelInstanceCommand(instance).send().join();

    // then
    UserTask canceled = client.newUserTaskGetRequest(task).send().join();
    assertThat(canceled.getState()).isEqualTo(UserTaskState.CANCELED);
    assertThat(canceled.getCompletionDate()).isNotNull();
    assertThat(records(instance, "USER_TASK", "CANCELED", "Task_LegalReview")).hasSize(1);
    assertRejected(
        () -> client.newAssignUserTaskCommand(task).assignee("dave").send().join(),
        Status.Code.NOT_FOUND);
  }

  @Test
  void shouldCancelTheTaskWhenAnInterruptingBoundaryEventFires() {
    // given
    String processId = id("Process_Review");
    String message = id("case-withdrawn");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .userTask("Task_Review", t -> t.zeebeUserTask().zeebeCandidateGroups("legal"))
            .boundaryEvent(
                "Event_Withdrawn",
                b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Withdrawn")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long instance = start(processId, Map.of("caseId", "case-31")).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey("case-31").send().join();

    // then
    assertThat(completedElements(instance))
        .containsExactly("Start", "Event_Withdrawn", "End_Withdrawn", processId);
    assertThat(client.newUserTaskGetRequest(task).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldRaiseAnIncidentForADueDateThatIsNoDate() {
    // given
    String processId = id("Process_Review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .userTask("Task_Review", t -> t.zeebeUserTask().zeebeDueDateExpression("due"))
            .endEvent("End")
            .done());

    // when
    long instance = start(processId, Map.of("due", "tomorrow")).getProcessInstanceKey();

    // then
    var incidents = records(instance, "INCIDENT", "CREATED", "Task_Review");
    assertThat(incidents).hasSize(1);
    var value = (Map<?, ?>) incidents.get(0).get("value");
    assertThat(value.get("errorType")).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat((String) value.get("errorMessage")).contains("valid date-time", "tomorrow");
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instance))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void shouldGiveTheTaskTheTenantOfItsProcess() {
    // given
    String processId = id("Process_Review");
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask("Task_Review", t -> t.zeebeUserTask())
                .endEvent()
                .done(),
            processId + ".bpmn")
        .tenantId("partner-lab")
        .send()
        .join();

    // when
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .tenantId("partner-lab")
            .send()
            .join()
            .getProcessInstanceKey();

    // then
    assertThat(onlyTaskOf(instance).getTenantId()).isEqualTo("partner-lab");
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(f -> f.processInstanceKey(instance).tenantId("<default>"))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  @Test
  void shouldRejectModelsTheEngineCannotRunAsCamundaUserTasks() {
    for (var model :
        List.of(
            Bpmn.createExecutableProcess(id("Process_FormKey"))
                .startEvent()
                .userTask("Task_Embedded", t -> t.zeebeUserTask().zeebeFormKey("camunda-forms:x"))
                .endEvent()
                .done(),
            Bpmn.createExecutableProcess(id("Process_Priority"))
                .startEvent()
                .userTask("Task_Urgent", t -> t.zeebeUserTask().zeebeTaskPriority("150"))
                .endEvent()
                .done())) {
      assertRejected(() -> deploy(model), Status.Code.INVALID_ARGUMENT);
    }
  }

  @Test
  void shouldSearchTheVariablesVisibleFromTheTask() {
    // given
    String processId = id("Process_Review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .userTask(
                "Task_Review",
                t ->
                    t.zeebeUserTask()
                        .zeebeInputExpression("caseId", "localCase")
                        .zeebeInputExpression("\"internal review\"", "caseId"))
            .endEvent("End")
            .done());
    long instance =
        start(processId, Map.of("caseId", "case-41", "applicant", "ACME")).getProcessInstanceKey();
    UserTask task = onlyTaskOf(instance);

    // when: the variable search reads the projection, which follows the commands
    List<String> names = List.of();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (names.size() < 4 && System.nanoTime() < deadline) {
      names =
          client
              .newUserTaskVariableSearchRequest(task.getUserTaskKey())
              .send()
              .join()
              .items()
              .stream()
              .map(v -> v.getName())
              .toList();
      if (names.size() < 4) {
        pause(); // the projector runs every 200 ms
      }
    }
    var local =
        client
            .newUserTaskVariableSearchRequest(task.getUserTaskKey())
            .filter(f -> f.name("localCase"))
            .send()
            .join()
            .items();

    // then
    // one item per scope and name: caseId of the instance and the task's own (shadowing) caseId
    assertThat(names).containsExactlyInAnyOrder("caseId", "caseId", "applicant", "localCase");
    var effective =
        client
            .newUserTaskEffectiveVariableSearchRequest(task.getUserTaskKey())
            .send()
            .join()
            .items();
    assertThat(effective)
        .extracting(v -> v.getName() + "=" + v.getValue())
        .containsExactlyInAnyOrder(
            "caseId=\"internal review\"", "applicant=\"ACME\"", "localCase=\"case-41\"");
    assertThat(local).hasSize(1);
    assertThat(local.get(0).getValue()).isEqualTo("\"case-41\"");
    assertThat(local.get(0).getScopeKey()).isEqualTo(task.getElementInstanceKey());
    assertRejected(
        () -> client.newUserTaskVariableSearchRequest(42L).send().join(), Status.Code.NOT_FOUND);
    // the task search filters by the (projected) variables of the instance and of the task
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.bpmnProcessId(processId)
                            .processInstanceVariables(
                                List.of(v -> v.name("applicant").value("\"ACME\""))))
                .send()
                .join()
                .items())
        .extracting(UserTask::getUserTaskKey)
        .containsExactly(task.getUserTaskKey());
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.bpmnProcessId(processId)
                            .localVariables(
                                List.of(v -> v.name("localCase").value(p -> p.like("*41*")))))
                .send()
                .join()
                .items())
        .hasSize(1);
    assertThat(
            client
                .newUserTaskSearchRequest()
                .filter(
                    f ->
                        f.bpmnProcessId(processId)
                            .processInstanceVariables(
                                List.of(v -> v.name("applicant").value("\"Globex\""))))
                .send()
                .join()
                .items())
        .isEmpty();
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void shouldAnswerProblemsForUnknownTasksAndBadInput() {
    assertRejected(() -> client.newUserTaskGetRequest(42L).send().join(), Status.Code.NOT_FOUND);
    assertRejected(
        () -> client.newAssignUserTaskCommand(42L).assignee("dave").send().join(),
        Status.Code.NOT_FOUND);
    assertRejected(
        () -> client.newUpdateUserTaskCommand(42L).priority(20).send().join(),
        Status.Code.NOT_FOUND);
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"assignee\": \"\"}")
        .post("/v2/user-tasks/42/assignment")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    RestAssured.given()
        .contentType(ContentType.JSON)
        .body("{\"variables\": [1, 2]}")
        .post("/v2/user-tasks/42/completion")
        .then()
        .statusCode(400);
    String processId = deployReview(id("Process_Review"));
    long instance =
        start(processId, Map.of("reviewer", "carol", "priority", 50)).getProcessInstanceKey();
    long task = onlyTaskOf(instance).getUserTaskKey();
    RestAssured.given().get("/v2/user-tasks/" + task + "/form").then().statusCode(204);
    RestAssured.given().get("/v2/user-tasks/42/form").then().statusCode(404);
  }
}
