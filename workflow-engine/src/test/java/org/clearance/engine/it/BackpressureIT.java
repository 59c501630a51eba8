package org.clearance.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearance.engine.it.ItSupport.awaitTrue;
import static org.clearance.engine.it.ItSupport.database;
import static org.clearance.engine.it.ItSupport.deploy;
import static org.clearance.engine.it.ItSupport.queryLong;
import static org.clearance.engine.it.ItSupport.statusOf;
import static org.clearance.engine.it.ItSupport.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backpressure, deterministically: an engine with one command thread and room for two queued
 * commands; the test blocks that thread by holding the row lock of a process instance, so the queue
 * fills exactly as the test says.
 */
class BackpressureIT {

  @Test
  void refusesNewWorkButAcceptsCompletionsAndActivationsAndServesCompletionsFirst()
      throws Exception {
    try (EngineProcess engine =
            EngineProcess.startClean(
                "backpressure",
                Map.of(
                    "clearance.engine.command-threads", "1",
                    "clearance.engine.command-queue-capacity", "2",
                    "clearance.engine.max-queue-wait", "600000"));
        CamundaClient client = engine.client()) {
      deploy(client, tasks("Process_Pressure", "pressure"), "Process_Pressure");
      var first = create(client);
      var second = create(client);
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType("pressure")
              .maxJobsToActivate(2)
              .timeout(Duration.ofMinutes(5))
              .send()
              .join()
              .getJobs();
      assertThat(jobs).hasSize(2);
      ActivatedJob firstJob = jobOf(jobs, first);
      ActivatedJob secondJob = jobOf(jobs, second);

      try (var lock = database()) {
        // given: the only command thread waits for a row lock the test holds
        lock.setAutoCommit(false);
        try (var statement =
            lock.prepareStatement(
                "SELECT key FROM engine.process_instance WHERE key = ? FOR UPDATE")) {
          statement.setLong(1, first.getProcessInstanceKey());
          statement.executeQuery().close();
        }
        var blocked = client.newCompleteCommand(firstJob.getKey()).send().toCompletableFuture();
        awaitTrue(
            10_000,
            "command thread blocked on the row lock",
            () -> {
              try {
                return queryLong(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND datname = current_database()")
                    == 1;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
        // ... and two creations fill the queue
        var queuedCreates = List.of(createAsync(client), createAsync(client));
        awaitTrue(10_000, "two commands queued", () -> queued(engine, "normal") == 2);

        // when / then: a third creation is refused at once
        assertThatThrownBy(() -> create(client))
            .satisfies(e -> assertThat(statusOf(e)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));

        // ActivateJobs does not count against the bound and is still answered
        var none =
            client
                .newActivateJobsCommand()
                .jobType("nothing-here")
                .maxJobsToActivate(1)
                .requestTimeout(Duration.ofMillis(200))
                .send()
                .join(10, TimeUnit.SECONDS);
        assertThat(none.getJobs()).isEmpty();

        // a completion is accepted while creations are refused
        var completion = client.newCompleteCommand(secondJob.getKey()).send().toCompletableFuture();
        awaitTrue(10_000, "completion queued", () -> queued(engine, "job-result") == 1);
        assertThatThrownBy(() -> create(client))
            .satisfies(e -> assertThat(statusOf(e)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));

        lock.commit();

        // everything accepted is done, and the completion ran before the queued creations
        blocked.get(10, TimeUnit.SECONDS);
        completion.get(10, TimeUnit.SECONDS);
        long completedAt =
            queryLong(
                "SELECT position FROM engine.record WHERE key = ? AND value_type = 'JOB'"
                    + " AND intent = 'COMPLETED'",
                secondJob.getKey());
        for (var create : queuedCreates) {
          long instance = create.get(10, TimeUnit.SECONDS).getProcessInstanceKey();
          long createdAt =
              queryLong(
                  "SELECT min(position) FROM engine.record WHERE process_instance_key = ?",
                  instance);
          assertThat(completedAt).isLessThan(createdAt);
        }
        // and the engine takes new work again
        create(client);
      }
    }
  }

  private static ProcessInstanceEvent create(CamundaClient client) {
    return createAsync(client).join();
  }

  private static CompletableFuture<ProcessInstanceEvent> createAsync(CamundaClient client) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("Process_Pressure")
        .latestVersion()
        .send()
        .toCompletableFuture();
  }

  private static ActivatedJob jobOf(List<ActivatedJob> jobs, ProcessInstanceEvent instance) {
    return jobs.stream()
        .filter(j -> j.getProcessInstanceKey() == instance.getProcessInstanceKey())
        .findFirst()
        .orElseThrow();
  }

  /** The engine's queue gauge, read from /q/metrics. */
  private static int queued(EngineProcess engine, String lane) {
    try {
      String metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + engine.httpPort() + "/q/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return metrics
          .lines()
          .filter(l -> l.startsWith("engine_command_queue{") && l.contains("lane=\"" + lane + "\""))
          .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
          .findFirst()
          .orElse(-1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
