import type { LicenceStatus } from "../api/types";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? date.format(new Date(iso)) : "—";
}

const count = new Intl.NumberFormat("en-GB");
/** 20000 → "20,000". */
export function formatCount(n: number): string {
  return count.format(n);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "UNDER_REVIEW" → "Under review". */
export function words(code: string | null | undefined): string {
  if (!code) return "—";
  const s = code.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// As case-api's StatusWords says them: ISSUED covers a reinstated licence too; both authorise exports.
const LICENCE_STATUS_TEXT: Record<LicenceStatus, string> = {
  ISSUED: "In force",
  SUSPENDED: "Suspended",
  REVOKED: "Revoked",
  EXHAUSTED: "Used up",
  EXPIRED: "Expired",
};

/** "ISSUED" → "In force", "EXHAUSTED" → "Used up"; a status this UI does not know yet in words. */
export function licenceStatusText(status: string): string {
  return Object.hasOwn(LICENCE_STATUS_TEXT, status)
    ? LICENCE_STATUS_TEXT[status as LicenceStatus]
    : words(status);
}

const LISTS: Record<string, string> = {
  EL: "Entity List (BIS)",
  SDN: "Specially Designated Nationals (OFAC)",
  DPL: "Denied Persons List (BIS)",
  UVL: "Unverified List (BIS)",
  MEU: "Military End-User List (BIS)",
};

/** "EL" → "Entity List (BIS)": the restricted-party list a match comes from. */
export function listName(source: string): string {
  return LISTS[source] ?? source;
}
