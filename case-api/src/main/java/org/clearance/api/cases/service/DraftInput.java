package org.clearance.api.cases.service;

import java.util.List;
import org.clearance.api.cases.domain.CaseContent;
import org.clearance.api.common.error.FieldError;

/**
 * Draft content as read from a request, with the fields that could not be read (for example an
 * unknown party role); the service reports those together with every other invalid field.
 */
public record DraftInput(CaseContent content, List<FieldError> unreadableFields) {}
