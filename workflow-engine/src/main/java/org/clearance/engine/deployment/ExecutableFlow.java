package org.clearance.engine.deployment;

import org.clearance.engine.expression.Expression;

/** A sequence flow; the condition is null for unconditional flows. */
public final class ExecutableFlow {

  final String id;
  ExecutableElement source;
  ExecutableElement target;
  final Expression condition;

  ExecutableFlow(String id, Expression condition) {
    this.id = id;
    this.condition = condition;
  }

  public String id() {
    return id;
  }

  public ExecutableElement source() {
    return source;
  }

  public ExecutableElement target() {
    return target;
  }

  public Expression condition() {
    return condition;
  }
}
