import { Fragment } from "react";
import { Link } from "react-router";
import { notificationParagraphs } from "./notificationText";

/**
 * A notification's body as readable text: paragraphs, dates in words, and the case's address as
 * a link into the app that names the case ("case EL-2026-000123") instead of a raw URL.
 */
export function NotificationBody({
  body,
  caseReference,
  onOpenCase,
}: {
  body: string;
  caseReference: string | null;
  /** Called when a case link is followed (the notification can then be marked as read). */
  onOpenCase?: () => void;
}) {
  return (
    <div className="clearance-notification-body">
      {notificationParagraphs(body).map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((segment, j) =>
            segment.kind === "text" ? (
              <Fragment key={j}>{segment.text}</Fragment>
            ) : (
              <Link key={j} to={`/cases/${segment.caseId}`} onClick={onOpenCase}>
                {caseReference ? `Open case ${caseReference}` : "Open the case"}
              </Link>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
