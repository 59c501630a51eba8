package org.clearance.api.tasks.service;

import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.tasks.domain.ReviewTask;

/**
 * How a caller wants a task shown, with its case and its recorded decision (null while open).
 * {@link TaskService} calls it inside its transaction, so that only the view leaves it.
 */
@FunctionalInterface
public interface TaskView<V> {

  V of(ReviewTask task, ExportCase exportCase, TaskDecision decision);
}
