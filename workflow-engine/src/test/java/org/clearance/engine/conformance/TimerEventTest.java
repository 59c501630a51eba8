package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.clearance.engine.timer.ControlledEngineClock;
import org.clearance.engine.timer.TimerScheduler;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimerEventTest extends EngineTestSupport {

  @Inject ControlledEngineClock clock;
  @Inject TimerScheduler scheduler;

  private void advance(Duration duration) {
    clock.advance(duration);
    scheduler.fireDueTimers();
  }

  private String deployWait(String timerDuration) {
    String processId = id("Process_CoolingOff");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent(
                "Timer_CoolingOff",
                e -> {
                  if (timerDuration.startsWith("=")) {
                    e.timerWithDurationExpression(timerDuration.substring(1));
                  } else {
                    e.timerWithDuration(timerDuration);
                  }
                })
            .endEvent("End")
            .done());
    return processId;
  }

  /** Instances of a process, by the process completion records in the log. */
  private long completedInstances(String processId) {
    return allRecords().stream()
        .filter(
            r ->
                "PROCESS_INSTANCE".equals(r.get("valueType"))
                    && "ELEMENT_COMPLETED".equals(r.get("intent"))
                    && processId.equals(((Map<?, ?>) r.get("value")).get("elementId")))
        .count();
  }

  @Test
  void shouldFireIntermediateTimerOnceItsDurationPassed() {
    // given
    String processId = id("Process_CoolingOff");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent("Timer_CoolingOff", e -> e.timerWithDuration("PT1H"))
            .endEvent("End")
            .done());
    var instance = start(processId);
    advance(Duration.ofMinutes(30));
    assertThat(completedElements(instance.getProcessInstanceKey())).containsExactly("Start");

    // when
    advance(Duration.ofMinutes(31));

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Timer_CoolingOff", "End", processId);
  }

  @Test
  void shouldEvaluateTimerDurationFromFeelExpression() {
    // given
    String processId = deployWait("=duration(\"P\" + string(days) + \"D\")");
    var instance = start(processId, Map.of("days", 2));

    // when
    advance(Duration.ofDays(1));
    var afterOneDay = completedElements(instance.getProcessInstanceKey());
    advance(Duration.ofDays(1).plusMinutes(1));

    // then
    assertThat(afterOneDay).containsExactly("Start");
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldFireTimerAtDateWithOffsetFromVariable() {
    // given
    String processId = id("Process_SlaDue");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent("Timer_SlaDue", e -> e.timerWithDateExpression("slaDueAt"))
            .endEvent("End")
            .done());
    String dueAt =
        Instant.ofEpochMilli(clock.now())
            .plus(Duration.ofHours(5))
            .atOffset(ZoneOffset.ofHours(2))
            .toString();
    var instance = start(processId, Map.of("slaDueAt", dueAt));

    // when
    advance(Duration.ofHours(4));
    var before = completedElements(instance.getProcessInstanceKey());
    advance(Duration.ofHours(1).plusMinutes(1));

    // then
    assertThat(before).containsExactly("Start");
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
  }

  @Test
  void shouldRaiseIncidentWhenTimerExpressionIsNotADuration() {
    // given
    String processId = deployWait("=coolingOff");

    // when
    var instance = start(processId, Map.of("coolingOff", "soon"));

    // then
    var incident =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")) && "CREATED".equals(r.get("intent")))
            .map(r -> (Map<?, ?>) r.get("value"))
            .findFirst()
            .orElseThrow();
    assertThat(incident.get("elementId")).isEqualTo("Timer_CoolingOff");
    assertThat((String) incident.get("errorMessage")).contains("soon");
  }

  @Test
  void shouldRejectDeploymentWithInvalidStaticTimer() {
    // given
    String processId = id("Process_BadTimer");
    var model =
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start")
            .intermediateCatchEvent("Timer_Broken", e -> e.timerWithDuration("one hour"))
            .endEvent("End")
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("Timer_Broken").contains("one hour");
            });
  }

  @Test
  void shouldStartInstanceAtTimerStartDate() {
    // given
    String processId = id("Process_Scheduled");
    String date =
        Instant.ofEpochMilli(clock.now())
            .plus(Duration.ofDays(3))
            .atOffset(ZoneOffset.UTC)
            .toString();
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start_Scheduled")
            .timerWithDate(date)
            .endEvent("End")
            .done());

    // when
    advance(Duration.ofDays(2));
    long beforeDue = completedInstances(processId);
    advance(Duration.ofDays(1).plusMinutes(1));

    // then
    assertThat(beforeDue).isZero();
    assertThat(completedInstances(processId)).isEqualTo(1);
  }

  @Test
  void shouldStartInstanceForEveryRepetitionOfTimerStartCycle() {
    // given
    String processId = id("Process_NightlyReport");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start_Nightly")
            .timerWithCycle("R2/PT1H")
            .endEvent("End")
            .done());

    // when
    for (int i = 0; i < 3; i++) {
      advance(Duration.ofHours(1).plusSeconds(1));
    }

    // then
    assertThat(completedInstances(processId)).isEqualTo(2);
  }

  @Test
  void shouldKeepStartingInstancesWithUnboundedCycle() {
    // given
    String processId = id("Process_Heartbeat");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start_Heartbeat")
            .timerWithCycle("R/PT10M")
            .endEvent("End")
            .done());

    // when
    for (int i = 0; i < 4; i++) {
      advance(Duration.ofMinutes(10).plusSeconds(1));
    }

    // then
    assertThat(completedInstances(processId)).isEqualTo(4);
  }

  @Test
  void shouldCancelStartTimerOfPreviousVersionWhenNewVersionIsDeployed() {
    // given
    String processId = id("Process_Rescheduled");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent("Start_Hourly")
            .timerWithCycle("R/PT1H")
            .endEvent("End")
            .done());

    // when
    deploy(Bpmn.createExecutableProcess(processId).startEvent("Start").endEvent("End").done());
    advance(Duration.ofHours(2));

    // then
    assertThat(completedInstances(processId)).isZero();
  }

  @Test
  void shouldFireTimerExactlyOnceWhenSchedulersRaceForIt() {
    // given
    String processId = deployWait("PT1H");
    var instance = start(processId);
    clock.advance(Duration.ofHours(2));

    // when
    var first = CompletableFuture.supplyAsync(scheduler::fireDueTimers);
    var second = CompletableFuture.supplyAsync(scheduler::fireDueTimers);
    CompletableFuture.allOf(first, second).join();

    // then
    List<String> completed = completedElements(instance.getProcessInstanceKey());
    assertThat(completed).containsExactly("Start", "Timer_CoolingOff", "End", processId);
    assertThat(
            records(instance.getProcessInstanceKey()).stream()
                .filter(
                    r -> "TIMER".equals(r.get("valueType")) && "TRIGGERED".equals(r.get("intent")))
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldFireOverdueTimerWithoutBeingAskedAsTheSchedulerWakesOnItsOwn() throws Exception {
    // given: a timer that fell due while nobody looked (as after an engine restart)
    String processId = deployWait("PT1H");
    var instance = start(processId);

    // when
    clock.advance(Duration.ofHours(2));

    // then: the scheduler's bounded sleep (1 s in tests) ends and it fires the timer by itself
    long deadline = System.currentTimeMillis() + 3000;
    while (!isCompleted(instance.getProcessInstanceKey(), processId)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsExactly("Start", "Timer_CoolingOff", "End", processId);
  }

  @Test
  void shouldCancelTimerWhenInstanceIsCancelled() {
    // given
    String processId = deployWait("PT1H");
    var instance = start(processId);

    // when
    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
    advance(Duration.ofHours(2));

    // then
    var timerIntents =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "TIMER".equals(r.get("valueType")))
            .map(r -> (String) r.get("intent"))
            .toList();
    assertThat(timerIntents).containsExactly("CREATED", "CANCELED");
  }
}
