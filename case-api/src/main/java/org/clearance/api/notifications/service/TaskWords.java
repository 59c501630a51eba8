package org.clearance.api.notifications.service;

import java.util.Locale;
import org.clearance.api.tasks.domain.TaskType;

/**
 * How notifications name a task type or review stage: the events carry codes ({@code
 * TECHNICAL_AUDIT}), people read words ("technical audit"). The words themselves live on {@link
 * TaskType}; a stage that is no task type (an SLA header a model may add) is lower-cased.
 */
final class TaskWords {

  private TaskWords() {}

  static String of(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    for (TaskType type : TaskType.values()) {
      if (type.name().equals(code)) {
        return type.words();
      }
    }
    return code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
