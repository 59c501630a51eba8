// Lists keep their filters, sort, columns and page in the URL, so a view can be shared,
// bookmarked and restored with the back button. A schema names each parameter and its kind;
// defaults are left out of the URL to keep it short.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export type Field =
  | { kind: "string"; default?: string }
  | { kind: "list"; default?: string[] }
  | { kind: "bool"; default?: boolean }
  | { kind: "int"; default: number; min?: number; max?: number };

export type Schema = Record<string, Field>;

type ValueOf<F extends Field> = F extends { kind: "string" }
  ? string
  : F extends { kind: "list" }
    ? string[]
    : F extends { kind: "bool" }
      ? boolean
      : number;

export type StateOf<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

export function parseState<S extends Schema>(params: URLSearchParams, schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    const raw = params.getAll(key);
    switch (field.kind) {
      case "string":
        out[key] = raw[0] ?? field.default ?? "";
        break;
      case "list": {
        const values = raw.flatMap((v) => v.split(",")).filter((v) => v !== "");
        out[key] = values.length > 0 ? values : (field.default ?? []);
        break;
      }
      case "bool":
        out[key] = raw.length > 0 ? raw[0] === "true" || raw[0] === "1" : (field.default ?? false);
        break;
      case "int": {
        const n = raw.length > 0 ? Number.parseInt(raw[0], 10) : NaN;
        let v = Number.isFinite(n) ? n : field.default;
        if (field.min !== undefined) v = Math.max(field.min, v);
        if (field.max !== undefined) v = Math.min(field.max, v);
        out[key] = v;
        break;
      }
    }
  }
  return out as StateOf<S>;
}

/** The state as URL parameters; values equal to their default are left out. */
export function toParams<S extends Schema>(
  state: Partial<StateOf<S>>,
  schema: S,
  keep?: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams();
  if (keep) keep.forEach((v, k) => !(k in schema) && params.append(k, v));
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, unknown>)[key];
    if (value === undefined) continue;
    switch (field.kind) {
      case "string":
        if (value !== "" && value !== (field.default ?? "")) params.set(key, String(value));
        break;
      case "list": {
        const list = value as string[];
        const def = field.default ?? [];
        if (list.length > 0 && list.join(",") !== def.join(",")) params.set(key, list.join(","));
        break;
      }
      case "bool":
        if (value !== (field.default ?? false)) params.set(key, String(value));
        break;
      case "int":
        if (value !== field.default) params.set(key, String(value));
        break;
    }
  }
  return params;
}

/**
 * The list's state from the URL, and a setter that merges a change into it. Any change other
 * than the page itself goes back to the first page (the old page may no longer exist).
 */
export function useUrlState<S extends Schema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseState(params, schema), [params, schema]);
  const update = useCallback(
    (change: Partial<StateOf<S>>, options?: { replace?: boolean }) => {
      const next = { ...state, ...change } as StateOf<S>;
      if ("page" in schema && !("page" in change)) {
        (next as Record<string, unknown>).page = (schema.page as { default: number }).default;
      }
      setParams(toParams(next, schema, params), { replace: options?.replace });
    },
    [state, schema, params, setParams],
  );
  return [state, update] as const;
}
