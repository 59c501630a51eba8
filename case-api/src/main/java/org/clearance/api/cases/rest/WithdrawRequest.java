package org.clearance.api.cases.rest;

/** Why the applicant withdraws; optional. */
public record WithdrawRequest(String reason) {}
