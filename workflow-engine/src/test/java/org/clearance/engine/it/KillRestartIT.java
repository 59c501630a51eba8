package org.clearance.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clearance.engine.it.ItSupport.awaitTrue;
import static org.clearance.engine.it.ItSupport.deploy;
import static org.clearance.engine.it.ItSupport.queryLong;
import static org.clearance.engine.it.ItSupport.statusOf;
import static org.clearance.engine.it.ItSupport.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.worker.JobClient;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged engine as a real process, killed with SIGKILL at chosen moments and started again on
 * the same database. What a client was told succeeded must be there after the restart; nothing may
 * happen twice; nothing may be lost.
 */
class KillRestartIT {

  private static EngineProcess engine;
  private static final AtomicInteger failedCompletions = new AtomicInteger();

  @BeforeAll
  static void startEngine() throws Exception {
    engine =
        EngineProcess.startClean("kill-restart", Map.of("clearance.engine.sweep-interval", "200"));
  }

  @AfterAll
  static void stopEngine() throws Exception {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void acknowledgedCommandsSurviveAKillAndTimedOutJobsComeBack() throws Exception {
    List<ProcessInstanceEvent> instances = new ArrayList<>();
    List<ActivatedJob> completed;
    List<ActivatedJob> held;
    List<ActivatedJob> shortTimeout;
    try (CamundaClient client = engine.client()) {
      deploy(client, tasks("Process_Ack", "ack-a", "ack-b"), "Process_Ack");
      for (int i = 0; i < 20; i++) {
        instances.add(
            client
                .newCreateInstanceCommand()
                .bpmnProcessId("Process_Ack")
                .latestVersion()
                .variables(Map.of("i", i))
                .send()
                .join());
      }
      var activated =
          client
              .newActivateJobsCommand()
              .jobType("ack-a")
              .maxJobsToActivate(10)
              .timeout(Duration.ofMinutes(10))
              .send()
              .join()
              .getJobs();
      assertThat(activated).hasSize(10);
      completed = activated.subList(0, 5);
      held = activated.subList(5, 10);
      for (var job : completed) {
        client.newCompleteCommand(job.getKey()).variables(Map.of("done", true)).send().join();
      }
      // and jobs activated with a short timeout that passes while the engine is down
      deploy(client, tasks("Process_Timeout", "timeout-a"), "Process_Timeout");
      for (int i = 0; i < 3; i++) {
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("Process_Timeout")
            .latestVersion()
            .send()
            .join();
      }
      shortTimeout =
          client
              .newActivateJobsCommand()
              .jobType("timeout-a")
              .maxJobsToActivate(3)
              .timeout(Duration.ofSeconds(2))
              .send()
              .join()
              .getJobs();
      assertThat(shortTimeout).hasSize(3);
    }
    long deadline = shortTimeout.stream().mapToLong(ActivatedJob::getDeadline).max().orElseThrow();

    // when
    engine.killAndRestart();

    try (CamundaClient client = engine.client()) {
      // then: the deployment is there
      var created =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("Process_Ack")
              .latestVersion()
              .send()
              .join();
      assertThat(created.getVersion()).isEqualTo(1);

      // completed jobs moved their instances on, with the variables they completed with
      var second =
          client
              .newActivateJobsCommand()
              .jobType("ack-b")
              .maxJobsToActivate(100)
              .timeout(Duration.ofMinutes(10))
              .send()
              .join()
              .getJobs();
      assertThat(second)
          .extracting(ActivatedJob::getProcessInstanceKey)
          .containsExactlyInAnyOrderElementsOf(keys(completed));
      assertThat(second)
          .allSatisfy(j -> assertThat(j.getVariablesAsMap()).containsEntry("done", true));

      // completing a completed job again is NOT_FOUND
      for (var job : completed) {
        assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
            .satisfies(e -> assertThat(statusOf(e)).isEqualTo(Status.Code.NOT_FOUND));
      }

      // jobs still held under their (long) timeout are not handed out again; every other created
      // instance, and the new one, waits at its first task
      var first =
          client
              .newActivateJobsCommand()
              .jobType("ack-a")
              .maxJobsToActivate(100)
              .timeout(Duration.ofMinutes(10))
              .send()
              .join()
              .getJobs();
      Set<Long> expected = new HashSet<>();
      instances.stream().map(ProcessInstanceEvent::getProcessInstanceKey).forEach(expected::add);
      keys(completed).forEach(expected::remove);
      keys(held).forEach(expected::remove);
      expected.add(created.getProcessInstanceKey());
      assertThat(first)
          .extracting(ActivatedJob::getProcessInstanceKey)
          .containsExactlyInAnyOrderElementsOf(expected);

      // the jobs activated before the kill can still be completed by their worker
      for (var job : held) {
        client.newCompleteCommand(job.getKey()).send().join();
      }

      // jobs whose timeout passed are activatable again (a long poll gets them), not before
      List<ActivatedJob> again = new ArrayList<>();
      long until = System.currentTimeMillis() + 20_000;
      while (again.size() < 3 && System.currentTimeMillis() < until) {
        again.addAll(
            client
                .newActivateJobsCommand()
                .jobType("timeout-a")
                .maxJobsToActivate(3)
                .timeout(Duration.ofMinutes(1))
                .requestTimeout(Duration.ofSeconds(10))
                .send()
                .join()
                .getJobs());
      }
      long receivedAt = System.currentTimeMillis();
      assertThat(again)
          .extracting(ActivatedJob::getKey)
          .containsExactlyInAnyOrderElementsOf(
              shortTimeout.stream().map(ActivatedJob::getKey).toList());
      assertThat(receivedAt).isGreaterThanOrEqualTo(deadline);
      for (var job : again) {
        client.newCompleteCommand(job.getKey()).send().join();
      }
    }
  }

  @Test
  void noJobIsCompletedTwiceAndNoInstanceIsLostWhenKilledUnderLoad() throws Exception {
    int instances = 200;
    Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    Map<Long, AtomicInteger> lastTaskDone = new ConcurrentHashMap<>();
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger completionsTotal = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    long definition;
    failedCompletions.set(0);

    try (CamundaClient client = engine.client()) {
      definition = deploy(client, tasks("Process_Load", "load-a", "load-b"), "Process_Load");
      List<AutoCloseable> workers = new ArrayList<>();
      for (String type : List.of("load-a", "load-b")) {
        for (int w = 0; w < 2; w++) {
          workers.add(
              client
                  .newWorker()
                  .jobType(type)
                  .handler(
                      (jobClient, job) ->
                          complete(jobClient, job, completions, lastTaskDone, completionsTotal))
                  .name("load-" + w)
                  .maxJobsActive(32)
                  .timeout(Duration.ofSeconds(2))
                  .pollInterval(Duration.ofMillis(50))
                  .requestTimeout(Duration.ofSeconds(5))
                  .open());
        }
      }
      // creates until `instances` were acknowledged; the ones refused or cut off by the kill are
      // retried (one that committed without an answer is an extra instance, which must finish too)
      Semaphore inFlight = new Semaphore(4); // paced, so the kill also cuts off creations
      Thread starter =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (acknowledged.size() < instances && !stop.get()) {
                      try {
                        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                          continue;
                        }
                      } catch (InterruptedException e) {
                        return;
                      }
                      if (acknowledged.size() >= instances) {
                        inFlight.release();
                        return;
                      }
                      client
                          .newCreateInstanceCommand()
                          .bpmnProcessId("Process_Load")
                          .latestVersion()
                          .send()
                          .whenComplete(
                              (created, error) -> {
                                if (error == null) {
                                  acknowledged.add(created.getProcessInstanceKey());
                                } else {
                                  sleepQuietly(50);
                                }
                                inFlight.release();
                              });
                    }
                  });

