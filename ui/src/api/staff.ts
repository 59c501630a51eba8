// Typed calls for the manager and admin screens (dashboard, heat map, escalations, work
// reassignment, licences, country groups, audit check) and the saved list views.
import { http, type Query } from "./client";
import type { CaseDetail, Licence, Page, Task, TaskType } from "./types";

export interface DashboardFilters {
  organisation: string | null;
  destination: string | null;
  classification: string | null;
  from: string | null;
  to: string | null;
  weeks: number;
}

export interface DashboardSummary {
  generatedAt: string;
  filters: DashboardFilters;
  window: { from: string; to: string };
  casesByStatus: Record<string, number>;
  casesByStage: Record<string, number>;
  openCases: number;
  ageing: { bucket: string; minDays: number; maxDays: number | null; cases: number }[];
  cycleTimes: { stage: string; cases: number; p50Hours: number | null; p90Hours: number | null }[];
  throughput: { week: string; weekStart: string; submitted: number; decided: number }[];
  breaches: {
    decided: { cases: number; breached: number; rate: number | null };
    open: { cases: number; breached: number; rate: number | null };
  };
  workload: {
    byAssignee: { assignee: string; openTasks: number; overdueTasks: number }[];
    byCandidateRole: {
      candidateRole: string;
      openTasks: number;
      unassignedTasks: number;
      overdueTasks: number;
    }[];
  };
}

export type PlaceKind = "USER_TASK" | "AWAITING_ANSWER" | "SCREENING" | "END";

export interface HeatmapElement {
  elementId: string;
  name: string | null;
  type: string | null;
  kind: PlaceKind;
  casesNow: number;
  overdueNow: number;
  passedInWindow: number | null;
  p50Hours: number | null;
  p90Hours: number | null;
}

export interface ProcessHeatmap {
  generatedAt: string;
  processId: string;
  filters: DashboardFilters;
  window: { from: string; to: string };
  elements: HeatmapElement[];
}

export interface Escalation {
  id: number;
  caseId: string;
  caseReference: string;
  organisation: string;
  caseStatus: string;
  stage: string;
  dueAt: string | null;
  escalatedAt: string;
  overdueBy: string | null;
  openTasks: {
    id: string;
    type: TaskType;
    candidateRole: string;
    assignee: string | null;
    dueAt: string | null;
  }[];
}

export interface SavedView {
  id: string;
  name: string;
  screen: string;
  query: string;
  sharedWithRole: string | null;
  owner: string;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewInput {
  name: string;
  screen: string;
  query: string;
  sharedWithRole: string | null;
}

export interface CountryGroupMembership {
  countryCode: string;
  group: string;
  validFrom: string;
  validTo: string | null;
}

export interface AuditVerdict {
  valid: boolean;
  eventsChecked: number;
  headPosition: number | null;
  unsealedEvents: number;
  firstBrokenLink: { position: number; reason: string } | null;
}

export const staffApi = {
  dashboard: (query: Query) => http.get<DashboardSummary>("/api/dashboard/summary", { query }),
  heatmap: (query: Query) => http.get<ProcessHeatmap>("/api/dashboard/process-heatmap", { query }),
  processXml: () =>
    http
      .raw("GET", "/api/process/export-licence.bpmn", { accept: "application/xml" })
      .then((r) => r.text()),
  escalations: (query: Query) => http.get<Page<Escalation>>("/api/escalations", { query }),
  tasks: (query: Query) => http.get<Page<Task>>("/api/tasks", { query }),
  eligibleAssignees: (taskId: string) =>
    http.get<string[]>(`/api/tasks/${taskId}/eligible-assignees`),
  reassign: (taskId: string, assignee: string, note: string) =>
    http.post<Task>(`/api/tasks/${taskId}/reassign`, { assignee, note }),
  flagHighRisk: (caseId: string, reason: string) =>
    http.post<CaseDetail>(`/api/cases/${caseId}/high-risk`, { reason }),
  licenceAction: (number: string, action: "suspend" | "reinstate" | "revoke", reason: string) =>
    http.post<Licence>(`/api/licences/${encodeURIComponent(number)}/${action}`, { reason }),
  countryGroups: (query: Query) =>
    http.get<CountryGroupMembership[]>("/api/admin/country-groups", { query }),
  setCountryGroups: (country: string, groups: string[], validFrom: string) =>
    http.put<CountryGroupMembership[]>(`/api/admin/country-groups/${country}`, {
      groups,
      validFrom,
    }),
  verifyAudit: () => http.get<AuditVerdict>("/api/audit/verify"),
  views: {
    list: (screen: string) => http.get<SavedView[]>("/api/views", { query: { screen } }),
    create: (view: SavedViewInput) => http.post<SavedView>("/api/views", view),
    update: (id: string, view: SavedViewInput) => http.put<SavedView>(`/api/views/${id}`, view),
    remove: (id: string) => http.delete(`/api/views/${id}`),
  },
};
