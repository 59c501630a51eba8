package org.clearance.engine.decision;

/**
 * An input of a decision table with the value its input expression evaluated to.
 *
 * @param inputId the id of the {@code input} element
 * @param inputName the input's label; its expression text when it has no label
 * @param inputValue the value as JSON text
 */
public record EvaluatedInput(String inputId, String inputName, String inputValue) {}
