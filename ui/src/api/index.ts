// Typed calls over case-api's REST API (see case-api/README.md for every endpoint).
import { http, upload, type Query } from "./client";
import type {
  AuditEvent,
  CaseContent,
  CaseDetail,
  CaseSummary,
  DocumentInfo,
  Licence,
  Me,
  Notification,
  Page,
  Rfi,
  ScreeningMatch,
  ScreeningSearchRequest,
  ScreeningSearchResponse,
  Task,
  TaskDecision,
} from "./types";

export * from "./types";
export { ApiError, NetworkError, explain } from "./problem";
export { download, objectUrl } from "./client";

export const api = {
  me: () => http.get<Me>("/api/me"),

  cases: {
    search: (query: Query, signal?: AbortSignal) =>
      http.get<Page<CaseSummary>>("/api/cases", { query, signal }),
    get: (id: string) => http.get<CaseDetail>(`/api/cases/${id}`),
    create: (content: CaseContent) => http.post<CaseDetail>("/api/cases", content),
    save: (id: string, content: CaseContent) => http.put<CaseDetail>(`/api/cases/${id}`, content),
    submit: (id: string) => http.post<CaseDetail>(`/api/cases/${id}/submit`),
    withdraw: (id: string, reason: string) =>
      http.post<CaseDetail>(`/api/cases/${id}/withdraw`, { reason }),
    copy: (id: string) => http.post<CaseDetail>(`/api/cases/${id}/copy`),
    audit: (id: string) => http.get<AuditEvent[]>(`/api/cases/${id}/audit`),
    rfis: (id: string) => http.get<Rfi[]>(`/api/cases/${id}/rfis`),
    answerRfi: (id: string, rfiId: string, text: string, documentIds: string[]) =>
      http.post<Rfi>(`/api/cases/${id}/rfis/${rfiId}/answer`, { text, documentIds }),
    matches: (id: string) => http.get<ScreeningMatch[]>(`/api/cases/${id}/screening-matches`),
    licence: (id: string) => http.get<Licence>(`/api/cases/${id}/licence`),
    documents: (id: string) => http.get<DocumentInfo[]>(`/api/cases/${id}/documents`),
    uploadDocument: (id: string, file: File, onProgress: (fraction: number) => void) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return upload<DocumentInfo>(`/api/cases/${id}/documents`, form, onProgress);
    },
    deleteDocument: (id: string, documentId: string) =>
      http.delete(`/api/cases/${id}/documents/${documentId}`),
  },

  tasks: {
    search: (query: Query, signal?: AbortSignal) =>
      http.get<Page<Task>>("/api/tasks", { query, signal }),
    get: (id: string) => http.get<Task>(`/api/tasks/${id}`),
    claim: (id: string) => http.post<Task>(`/api/tasks/${id}/claim`),
    unclaim: (id: string) => http.post<Task>(`/api/tasks/${id}/unclaim`),
    complete: (id: string, decision: TaskDecision) =>
      http.post<Task>(`/api/tasks/${id}/complete`, decision),
  },

  screening: {
    search: (request: ScreeningSearchRequest, signal?: AbortSignal) =>
      http.post<ScreeningSearchResponse>("/api/screening/search", request, { signal }),
  },

  notifications: {
    list: (page = 0, size = 20) =>
      http.get<Page<Notification>>("/api/notifications", { query: { page, size } }),
    unreadCount: () => http.get<{ unread: number }>("/api/notifications/unread-count"),
    markRead: (id: string) => http.post<void>(`/api/notifications/${id}/read`),
  },
};
