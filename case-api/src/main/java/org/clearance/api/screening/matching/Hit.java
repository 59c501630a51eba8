package org.clearance.api.screening.matching;

/** A listed entry that resembles the screened party, with its score and the reasons. */
public record Hit(
    ListedEntry entry, ListedEntry.ListedName matchedName, double score, Explanation explanation) {}
