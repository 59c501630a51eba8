// problem+json (RFC 9457) errors of case-api, and how a form reads them.

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

const TYPE_BASE = "https://clearance.example.org/problems/";

/** An API call that did not succeed: the HTTP status and the problem the API sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(status: number, body: ProblemBody | null, fallback?: string) {
    const title = body?.title ?? fallback ?? defaultTitle(status);
    super(body?.detail ? `${title}: ${body.detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.type = body?.type?.startsWith(TYPE_BASE)
      ? body.type.substring(TYPE_BASE.length)
      : (body?.type ?? "about:blank");
    this.title = title;
    this.detail = body?.detail;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
  }

  /** The first message per field, keyed by the API's field path (e.g. "items[0].eccn"). */
  fieldErrors(): Record<string, string> {
    return toFieldMap(this.errors);
  }
}

/** The network did not answer at all (server down, offline). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("Clearance could not be reached. Check your connection and try again.");
    this.name = "NetworkError";
    this.cause = cause;
  }
}

export function toFieldMap(errors: FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    const key = normaliseField(e.field);
    if (!(key in map)) map[key] = e.message;
  }
  return map;
}

/** "items.0.eccn", "items[0].eccn" and "items[0]/eccn" all become "items[0].eccn". */
export function normaliseField(field: string): string {
  return field
    .replace(/\//g, ".")
    .replace(/\.(\d+)(?=\.|$)/g, "[$1]")
    .replace(/^\./, "");
}

/** Errors of the fields under a prefix, e.g. errorsUnder(map, "items[0]") → {"eccn": "…"}. */
export function errorsUnder(map: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (k.startsWith(prefix + ".")) out[k.substring(prefix.length + 1)] = v;
    else if (k === prefix) out[""] = v;
  }
  return out;
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400:
      return "The request was not accepted";
    case 401:
      return "You are not signed in";
    case 403:
      return "You are not allowed to do this";
    case 404:
      return "Not found";
    case 409:
      return "This changed in the meantime";
    case 413:
      return "The file is too large";
    case 415:
      return "This type of file is not accepted";
    case 503:
      return "A service Clearance depends on is not available";
    default:
      return status >= 500 ? "Clearance ran into an error" : `Request failed (${status})`;
  }
}

/** A sentence that tells a user what happened and what to do, for any error. */
export function explain(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) {
    return error instanceof Error ? error.message : "Something went wrong.";
  }
  switch (error.type) {
    case "task-already-claimed":
      return "Someone else claimed this task a moment ago. The list now shows who has it.";
    case "task-closed":
      return "This task is already closed — it was completed or cancelled elsewhere. The screen now shows its current state.";
    case "case-not-editable":
      return "This application can no longer be changed: it has been submitted or closed.";
    case "request-not-open":
      return "This request for information is no longer open (answered or expired).";
    case "application-incomplete":
      return "The application is not complete yet. The missing fields are marked below.";
    case "document-too-large":
    case "unsupported-document-type":
      return error.detail ?? error.title;
    case "workflow-unavailable":
      return "The workflow engine is not answering right now. Nothing was lost; try again in a minute.";
  }
  if (error.status === 403 && error.detail?.startsWith("Four eyes")) {
    return (
      "Four-eyes rule: you took part in an earlier step of this case, so another colleague must " +
      "take this decision. " +
      error.detail
    );
  }
  if (error.status === 403) {
    return error.detail ?? "You are not allowed to do this with your current role.";
  }
  if (error.status === 409) {
    return `${error.detail ?? error.title} The screen now shows the current state.`;
  }
  if (error.status >= 500) {
    return `${error.title}. Try again; if it keeps happening, tell your administrator.`;
  }
  return error.detail ?? error.title;
}
