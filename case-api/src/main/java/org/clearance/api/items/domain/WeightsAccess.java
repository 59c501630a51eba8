package org.clearance.api.items.domain;

/** Whether a model's weights are published (open) or kept by the developer (closed). */
public enum WeightsAccess {
  OPEN,
  CLOSED
}
