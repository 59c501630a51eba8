package org.clearance.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.engine.it.ItSupport.awaitTrue;
import static org.clearance.engine.it.ItSupport.deploy;
import static org.clearance.engine.it.ItSupport.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two engine processes on one database: the database, not memory, keeps them correct. */
class TwoEnginesIT {

  private static EngineProcess engineA;
  private static EngineProcess engineB;
  private static CamundaClient clientA;
  private static CamundaClient clientB;

  @BeforeAll
  static void start() throws Exception {
    engineA = EngineProcess.startClean("two-engines-a", Map.of());
    engineB = EngineProcess.start("two-engines-b", Map.of());
    clientA = engineA.client();
    clientB = engineB.client();
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {clientA, clientB, engineA, engineB}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  void aLongPollOnOneEngineWakesWhenTheOtherCreatesTheJob() throws Exception {
    deploy(clientA, tasks("Process_Wake", "wake"), "Process_Wake");
    // warm both paths once, so the measurement is about the wake-up, not class loading
    clientB.newCreateInstanceCommand().bpmnProcessId("Process_Wake").latestVersion().send().join();
    var warm = clientA.newActivateJobsCommand().jobType("wake").maxJobsToActivate(1).send().join();
    clientA.newCompleteCommand(warm.getJobs().get(0).getKey()).send().join();

    for (int round = 0; round < 3; round++) {
      // given: a long poll parked on A
      var parked =
          clientA
              .newActivateJobsCommand()
              .jobType("wake")
              .maxJobsToActivate(1)
              .timeout(Duration.ofMinutes(1))
              .requestTimeout(Duration.ofSeconds(20))
              .send()
              .toCompletableFuture();
      Thread.sleep(500);
      assertThat(parked).isNotDone();

      // when: B creates the job
      var created =
          clientB
              .newCreateInstanceCommand()
              .bpmnProcessId("Process_Wake")
              .latestVersion()
              .send()
              .join();
      long createdAt = System.nanoTime();

      // then: A answers well within its 20 s long poll
      var jobs = parked.get(10, TimeUnit.SECONDS).getJobs();
      long wokenAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createdAt);
      System.out.printf("long poll on A woken %d ms after B created the job%n", wokenAfterMs);
      assertThat(jobs).hasSize(1);
      assertThat(jobs.get(0).getProcessInstanceKey()).isEqualTo(created.getProcessInstanceKey());
      assertThat(wokenAfterMs).isLessThan(2000);
      clientA.newCompleteCommand(jobs.get(0).getKey()).send().join();
    }
  }

  @Test
  void eachJobIsActivatedOnceAndInstancesCompleteAcrossEngines() throws Exception {
    // Task 1 is worked on both engines (competing), task 2 only on B, task 3 only on A: every
    // instance, created on A or B, is carried on by the other engine.
    deploy(clientB, tasks("Process_Shared", "shared", "only-b", "only-a"), "Process_Shared");
    int instances = 150;
    Map<Long, AtomicInteger> activations = new ConcurrentHashMap<>();
    Map<String, Set<Long>> activatedOn = new ConcurrentHashMap<>();
    Set<Long> finished = ConcurrentHashMap.newKeySet();
    List<JobWorker> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      workers.add(worker(clientA, "A", "shared", activations, activatedOn, finished));
      workers.add(worker(clientB, "B", "shared", activations, activatedOn, finished));
    }
    workers.add(worker(clientB, "B", "only-b", activations, activatedOn, finished));
    workers.add(worker(clientA, "A", "only-a", activations, activatedOn, finished));

    Set<Long> createdOnA = ConcurrentHashMap.newKeySet();
    Set<Long> createdOnB = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<?>> creates = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      boolean onA = i % 2 == 0;
      CamundaClient client = onA ? clientA : clientB;
      creates.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("Process_Shared")
              .latestVersion()
              .send()
              .toCompletableFuture()
              .thenAccept(c -> (onA ? createdOnA : createdOnB).add(c.getProcessInstanceKey())));
      if (i % 32 == 31) {
        CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).join();
      }
    }
    CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).join();

    awaitTrue(120_000, "all instances finished", () -> finished.size() == instances);
    workers.forEach(JobWorker::close);

    assertThat(activations).hasSize(instances * 3);
    assertThat(activations.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    assertThat(finished).containsAll(createdOnA).containsAll(createdOnB);
    // both engines really competed for the shared type
    assertThat(activatedOn.get("A/shared")).isNotEmpty();
    assertThat(activatedOn.get("B/shared")).isNotEmpty();
    System.out.printf(
        "shared jobs activated on A: %d, on B: %d%n",
        activatedOn.get("A/shared").size(), activatedOn.get("B/shared").size());
  }

  private static JobWorker worker(
      CamundaClient client,
      String engine,
      String type,
      Map<Long, AtomicInteger> activations,
      Map<String, Set<Long>> activatedOn,
      Set<Long> finished) {
    return client
        .newWorker()
        .jobType(type)
        .handler(
            (jobClient, job) -> {
              activations.computeIfAbsent(job.getKey(), k -> new AtomicInteger()).incrementAndGet();
              activatedOn
                  .computeIfAbsent(engine + "/" + type, k -> ConcurrentHashMap.newKeySet())
                  .add(job.getKey());
              jobClient.newCompleteCommand(job.getKey()).send().join();
              if (type.equals("only-a")) {
                finished.add(job.getProcessInstanceKey());
              }
            })
        .name(engine + "-" + type)
        .maxJobsActive(16)
        .timeout(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(5))
        .open();
  }

  @SuppressWarnings("unused")
  private static long key(ActivatedJob job) {
    return job.getKey();
  }
}
