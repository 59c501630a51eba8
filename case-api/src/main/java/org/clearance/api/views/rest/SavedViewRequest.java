package org.clearance.api.views.rest;

/** A view to save: its name, the list screen, that screen's URL query, and an optional role. */
public record SavedViewRequest(String name, String screen, String query, String sharedWithRole) {}