      // when: killed while workers complete jobs
      awaitTrue(60_000, "load under way", () -> completionsTotal.get() >= 60);
      engine.kill();
      int ackedAtKill = acknowledged.size();
      int completedAtKill = completionsTotal.get();
      Thread.sleep(300); // requests fail while it is down
      engine.start();

      // The workers from before the kill carry on (their client reconnects); one more worker
      // per type on a fresh client, as a restarted worker process would be, keeps the test
      // independent of how quickly the old client's workers recover from the failed calls.
      CamundaClient fresh = engine.client();
      for (String type : List.of("load-a", "load-b")) {
        workers.add(
            fresh
                .newWorker()
                .jobType(type)
                .handler(
                    (jobClient, job) ->
                        complete(jobClient, job, completions, lastTaskDone, completionsTotal))
                .name("load-after-restart")
                .maxJobsActive(32)
                .timeout(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .requestTimeout(Duration.ofSeconds(5))
                .open());
      }
      workers.add(fresh);

      // then: every instance the engine holds finishes (none is stuck) ...
      try {
        awaitTrue(
            90_000,
            "every instance finished",
            () -> {
              try {
                return acknowledged.size() >= instances
                    && queryLong(
                            "SELECT count(*) FROM engine.process_instance"
                                + " WHERE process_definition_key = ?",
                            definition)
                        == 0;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
      } catch (AssertionError e) {
        System.out.printf(
            "stuck: %d acknowledged, %d finished, %d completions; engine jobs: %s%n",
            acknowledged.size(), lastTaskDone.size(), completionsTotal.get(), jobStates());
        throw e;
      }
      stop.set(true);
      starter.join();
      // ... and every acknowledged one completed, by the engine's log (the client may not know:
      // a last completion can commit with its answer cut off by the kill)
      Set<Long> completedInstances = new HashSet<>();
      try (var connection = ItSupport.database();
          var statement =
              connection.prepareStatement(
                  "SELECT process_instance_key FROM engine.record WHERE value_type = 'PROCESS_INSTANCE'"
                      + " AND intent = 'ELEMENT_COMPLETED' AND value ->> 'elementId' = 'Process_Load'");
          var rs = statement.executeQuery()) {
        while (rs.next()) {
          completedInstances.add(rs.getLong(1));
        }
      }
      assertThat(completedInstances).containsAll(acknowledged);
      assertThat(completedInstances).containsAll(lastTaskDone.keySet());
      for (AutoCloseable worker : workers) {
        worker.close();
      }

      System.out.printf(
          "killed at %d acknowledged instances, %d acknowledged completions; %d completions not"
              + " acknowledged (cut off, or NOT_FOUND); %d instances finished in the end%n",
          ackedAtKill, completedAtKill, failedCompletions.get(), lastTaskDone.size());
      assertThat(ackedAtKill).as("killed in the middle of the load").isLessThan(instances);

      // no job was completed twice, and no instance finished twice
      assertThat(completions.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
      assertThat(lastTaskDone.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
      // the engine's log agrees: no job completed twice; every acknowledged completion is there
      // (it may hold a few more: committed, but the answer was cut off by the kill)
      String completedJobs =
          "FROM engine.record WHERE value_type = 'JOB' AND intent = 'COMPLETED'"
              + " AND value ->> 'bpmnProcessId' = 'Process_Load'";
      assertThat(queryLong("SELECT count(*) - count(DISTINCT key) " + completedJobs))
          .as("jobs completed twice according to the engine's log")
          .isZero();
      assertThat(queryLong("SELECT count(DISTINCT key) " + completedJobs))
          .isGreaterThanOrEqualTo(completions.size());
      // CompleteJob on a completed job is NOT_FOUND
      long someJob = completions.keySet().iterator().next();
      assertThatThrownBy(() -> client.newCompleteCommand(someJob).send().join())
          .satisfies(e -> assertThat(statusOf(e)).isEqualTo(Status.Code.NOT_FOUND));
    }
  }

  private static void complete(
      JobClient jobClient,
      ActivatedJob job,
      Map<Long, AtomicInteger> completions,
      Map<Long, AtomicInteger> lastTaskDone,
      AtomicInteger total) {
    try {
      jobClient.newCompleteCommand(job.getKey()).send().join();
    } catch (RuntimeException e) {
      failedCompletions.incrementAndGet();
      return; // the engine is gone, or the job was completed elsewhere: not acknowledged
    }
    completions.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
    if (job.getType().equals("load-b")) {
      lastTaskDone
          .computeIfAbsent(job.getProcessInstanceKey(), k -> new AtomicInteger())
          .incrementAndGet();
    }
    total.incrementAndGet();
  }

  private static String jobStates() {
    try (var connection = ItSupport.database();
        var statement =
            connection.prepareStatement(
                "SELECT type, state, count(*), min(due_at) - (extract(epoch from now()) * 1000)::bigint"
                    + " FROM engine.job GROUP BY type, state");
        var rs = statement.executeQuery()) {
      var out = new StringBuilder();
      while (rs.next()) {
        out.append(
            "%s/state %d: %d (earliest due in %d ms); "
                .formatted(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
      }
      return out.toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static List<Long> keys(List<ActivatedJob> jobs) {
    return jobs.stream().map(ActivatedJob::getProcessInstanceKey).toList();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
