package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JobTest extends EngineTestSupport {

  @Test
  void shouldWakeLongPollWhenJobIsCreated() {
    // given
    String processId = id("Process_LongPoll");
    deploy(oneTask(processId, "Task_Audit", jobType("audit")));
    var poll =
        client
            .newActivateJobsCommand()
            .jobType(jobType("audit"))
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(8))
            .send();

    // when
    long started = System.nanoTime();
    start(processId);

    // then
    var jobs = poll.join().getJobs();
    assertThat(jobs).hasSize(1);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
  }

  @Test
  void shouldActivateJobOnlyOnce() {
    // given
    String processId = id("Process_Once");
    deploy(oneTask(processId, "Task_A", jobType("once")));
    start(processId);

    // when
    var first = activate(jobType("once"), 5);
    var second =
        client
            .newActivateJobsCommand()
            .jobType(jobType("once"))
            .maxJobsToActivate(5)
            .requestTimeout(Duration.ofMillis(-1))
            .send()
            .join()
            .getJobs();

    // then
    assertThat(first).hasSize(1);
    assertThat(second).isEmpty();
  }

  @Test
  void shouldMakeJobActivatableAgainAfterTimeout() {
    // given
    String processId = id("Process_Timeout");
    deploy(oneTask(processId, "Task_A", jobType("timeout")));
    start(processId);
    var first =
        client
            .newActivateJobsCommand()
            .jobType(jobType("timeout"))
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(200))
            .send()
            .join()
            .getJobs();

    // when
    var again = activate(jobType("timeout"), 1);

    // then
    assertThat(first).hasSize(1);
    assertThat(again).singleElement().extracting(j -> j.getKey()).isEqualTo(first.get(0).getKey());
  }

  @Test
  void shouldGiveOnlyFetchedVariablesAndCustomHeaders() {
    // given
    String processId = id("Process_Fetch");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "Task_A",
                t -> t.zeebeJobType(jobType("fetch")).zeebeTaskHeader("channel", "export"))
            .endEvent()
            .done());
    start(processId, Map.of("a", 1, "b", 2));

    // when
    var job =
        client
            .newActivateJobsCommand()
            .jobType(jobType("fetch"))
            .maxJobsToActivate(1)
            .fetchVariables("a")
            .send()
            .join()
            .getJobs()
            .get(0);

    // then
    assertThat(job.getVariablesAsMap()).containsExactly(Map.entry("a", 1));
    assertThat(job.getCustomHeaders()).containsEntry("channel", "export");
    assertThat(job.getRetries()).isEqualTo(3);
  }

  @Test
  void shouldRejectCompletionOfUnknownJob() {
    assertRejected(
        () -> client.newCompleteCommand(123456789L).send().join(), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRejectSecondCompletionOfJob() {
    // given
    String processId = id("Process_Twice");
    deploy(oneTask(processId, "Task_A", jobType("twice")));
    start(processId);
    var job = activateOne(jobType("twice"));
    complete(job, Map.of());

    // when / then
    assertRejected(() -> complete(job, Map.of()), Status.Code.NOT_FOUND);
  }

  @Test
  void shouldRetryFailedJobAfterBackOff() {
    // given
    String processId = id("Process_Retry");
    deploy(oneTask(processId, "Task_A", jobType("retry")));
    start(processId);
    var job = activateOne(jobType("retry"));

    // when
    client
        .newFailCommand(job.getKey())
        .retries(2)
        .retryBackoff(Duration.ofMillis(300))
        .errorMessage("partner registry down")
        .send()
        .join();
    var retried = activateOne(jobType("retry"));

    // then
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(2);
  }

  @Test
  void shouldRejectFailureOfJobThatIsNotActivated() {
    // given
    String processId = id("Process_NotActivated");
    deploy(oneTask(processId, "Task_A", jobType("notactive")));
    start(processId);
    var job = activateOne(jobType("notactive"));
    client.newFailCommand(job.getKey()).retries(1).send().join();

    // when / then
    assertRejected(
        () -> client.newFailCommand(job.getKey()).retries(0).send().join(),
        Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldExtendJobTimeout() {
    // given
    String processId = id("Process_Extend");
    deploy(oneTask(processId, "Task_A", jobType("extend")));
    start(processId);
    var job =
        client
            .newActivateJobsCommand()
            .jobType(jobType("extend"))
            .maxJobsToActivate(1)
            .timeout(Duration.ofMillis(300))
            .send()
            .join()
            .getJobs()
            .get(0);

    // when
    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(5)).send().join();

    // then
    var none =
        client
            .newActivateJobsCommand()
            .jobType(jobType("extend"))
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofMillis(800))
            .send()
            .join()
            .getJobs();
    assertThat(none).isEmpty();
  }

  @Test
  void shouldRejectNonPositiveRetriesUpdate() {
    assertRejected(
        () -> client.newUpdateRetriesCommand(1L).retries(0).send().join(),
        Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void shouldCreateUserTaskJobWithAssignmentHeaders() {
    // given
    String processId = id("Process_Review");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "Task_LegalReview",
                t ->
                    t.zeebeCandidateGroups("legal, compliance")
                        .zeebeAssigneeExpression("reviewer")
                        .zeebeDueDate("2030-01-01T10:00:00Z")
                        .zeebeFormKey("camunda-forms:bpmn:review"))
            .endEvent()
            .done());
    start(processId, Map.of("reviewer", "alice"));

    // when
    var job = activateOne("io.camunda.zeebe:userTask");

    // then
    assertThat(job.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "alice")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"legal\",\"compliance\"]")
        .containsEntry("io.camunda.zeebe:dueDate", "2030-01-01T10:00:00Z")
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:review");
    complete(job, Map.of());
  }
}
