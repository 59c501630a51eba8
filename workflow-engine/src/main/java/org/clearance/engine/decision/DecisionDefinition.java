package org.clearance.engine.decision;

/**
 * A decision of a decision requirements graph, as deployment records it ({@code DecisionMetadata}
 * in the Zeebe protocol, without the keys and version the core assigns).
 *
 * @param id the DMN decision id, unique within the graph
 * @param name the DMN decision name; the id when the decision has no name
 * @param type the kind of decision logic
 */
public record DecisionDefinition(String id, String name, DecisionType type) {}
