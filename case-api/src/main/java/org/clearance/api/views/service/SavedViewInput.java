package org.clearance.api.views.service;

/** What a user asks to store as a view; every field is checked by {@link SavedViewService}. */
public record SavedViewInput(String name, String screen, String query, String sharedWithRole) {}
