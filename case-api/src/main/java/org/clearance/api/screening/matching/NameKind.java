package org.clearance.api.screening.matching;

/** How a listed name belongs to its entry: weak aliases (nicknames, short forms) count less. */
public enum NameKind {
  PRIMARY,
  ALIAS,
  PREVIOUS,
  WEAK_ALIAS
}
