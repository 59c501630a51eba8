package org.clearance.api.workflow.service;

/** The workflow engine could not carry out a command; the case change is rolled back. */
public class WorkflowUnavailableException extends RuntimeException {

  public WorkflowUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
