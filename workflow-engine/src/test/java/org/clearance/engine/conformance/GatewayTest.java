package org.clearance.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayTest extends EngineTestSupport {

  @Test
  void shouldTakeFirstMatchingFlowOfExclusiveGateway() {
    // given
    String processId = id("Process_Route");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("Gateway_LicenceRequired")
            .sequenceFlowId("Flow_Required")
            .conditionExpression("= value > 1000")
            .endEvent("End_Licence")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .endEvent("End_NoLicence")
            .done());

    // when
    var high = start(processId, Map.of("value", 5000));
    var low = start(processId, Map.of("value", 10));

    // then
    assertThat(completedElements(high.getProcessInstanceKey()))
        .contains("End_Licence")
        .doesNotContain("End_NoLicence");
    assertThat(completedElements(low.getProcessInstanceKey())).contains("End_NoLicence");
  }

  @Test
  void shouldForkAndJoinParallelBranches() {
    // given
    String processId = id("Process_Parallel");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("Gateway_Fork")
            .serviceTask("Task_Screen", t -> t.zeebeJobType(jobType("screen")))
            .parallelGateway("Gateway_Join")
            .endEvent("End")
            .moveToNode("Gateway_Fork")
            .serviceTask("Task_Audit", t -> t.zeebeJobType(jobType("audit")))
            .connectTo("Gateway_Join")
            .done());
    var instance = start(processId);

    // when
    complete(activateOne(jobType("screen")), Map.of());
    boolean completedAfterOne = isCompleted(instance.getProcessInstanceKey(), processId);
    complete(activateOne(jobType("audit")), Map.of());

    // then
    assertThat(completedAfterOne).isFalse();
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .containsOnlyOnce("Gateway_Join")
        .containsOnlyOnce("End")
        .endsWith(processId);
  }

  @Test
  void shouldJoinOnlyTheBranchesAnInclusiveGatewayActivated() {
    // given
    String processId = id("Process_Inclusive");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .inclusiveGateway("Gateway_Checks")
            .sequenceFlowId("Flow_Party")
            .conditionExpression("= party")
            .serviceTask("Task_Party", t -> t.zeebeJobType(jobType("party")))
            .inclusiveGateway("Gateway_Merge")
            .endEvent("End")
            .moveToNode("Gateway_Checks")
            .sequenceFlowId("Flow_Item")
            .conditionExpression("= item")
            .serviceTask("Task_Item", t -> t.zeebeJobType(jobType("item")))
            .connectTo("Gateway_Merge")
            .done());

    // when
    var instance = start(processId, Map.of("party", true, "item", false));
    complete(activateOne(jobType("party")), Map.of());

    // then
    assertThat(completedElements(instance.getProcessInstanceKey()))
        .contains("Task_Party", "Gateway_Merge", processId)
        .doesNotContain("Task_Item");
  }

  @Test
  void shouldRaiseIncidentWhenNoConditionMatches() {
    // given
    String processId = id("Process_NoMatch");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("Gateway_Decide")
            .sequenceFlowId("Flow_A")
            .conditionExpression("= x = 1")
            .endEvent("End_A")
            .moveToLastExclusiveGateway()
            .sequenceFlowId("Flow_B")
            .conditionExpression("= x = 2")
            .endEvent("End_B")
            .done());

    // when
    var instance = start(processId, Map.of("x", 3));

    // then
    List<Map<String, Object>> incidents =
        records(instance.getProcessInstanceKey()).stream()
            .filter(r -> "INCIDENT".equals(r.get("valueType")))
            .toList();
    assertThat(incidents)
        .singleElement()
        .satisfies(
            r -> {
              var value = (Map<?, ?>) r.get("value");
              assertThat(value.get("elementId")).isEqualTo("Gateway_Decide");
              assertThat((String) value.get("errorMessage"))
                  .contains("Expected at least one condition");
            });
  }
}
