package org.clearance.engine.decision;

import java.util.List;

/**
 * A DMN resource cannot be deployed. The message names the resource and, for each problem, where it
 * is (decision, rule, input or output) and what is wrong; the gateway passes it on as the
 * INVALID_ARGUMENT description of the rejected deployment.
 */
public class DecisionValidationException extends RuntimeException {

  private final String resourceName;
  private final List<String> problems;

  public DecisionValidationException(String resourceName, List<String> problems) {
    super(message(resourceName, problems));
    this.resourceName = resourceName;
    this.problems = List.copyOf(problems);
  }

  public String resourceName() {
    return resourceName;
  }

  /** The problems found, each naming its location; never empty. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String resourceName, List<String> problems) {
    if (problems.size() == 1) {
      return "Invalid DMN resource '%s': %s".formatted(resourceName, problems.getFirst());
    }
    return "Invalid DMN resource '%s':\n- %s"
        .formatted(resourceName, String.join("\n- ", problems));
  }
}
