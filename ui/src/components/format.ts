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
