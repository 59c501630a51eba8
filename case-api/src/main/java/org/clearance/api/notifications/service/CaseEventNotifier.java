package org.clearance.api.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clearance.api.cases.domain.event.CaseDecided;
import org.clearance.api.cases.domain.event.RequestForInformationOpened;
import org.clearance.api.cases.domain.event.SlaEscalated;
import org.clearance.api.cases.domain.event.TaskAssigned;
import org.clearance.api.licences.domain.event.LicenceStatusChanged;
import org.clearance.api.notifications.domain.NotificationType;
import org.clearance.api.notifications.domain.RecipientKind;
import org.clearance.api.security.service.Caller;

/**
 * Turns case events into notifications. Plain (synchronous) observers: they run inside the
 * transaction that fired the event, so the outbox row commits or rolls back with the change.
 */
@ApplicationScoped
public class CaseEventNotifier {

  private final NotificationService notifications;
  private final NotificationConfig config;

  CaseEventNotifier(NotificationService notifications, NotificationConfig config) {
    this.notifications = notifications;
    this.config = config;
  }

  /** The applicants of the organisation must answer. */
  void onRequestForInformation(@Observes RequestForInformationOpened event) {
    notifications.notify(
        RecipientKind.ORGANISATION,
        event.organisation(),
        NotificationType.RFI_OPENED,
        event.caseId(),
        event.caseReference(),
        "Information requested on case " + event.caseReference(),
        "The "
            + TaskWords.of(event.stage())
            + " of case "
            + event.caseReference()
            + " needs more information:\n\n"
            + event.question()
            + "\n\nPlease answer by "
            + event.answerBy()
            + "; an application without an answer by then is returned without action.\n"
            + caseLink(event.caseId().toString()));
  }

  /** The applicants of the organisation hear the outcome. */
  void onCaseDecided(@Observes CaseDecided event) {
    notifications.notify(
        RecipientKind.ORGANISATION,
        event.organisation(),
        NotificationType.CASE_DECIDED,
        event.caseId(),
        event.caseReference(),
        "Case " + event.caseReference() + " " + StatusWords.caseStatus(event.outcome()),
        "Case "
            + event.caseReference()
            + " is "
            + StatusWords.caseStatus(event.outcome())
            + ".\n\n"
            + (event.summary() == null ? "" : event.summary() + "\n")
            + caseLink(event.caseId().toString()));
  }

  /** The assignee, or everyone with the candidate role while the task is unassigned. */
  void onTaskAssigned(@Observes TaskAssigned event) {
    boolean assigned = event.assignee() != null && !event.assignee().isBlank();
    notifications.notify(
        assigned ? RecipientKind.USER : RecipientKind.ROLE,
        assigned ? event.assignee() : event.candidateRole(),
        NotificationType.TASK_ASSIGNED,
        event.caseId(),
        event.caseReference(),
        (assigned
                ? "Task assigned to you: "
                : "New task for " + StatusWords.ofRole(event.candidateRole()) + ": ")
            + TaskWords.of(event.taskType())
            + " on case "
            + event.caseReference(),
        "The "
            + TaskWords.of(event.taskType())
            + " of case "
            + event.caseReference()
            + (event.dueAt() == null ? "" : " is due " + event.dueAt())
            + ".\n"
            + caseLink(event.caseId().toString()));
  }

  /** Managers hear about every breached SLA. */
  void onSlaEscalated(@Observes SlaEscalated event) {
    notifications.notify(
        RecipientKind.ROLE,
        Caller.MANAGER,
        NotificationType.SLA_ESCALATED,
        event.caseId(),
        event.caseReference(),
        "SLA breached on case " + event.caseReference() + " (" + TaskWords.of(event.stage()) + ")",
        "The "
            + TaskWords.of(event.stage())
            + " stage of case "
            + event.caseReference()
            + " was due "
            + event.dueAt()
            + " and was escalated at "
            + event.escalatedAt()
            + ".\n"
            + caseLink(event.caseId().toString()));
  }

  /**
   * The holder's applicants hear when their licence is suspended, reinstated, revoked or expires.
   */
  void onLicenceStatusChanged(@Observes LicenceStatusChanged event) {
    notifications.notify(
        RecipientKind.ORGANISATION,
        event.organisation(),
        NotificationType.LICENCE_STATUS_CHANGED,
        event.caseId(),
        event.caseReference(),
        "Licence " + event.licenceNumber() + " is now " + StatusWords.licenceStatus(event.to()),
        "Licence "
            + event.licenceNumber()
            + " (case "
            + event.caseReference()
            + ") changed from "
            + StatusWords.licenceStatus(event.from())
            + " to "
            + StatusWords.licenceStatus(event.to())
            + "."
            + (event.reason() == null ? "" : "\n\nReason: " + event.reason())
            + "\n"
            + caseLink(event.caseId().toString()));
  }

  private String caseLink(String caseId) {
    return config.appUrl() + "/cases/" + caseId;
  }
}
