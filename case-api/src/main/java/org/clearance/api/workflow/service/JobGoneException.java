package org.clearance.api.workflow.service;

/** The engine no longer has the job: its instance ended, or it was completed already. */
public class JobGoneException extends RuntimeException {

  private final long jobKey;

  public JobGoneException(long jobKey, String message) {
    super("job " + jobKey + " is gone: " + message, null, false, false);
    this.jobKey = jobKey;
  }

  public long jobKey() {
    return jobKey;
  }
}
