package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.clearance.engine.job.JobStreams;
import org.junit.jupiter.api.Test;

/** StreamActivatedJobs through the official client's streaming job worker. */
@QuarkusTest
class JobStreamingTest extends EngineTestSupport {

  @Inject JobStreams streams;

  @Test
  void shouldPushCreatedJobsToAnOpenStream() throws Exception {
    // given
    String processId = id("Process_Streamed");
    String type = jobType("streamed");
    deploy(oneTask(processId, "Task_Streamed", type));
    List<ActivatedJob> received = new CopyOnWriteArrayList<>();
    try (var worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (jobClient, job) -> {
                  received.add(job);
                  jobClient.newCompleteCommand(job.getKey()).send().join();
                })
            .name("streamer")
            .streamEnabled(true)
            .pollInterval(Duration.ofHours(1))
            .timeout(Duration.ofMinutes(1))
            .open()) {
      awaitTrue(() -> streams.streamedTypes().contains(type), "stream registered");
      long pushedBefore = streams.pushedJobs();

      // when
      var instances =
          List.of(
              start(processId, Map.of("n", 1)),
              start(processId, Map.of("n", 2)),
              start(processId, Map.of("n", 3)));

      // then: pushed, not polled (the worker's next poll is an hour away)
      awaitTrue(() -> received.size() == 3, "3 jobs received");
      assertThat(streams.pushedJobs() - pushedBefore).isEqualTo(3);
      assertThat(received)
          .extracting(ActivatedJob::getProcessInstanceKey)
          .containsExactlyInAnyOrderElementsOf(
              instances.stream().map(i -> i.getProcessInstanceKey()).toList());
      assertThat(received).allSatisfy(job -> assertThat(job.getWorker()).isEqualTo("streamer"));
      assertThat(received)
          .extracting(job -> ((Number) job.getVariablesAsMap().get("n")).intValue())
          .containsExactlyInAnyOrder(1, 2, 3);
      for (var instance : instances) {
        awaitTrue(
            () -> isCompleted(instance.getProcessInstanceKey(), processId), "instance completed");
      }
    }
  }

  @Test
  void shouldLeaveJobsToPollingWhenTheStreamIsClosed() throws Exception {
    // given
    String processId = id("Process_StreamClosed");
    String type = jobType("stream-closed");
    deploy(oneTask(processId, "Task_Streamed", type));
    var worker =
        client
            .newWorker()
            .jobType(type)
            .handler((jobClient, job) -> {})
            .streamEnabled(true)
            .pollInterval(Duration.ofHours(1))
            .open();
    awaitTrue(() -> streams.streamedTypes().contains(type), "stream registered");

    // when
    worker.close();
    awaitTrue(() -> !streams.streamedTypes().contains(type), "stream removed");
    var instance = start(processId);

    // then
    var job = activateOne(type);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waiting for: " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
