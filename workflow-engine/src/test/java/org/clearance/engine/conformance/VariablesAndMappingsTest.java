package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VariablesAndMappingsTest extends EngineTestSupport {

  @Test
  void shouldApplyInputAndOutputMappings() {
    // given
    String processId = id("Process_Mappings");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "Task_Rate",
                t ->
                    t.zeebeJobType(jobType("rate"))
                        .zeebeInputExpression("applicant.name", "name")
                        .zeebeOutputExpression("score * 2", "risk.score"))
            .serviceTask("Task_Next", t -> t.zeebeJobType(jobType("next")))
            .endEvent()
            .done());
    start(processId, Map.of("applicant", Map.of("name", "Acme")));

    // when
    var rate = activateOne(jobType("rate"));
    complete(rate, Map.of("score", 21, "scratch", "x"));
    var next = activateOne(jobType("next"));

    // then
    assertThat(rate.getVariablesAsMap()).containsEntry("name", "Acme");
    assertThat(next.getVariablesAsMap())
        .containsEntry("risk", Map.of("score", 42))
        .doesNotContainKeys("scratch", "name", "score");
  }

  @Test
  void shouldPassStaticMappingSourcesAsLiteralStrings() {
    // given: sources without '=' as Camunda Modeler's connector templates write them
    String processId = id("Process_StaticMappings");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "Task_NotifyLicensingOfficer",
                t ->
                    t.zeebeJobType(jobType("notify"))
                        .zeebeInput("https://notify.example.org/v1/send", "endpoint")
                        .zeebeInput("licensing.officer@example.org", "recipient")
                        .zeebeInput("{{secrets.NOTIFY_TOKEN}}", "token")
                        .zeebeInput("25", "port")
                        .zeebeInput("=applicant.name", "applicantName")
                        .zeebeOutput("notified", "notificationState")
                        .zeebeOutput("=deliveryId", "notificationId"))
            .serviceTask("Task_Archive", t -> t.zeebeJobType(jobType("archive")))
            .endEvent()
            .done());
    start(processId, Map.of("applicant", Map.of("name", "Acme")));

    // when
    var notify = activateOne(jobType("notify"));
    complete(notify, Map.of("deliveryId", "D-17"));
    var archive = activateOne(jobType("archive"));

    // then: literals arrive as strings, exactly as written; '=' sources are still FEEL
    assertThat(notify.getVariablesAsMap())
        .containsEntry("endpoint", "https://notify.example.org/v1/send")
        .containsEntry("recipient", "licensing.officer@example.org")
        .containsEntry("token", "{{secrets.NOTIFY_TOKEN}}")
        .containsEntry("port", "25")
        .containsEntry("applicantName", "Acme");
    assertThat(archive.getVariablesAsMap())
        .containsEntry("notificationState", "notified")
        .containsEntry("notificationId", "D-17")
        .doesNotContainKeys("endpoint", "token", "deliveryId");
  }

  @Test
  void shouldEvaluateScriptTask() {
    // given
    String processId = id("Process_Script");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask(
                "Task_Total", s -> s.zeebeExpression("sum(items)").zeebeResultVariable("total"))
            .endEvent()
            .done());

    // when
    var result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("items", java.util.List.of(1, 2, 3)))
            .withResult()
            .send()
            .join();

    // then
    assertThat(result.getVariablesAsMap()).containsEntry("total", 6);
  }

  @Test
  void shouldSetLocalAndPropagatedVariables() {
    // given
    String processId = id("Process_SetVars");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("Task_A", t -> t.zeebeJobType(jobType("setvars")))
            .endEvent()
            .done());
    var instance = start(processId, Map.of("status", "new"));
    var job = activateOne(jobType("setvars"));

    // when
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("note", "local"))
        .local(true)
        .send()
        .join();
    client
        .newSetVariablesCommand(job.getElementInstanceKey())
        .variables(Map.of("status", "screened"))
        .send()
        .join();
    client.newFailCommand(job.getKey()).retries(1).send().join();
    var again = activateOne(jobType("setvars"));
    complete(again, Map.of());

    // then
    assertThat(again.getVariablesAsMap())
        .containsEntry("note", "local")
        .containsEntry("status", "screened");
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldUseFeelForJobTypeAndRetries() {
    // given
    String processId = id("Process_DynamicType");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "Task_Dynamic",
                t ->
                    t.zeebeJobTypeExpression("\"clearance.test.\" + kind")
                        .zeebeJobRetriesExpression("1 + 1"))
            .endEvent()
            .done());

    // when
    start(processId, Map.of("kind", "dyn." + suffix));
    var job =
        client
            .newActivateJobsCommand()
            .jobType("clearance.test.dyn." + suffix)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();

    // then
    assertThat(job).singleElement().satisfies(j -> assertThat(j.getRetries()).isEqualTo(2));
  }

  @Test
  void shouldKeepSubProcessVariablesLocalToItsOutputMappings() {
    // given
    String processId = id("Process_SubVars");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "SubProcess_Audit",
                s ->
                    s.zeebeOutputExpression("finding", "auditFinding")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask(
                            "Task_Audit",
                            t ->
                                t.zeebeJobType(jobType("subaudit"))
                                    .zeebeOutputExpression("result", "finding"))
                        .endEvent())
            .serviceTask("Task_After", t -> t.zeebeJobType(jobType("after")))
            .endEvent()
            .done());
    start(processId);

    // when
    complete(activateOne(jobType("subaudit")), Map.of("result", "ok"));
    var after = activateOne(jobType("after"));

    // then
    assertThat(after.getVariablesAsMap())
        .containsEntry("auditFinding", "ok")
        .containsEntry("finding", "ok");
  }
}
