package org.clearance.engine.decision;

/**
 * An output entry of a matched rule.
 *
 * @param outputId the id of the {@code output} element
 * @param outputName the output's name, the key it has in the decision output; its label or id when
 *     it has no name
 * @param outputValue the value as JSON text
 */
public record EvaluatedOutput(String outputId, String outputName, String outputValue) {}
