// The "Screen a name" form: its URL state, the request it sends, and where the server's field
// errors go. Pure, so the mapping is tested without a browser.
import { ApiError, type ScreeningSearchRequest } from "../../api";
import { parseState, type Schema, type StateOf } from "../../components/urlState";

export const screeningSchema = {
  name: { kind: "string" },
  country: { kind: "string" },
  type: { kind: "string" },
  dob: { kind: "string" },
} satisfies Schema;

export type ScreeningForm = StateOf<typeof screeningSchema>;

export const TYPE_OPTIONS = [
  { value: "", label: "Any" },
  { value: "PERSON", label: "Person" },
  { value: "ORGANISATION", label: "Organisation" },
];

export function formFromParams(params: URLSearchParams): ScreeningForm {
  return parseState(params, screeningSchema);
}

/** What the API gets for a form: trimmed, country in capitals, empty fields left out. */
export function toRequest(form: ScreeningForm): ScreeningSearchRequest {
  const request: ScreeningSearchRequest = { name: form.name.trim() };
  const country = form.country.trim().toUpperCase();
  if (country) request.country = country;
  if (form.type === "PERSON" || form.type === "ORGANISATION") request.type = form.type;
  else if (form.type.trim()) request.type = form.type.trim() as ScreeningSearchRequest["type"];
  const birthDate = form.dob.trim();
  if (birthDate) request.birthDate = birthDate;
  return request;
}

/** The API's field names → the form's fields (the date of birth is `dob` in the URL). */
const FIELD_OF: Record<string, keyof ScreeningForm> = {
  name: "name",
  country: "country",
  type: "type",
  birthDate: "dob",
};

export interface MappedErrors {
  fields: Partial<Record<keyof ScreeningForm, string>>;
  /** Errors of fields the form does not have (shown above the form). */
  other: string[];
}

/** A 400's errors[] on the form's fields; any other error is not a field error. */
export function fieldErrors(error: unknown): MappedErrors {
  const out: MappedErrors = { fields: {}, other: [] };
  if (!(error instanceof ApiError) || error.status !== 400) return out;
  for (const e of error.errors) {
    const field = FIELD_OF[e.field];
    const text = sentence(e.field, e.message);
    if (field) out.fields[field] ??= text;
    else out.other.push(`${e.field} ${e.message}`);
  }
  return out;
}

const LABEL: Record<string, string> = {
  name: "The name",
  country: "The country",
  type: "The type",
  birthDate: "The date of birth",
};

function sentence(field: string, message: string): string {
  return `${LABEL[field] ?? field} ${message}.`;
}

/** The form's own check before anything is sent. */
export function localErrors(form: ScreeningForm): Partial<Record<keyof ScreeningForm, string>> {
  return form.name.trim() ? {} : { name: "Enter a name to screen." };
}
