package org.clearance.engine.deployment;

import java.util.Map;

/** A deployed, compiled process definition: immutable and shared by all instances. */
public record ExecutableProcess(
    long key,
    String bpmnProcessId,
    int version,
    String resourceName,
    ExecutableElement root,
    Map<String, ExecutableElement> elements,
    String tenantId) {

  public ExecutableElement element(String id) {
    ExecutableElement element = elements.get(id);
    if (element == null) {
      throw new IllegalStateException(
          "Process %s v%d has no element %s".formatted(bpmnProcessId, version, id));
    }
    return element;
  }
}
