import { Label } from "@patternfly/react-core";
import type { CaseStatus, LicenceStatus } from "../api";
import { licenceStatusText } from "./format";

const TEXT: Record<CaseStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  SCREENING: "Screening",
  UNDER_REVIEW: "Under review",
  AWAITING_APPLICANT: "Waiting for the applicant",
  AWAITING_APPROVAL: "Awaiting approval",
  COUNTERSIGN: "Awaiting countersignature",
  APPROVED: "Approved",
  DENIED: "Denied",
  RETURNED_WITHOUT_ACTION: "Returned without action",
  WITHDRAWN: "Withdrawn",
  NO_LICENCE_REQUIRED: "No licence required",
};

const COLOR: Record<CaseStatus, "blue" | "green" | "red" | "orange" | "grey" | "purple" | "teal"> =
  {
    DRAFT: "grey",
    SUBMITTED: "blue",
    SCREENING: "blue",
    UNDER_REVIEW: "blue",
    AWAITING_APPLICANT: "orange",
    AWAITING_APPROVAL: "purple",
    COUNTERSIGN: "purple",
    APPROVED: "green",
    DENIED: "red",
    RETURNED_WITHOUT_ACTION: "red",
    WITHDRAWN: "grey",
    NO_LICENCE_REQUIRED: "teal",
  };

export function statusText(status: CaseStatus): string {
  return TEXT[status] ?? status;
}

export function StatusLabel({ status }: { status: CaseStatus }) {
  return (
    <Label color={COLOR[status]} isCompact>
      {TEXT[status] ?? status}
    </Label>
  );
}

export const STAGE_TEXT: Record<string, string> = {
  DRAFTING: "Drafting",
  SCREENING: "Screening",
  REVIEW: "Review",
  APPROVAL: "Approval",
  CLOSED: "Closed",
};

const LICENCE_COLOR: Record<LicenceStatus, "green" | "orange" | "red" | "grey"> = {
  ISSUED: "green",
  SUSPENDED: "orange",
  REVOKED: "red",
  EXHAUSTED: "grey",
  EXPIRED: "grey",
};

/** A licence's status as a label: "In force" in green, "Suspended" in orange, … */
export function LicenceStatusLabel({ status }: { status: LicenceStatus }) {
  return (
    <Label color={LICENCE_COLOR[status] ?? "grey"} isCompact>
      {licenceStatusText(status)}
    </Label>
  );
}
