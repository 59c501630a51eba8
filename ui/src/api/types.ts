// The shapes of case-api's JSON (case-api/README.md and its *Response records).

export type CaseStatus =
  | "DRAFT"
  | "SUBMITTED"
  | "SCREENING"
  | "UNDER_REVIEW"
  | "AWAITING_APPLICANT"
  | "AWAITING_APPROVAL"
  | "COUNTERSIGN"
  | "APPROVED"
  | "DENIED"
  | "RETURNED_WITHOUT_ACTION"
  | "WITHDRAWN"
  | "NO_LICENCE_REQUIRED";

export type CaseStage = "DRAFTING" | "SCREENING" | "REVIEW" | "APPROVAL" | "CLOSED";
export type SlaState = "ON_TRACK" | "AT_RISK" | "BREACHED";
export type ItemKind = "AI_MODEL" | "HARDWARE" | "SOFTWARE" | "TECHNOLOGY";
export type PartyRole = "CONSIGNEE" | "END_USER" | "ULTIMATE_END_USER" | "INTERMEDIATE_CONSIGNEE";
export type TaskType =
  "ADJUDICATE_MATCHES" | "TECHNICAL_AUDIT" | "LEGAL_REVIEW" | "APPROVAL" | "COUNTERSIGN";
export type TaskStatus = "OPEN" | "COMPLETED" | "CANCELLED";

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface Me {
  username: string;
  name: string | null;
  email: string | null;
  roles: string[];
  organisation: string | null;
}

export interface SlaClock {
  dueAt: string;
  /** ISO-8601 duration, negative once passed. */
  timeLeft: string;
  state: SlaState;
  paused: boolean;
}

export interface Contact {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface AiModel {
  parameterCount?: number | null;
  trainingComputeOperations?: number | string | null;
  weights?: "OPEN" | "CLOSED" | null;
  hostingControls?: string | null;
}

export interface Item {
  kind?: ItemKind | null;
  description?: string | null;
  eccn?: string | null;
  quantity?: number | string | null;
  unit?: string | null;
  unitValue?: number | string | null;
  currency?: string | null;
  aiModel?: AiModel | null;
}

export interface Party {
  role?: PartyRole | null;
  name?: string | null;
  address?: string | null;
  country?: string | null;
}

/** What PUT /api/cases/{id} and POST /api/cases take. */
export interface CaseContent {
  contact?: Contact | null;
  items?: Item[];
  parties?: Party[];
  destinations?: string[];
  endUseStatement?: string | null;
}

export interface DocumentInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  href: string;
}

export interface ProcessInfo {
  classification: string | null;
  countryGroup: string | null;
  licenceRequired: boolean | null;
  reviewPolicy: string | null;
  determinationBasis: string | null;
  highRisk: boolean;
  highRiskReason: string | null;
  sla: SlaClock | null;
  denialReasons: string[] | null;
  appealDeadline: string | null;
}

export interface CaseDetail extends Required<Omit<CaseContent, "contact">> {
  id: string;
  reference: string;
  status: CaseStatus;
  stage: CaseStage;
  organisation: string;
  createdBy: string;
  contact: Contact | null;
  documents: DocumentInfo[];
  processInstanceKey: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  closedAt: string | null;
  version: number;
  process: ProcessInfo | null;
}

export interface CaseSummary {
  id: string;
  reference: string;
  status: CaseStatus;
  stage: CaseStage;
  organisation: string;
  destinations: string[];
  classifications: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** The overall SLA clock of an open, submitted case. */
  sla: SlaClock | null;
}

export interface MatchDisposition {
  matchId: number;
  disposition: "TRUE_MATCH" | "FALSE_MATCH";
  reason: string;
}

export interface TaskDecision {
  outcome?: string | null;
  comment?: string | null;
  question?: string | null;
  reasons?: string[] | null;
  dispositions?: MatchDisposition[] | null;
  /** Provisos a legal reviewer recommends, or conditions an approver puts on the licence. */
  conditions?: string[] | null;
  /** A technical audit's findings (null on other task types). */
  findings?: AuditFinding[] | null;
  /** What a technical auditor examined. */
  evidence?: string | null;
}

