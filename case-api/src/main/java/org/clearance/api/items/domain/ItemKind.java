package org.clearance.api.items.domain;

/** What an item is; AI models carry extra attributes (parameters, compute, weights, hosting). */
public enum ItemKind {
  AI_MODEL,
  HARDWARE,
  SOFTWARE,
  TECHNOLOGY
}
