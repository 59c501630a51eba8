package org.clearance.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.clearance.engine.command.CommandExecutor.Lane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Backpressure of the command pool, deterministically: one command thread held by a latch, a clock
 * the test moves by hand.
 */
class CommandExecutorTest {

  private final AtomicLong clock = new AtomicLong();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch blocking = new CountDownLatch(1);
  private CommandExecutor executor;

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdown();
  }

  /** One thread, 3 normal commands may queue, 5 job results, 100 ms maximum queue wait. */
  private void start() throws InterruptedException {
    executor = new CommandExecutor(1, 1, 3, 5, TimeUnit.MILLISECONDS.toNanos(100), 1, clock::get);
    executor.submit(
        () -> {
          blocking.countDown();
          await(release);
        });
    assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldRefuseNormalCommandsBeyondTheQueueCapacity() throws Exception {
    start();
    for (int i = 0; i < 3; i++) {
      executor.submit(() -> {});
    }

    assertThatThrownBy(() -> executor.submit(() -> {}))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.type()).isEqualTo(Rejection.Type.RESOURCE_EXHAUSTED))
        .hasMessageContaining("3 commands queued");
  }

  @Test
  void shouldRefuseNormalCommandsWhenTheOldestHasWaitedTooLong() throws Exception {
    start();
    executor.submit(() -> {});

    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    executor.submit(() -> {}); // waited exactly the maximum: still accepted
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));

    assertThatThrownBy(() -> executor.submit(() -> {}))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.type()).isEqualTo(Rejection.Type.RESOURCE_EXHAUSTED))
        .hasMessageContaining("has waited 101 ms");
  }

  @Test
  void shouldAcceptJobResultsWhileNormalCommandsAreRefused() throws Exception {
    start();
    for (int i = 0; i < 3; i++) {
      executor.submit(() -> {});
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
    assertThatThrownBy(() -> executor.submit(() -> {})).isInstanceOf(Rejection.class);

    for (int i = 0; i < 5; i++) {
      executor.submit(Lane.JOB_RESULT, () -> {});
    }
    assertThat(executor.size(Lane.JOB_RESULT)).isEqualTo(5);
    // only a memory bound applies to job results
    assertThatThrownBy(() -> executor.submit(Lane.JOB_RESULT, () -> {}))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("5 job results queued");
  }

  @Test
  void shouldRunJobResultsBeforeQueuedNormalCommands() throws Exception {
    start();
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(4);
    executor.submit(track(order, done, "create-1"));
    executor.submit(track(order, done, "create-2"));
    executor.submit(Lane.JOB_RESULT, track(order, done, "complete-1"));
    executor.submit(Lane.JOB_RESULT, track(order, done, "complete-2"));

    release.countDown();

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly("complete-1", "complete-2", "create-1", "create-2");
  }

  @Test
  void shouldRunActivationWorkWhileAllCommandThreadsAreBusy() throws Exception {
    start();
    for (int i = 0; i < 3; i++) {
      executor.submit(() -> {});
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(10)); // saturated: normal commands are refused
    CountDownLatch activated = new CountDownLatch(1);

    executor.submitActivation(activated::countDown);

    assertThat(activated.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shouldKeepThreadsForJobResultsWhileNormalCommandsUseTheirShare() throws Exception {
    // two threads, of which normal commands may use one
    executor = new CommandExecutor(2, 1, 10, 10, Long.MAX_VALUE, 1, clock::get);
    CountDownLatch normalRunning = new CountDownLatch(1);
    CountDownLatch secondNormalRan = new CountDownLatch(1);
    CountDownLatch jobResultRan = new CountDownLatch(1);
    executor.submit(
        () -> {
          normalRunning.countDown();
          await(release);
        });
    assertThat(normalRunning.await(5, TimeUnit.SECONDS)).isTrue();

    executor.submit(secondNormalRan::countDown);
    executor.submit(Lane.JOB_RESULT, jobResultRan::countDown);

    assertThat(jobResultRan.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(secondNormalRan.await(200, TimeUnit.MILLISECONDS))
        .as("second normal command waits for the normal share")
        .isFalse();
    release.countDown();
    assertThat(secondNormalRan.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static Runnable track(List<String> order, CountDownLatch done, String name) {
    return () -> {
      order.add(name);
      done.countDown();
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A handler in the job-result lane that answers with its request doubled, or rejects 0. */
  private static final CommandHandler<Integer, Integer> DOUBLING =
      new CommandHandler<>() {
        @Override
        public Integer execute(Integer request) {
          if (request == 0) {
            throw Rejection.invalidArgument("zero");
          }
          return request * 2;
        }

        @Override
        public Lane lane() {
          return Lane.JOB_RESULT;
        }
      };

  @Test
  void shouldAnswerAHandlersResultThroughCall() throws Exception {
    executor = new CommandExecutor(1, 1, 3, 5, TimeUnit.MILLISECONDS.toNanos(100), 1, clock::get);

    assertThat(executor.call(DOUBLING, () -> 21).get(5, TimeUnit.SECONDS)).isEqualTo(42);
    assertThat(executor.call(DOUBLING, () -> 0))
        .failsWithin(5, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.type()).isEqualTo(Rejection.Type.INVALID_ARGUMENT));
  }

  @Test
  void shouldRunCallsInTheHandlersLane() throws Exception {
    start();
    for (int i = 0; i < 3; i++) {
      executor.submit(() -> {});
    }
    clock.addAndGet(TimeUnit.SECONDS.toNanos(10));
    var refused = executor.call(new NormalLane(), () -> 1);
    var accepted = executor.call(DOUBLING, () -> 4);

    assertThat(refused)
        .failsWithin(1, TimeUnit.SECONDS)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            Rejection.class,
            r -> assertThat(r.type()).isEqualTo(Rejection.Type.RESOURCE_EXHAUSTED));
    release.countDown();
    assertThat(accepted.get(5, TimeUnit.SECONDS)).isEqualTo(8);
  }

  private static final class NormalLane implements CommandHandler<Integer, Integer> {
    @Override
    public Integer execute(Integer request) {
      return request;
    }
  }
}
