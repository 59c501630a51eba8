// A draft being edited: the local content, autosaved to the server a moment after each change,
// with the server's field errors. Nothing typed is thrown away when a save is refused.
import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api, ApiError, explain, type CaseContent, type CaseDetail } from "../../api";
import { toFieldMap } from "../../api/problem";

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "invalid"; message: string }
  | { kind: "failed"; message: string };

export const AUTOSAVE_DELAY_MS = 1200;

export function contentOf(c: CaseDetail): CaseContent {
  return {
    contact: c.contact ?? { name: null, email: null, phone: null },
    items: c.items ?? [],
    parties: c.parties ?? [],
    destinations: c.destinations ?? [],
    endUseStatement: c.endUseStatement ?? null,
  };
}

export function useDraft(initial: CaseDetail) {
  const client = useQueryClient();
  const [content, setContent] = useState<CaseContent>(() => contentOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: "saved", at: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(content);
  const dirty = useRef(false);
  latest.current = content;

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return true;
    dirty.current = false;
    const sent = latest.current;
    setSave({ kind: "saving" });
    try {
      const saved = await api.cases.save(initial.id, sent);
      client.setQueryData(["case", initial.id], saved);
      setErrors({});
      if (latest.current === sent) setSave({ kind: "saved", at: new Date() });
      else setSave({ kind: "pending" });
      return true;
    } catch (e) {
      // nothing of this version is stored: the next flush (continue, submit) must send it again
      dirty.current = true;
      if (e instanceof ApiError && e.status === 400 && e.errors.length > 0) {
        setErrors(toFieldMap(e.errors));
        setSave({
          kind: "invalid",
          message: `Not saved: ${e.errors.length} field(s) need a fix (marked below). Your entries are kept here.`,
        });
      } else {
        setSave({ kind: "failed", message: `Not saved: ${explain(e)}` });
      }
      return false;
    }
  }, [client, initial.id]);

  const update = useCallback(
    (change: (c: CaseContent) => CaseContent) => {
      setContent((c) => change(c));
      dirty.current = true;
      setSave({ kind: "pending" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Save what is pending when the screen goes away or the tab is closed.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      void flush();
    };
  }, [flush]);

  return { content, update, errors, setErrors, save, flush };
}
