// Where each figure of the dashboard leads: the case list with the filters that select exactly
// (or, where the API has no such filter, as nearly as it says) the cases behind the figure.
import type { DashboardFilters } from "../../api/staff";

/** The case list's URL for a set of filters; the dashboard's own filters are carried along. */
export function caseListUrl(
  filters: Partial<DashboardFilters> | null | undefined,
  extra: Record<string, string | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  if (filters?.organisation) params.set("organisation", filters.organisation);
  if (filters?.destination) params.set("destination", filters.destination);
  if (filters?.classification) params.set("classification", filters.classification);
  if (filters?.from) params.set("submittedFrom", filters.from);
  if (filters?.to) params.set("submittedTo", filters.to);
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === false || value === "") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/cases?${query}` : "/cases";
}

const OPEN_STAGES = "SCREENING,REVIEW,APPROVAL";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The submission dates of an ageing bucket: open cases submitted between maxDays and minDays
 * calendar days before today (bucket 90+ has no lower date).
 */
export function ageingRange(
  minDays: number,
  maxDays: number | null,
  today: Date = new Date(),
): { submittedFrom?: string; submittedTo: string } {
  const day = (offset: number) => {
    const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
    d.setUTCDate(d.getUTCDate() - offset);
    return isoDay(d);
  };
  return {
    submittedFrom: maxDays === null ? undefined : day(maxDays),
    submittedTo: day(minDays),
  };
}

export const drillDown = {
  status: (filters: Partial<DashboardFilters> | null, status: string) =>
    caseListUrl(filters, { status }),
  stage: (filters: Partial<DashboardFilters> | null, stage: string) =>
    caseListUrl(filters, { stage }),
  ageing: (
    filters: Partial<DashboardFilters> | null,
    minDays: number,
    maxDays: number | null,
    today?: Date,
  ) => {
    const range = ageingRange(minDays, maxDays, today);
    return caseListUrl(
      { ...filters, from: null, to: null },
      { stage: OPEN_STAGES, submittedFrom: range.submittedFrom, submittedTo: range.submittedTo },
    );
  },
  /** Weekly submissions: the cases submitted Monday to Sunday of that week. */
  submittedInWeek: (filters: Partial<DashboardFilters> | null, weekStart: string) => {
    const end = new Date(`${weekStart}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    return caseListUrl(
      { ...filters, from: null, to: null },
      { submittedFrom: weekStart, submittedTo: isoDay(end), sort: "submittedAt,asc" },
    );
  },
  /** Open cases past their target, or with an overdue task (the case list's "overdue"). */
  overdue: (filters: Partial<DashboardFilters> | null) =>
    caseListUrl(filters, { overdue: true, stage: OPEN_STAGES }),
  decided: (filters: Partial<DashboardFilters> | null) =>
    caseListUrl(filters, { stage: "CLOSED", sort: "updatedAt,desc" }),
  assignee: (filters: Partial<DashboardFilters> | null, assignee: string, overdue = false) =>
    caseListUrl(filters, { assignee, overdue }),
  element: (filters: Partial<DashboardFilters> | null, element: string, overdue = false) =>
    caseListUrl(filters, { element, overdue }),
};
