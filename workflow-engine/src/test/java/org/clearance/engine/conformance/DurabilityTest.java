package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.clearance.engine.deployment.ProcessCache;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DurabilityTest extends EngineTestSupport {

  @Inject ProcessCache processCache;

  @Test
  void shouldContinueFromDatabaseStateAfterCachesAreDropped() {
    // given
    String processId = id("Process_Durable");
    deploy(oneTask(processId, "Task_First", jobType("first")));
    var instance = start(processId, Map.of("caseId", 42));
    var job = activateOne(jobType("first"));

    // when: everything compiled in memory is gone, as after a restart
    processCache.clear();
    complete(job, Map.of("cleared", true));

    // then
    assertThat(isCompleted(instance.getProcessInstanceKey(), processId)).isTrue();
    var records = records(instance.getProcessInstanceKey());
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.get("valueType")).isEqualTo("JOB");
              assertThat(r.get("intent")).isEqualTo("COMPLETED");
            });
  }
}
