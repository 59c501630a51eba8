package org.clearance.api.licences.rest;

/** Why a manager suspends, reinstates or revokes a licence. */
public record LicenceStatusRequest(String reason) {}