export type FindingSeverity = "OBSERVATION" | "MINOR" | "MAJOR" | "CRITICAL";

export interface AuditFinding {
  severity: FindingSeverity;
  text: string;
}

export interface Task {
  id: string;
  caseId: string;
  caseReference: string;
  type: TaskType;
  elementId: string;
  candidateRole: string;
  assignee: string | null;
  status: TaskStatus;
  dueAt: string | null;
  sla: SlaClock | null;
  createdAt: string;
  claimedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  decision: TaskDecision | null;
  closeReason: string | null;
}

export interface Rfi {
  id: string;
  caseId: string;
  stage: string;
  question: string;
  askedBy: string;
  askedAt: string;
  answerBy: string | null;
  status: "OPEN" | "ANSWERED" | "EXPIRED" | "CLOSED" | string;
  answer: string | null;
  documentIds: string[] | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface ScreeningMatch {
  id: number;
  partyName: string;
  partyRole: string;
  listedName: string;
  listSource: string;
  listVersion: string;
  score: number;
  algorithm: string;
  /** null until a legal reviewer has adjudicated the match. */
  disposition: "TRUE_MATCH" | "FALSE_MATCH" | null;
  dispositionReason: string | null;
  disposedBy: string | null;
  entryKey: string | null;
  matchedNameKind: string | null;
  /** The matcher's reasons; null for matches found before the token matcher (V60). */
  explanation: ScreeningExplanation | null;
}

export interface AuditEvent {
  position: number | null;
  caseId: string;
  occurredAt: string;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
  previousHash: string | null;
  hash: string | null;
  sealed: boolean;
}

export interface Notification {
  id: string;
  type: string;
  recipientKind: string;
  recipient: string;
  caseId: string | null;
  caseReference: string | null;
  subject: string;
  body: string;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

/** A licence's statuses (case-api's LicenceStatus). */
export type LicenceStatus = "ISSUED" | "SUSPENDED" | "REVOKED" | "EXHAUSTED" | "EXPIRED";

export interface Licence {
  number: string;
  caseId: string;
  caseReference: string;
  status: LicenceStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  holder: { organisation: string; contactName: string | null; contactEmail: string | null };
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  items: {
    description: string;
    eccn: string;
    quantityLimit: number;
    unit: string;
    valueLimit: number;
    currency: string;
  }[];
  destinations: string[];
  parties: { role: string; name: string; address: string; country: string }[];
  conditions: string[];
  document: { href: string; sha256: string } | null;
}

/** What `POST /api/screening/search` takes: all but `name` optional. */
export interface ScreeningSearchRequest {
  name: string;
  country?: string;
  type?: "PERSON" | "ORGANISATION";
  birthDate?: string;
  limit?: number;
}

/** The matcher's reasons for one hit (`screening/matching/Explanation` in case-api). */
export interface ScreeningExplanation {
  algorithm: string;
  queryName: string;
  listedName: string;
  listedNameKind: string;
  aligned: {
    queryTokens: string;
    listedTokens: string;
    how: string;
    similarity: number;
    weight: number;
  }[];
  unmatchedQueryTokens: { token: string; weight: number }[];
  unmatchedListedTokens: { token: string; weight: number }[];
  nameScore: number;
  evidence: { feature: string; detail: string; effect: string; scoreAfter: number }[];
  score: number;
}

export interface ScreeningHit {
  entryId: number;
  entryKey: string;
  entryType: "PERSON" | "ORGANISATION" | string;
  countries: string[];
  birthDates: string[];
  listedName: string;
  nameKind: string;
  score: number;
  potentialMatch: boolean;
  explanation: ScreeningExplanation;
}

export interface ScreeningSearchResponse {
  algorithm: string;
  listVersions: string[];
  matchThreshold: number;
  limit: number;
  /** Further hits beyond `limit` may reach the report threshold too. */
  more: boolean;
  hits: ScreeningHit[];
}
