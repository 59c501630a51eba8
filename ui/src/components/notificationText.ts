// Notification bodies are written once for e-mail and the app alike: plain text with the case's
// full address on its own line and instants in ISO form. In the app they read as words: the
// address becomes a link into the app, instants the usual date and time.
import { formatDateTime } from "./format";

export type Segment =
  { kind: "text"; text: string } | { kind: "case"; caseId: string; href: string };

/** A paragraph of the body: its segments in order. */
export type Paragraph = Segment[];

const CASE_URL =
  /\bhttps?:\/\/[^\s/]+(?:\/[^\s/]+)*?\/cases\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b\/?/gi;
const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/**
 * The body in paragraphs (blank lines separate them, single line breaks are kept as spaces),
 * with each link to a case as its own segment and every instant written as a date and time.
 */
export function notificationParagraphs(body: string): Paragraph[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, " ").trim())
    .filter((block) => block !== "")
    .map((block) => {
      const segments: Segment[] = [];
      let last = 0;
      for (const match of block.matchAll(CASE_URL)) {
        const start = match.index;
        if (start > last) segments.push(text(block.slice(last, start)));
        segments.push({ kind: "case", caseId: match[1].toLowerCase(), href: match[0] });
        last = start + match[0].length;
      }
      if (last < block.length) segments.push(text(block.slice(last)));
      return segments.filter((s) => s.kind !== "text" || s.text.trim() !== "");
    })
    .filter((p) => p.length > 0);
}

function text(raw: string): Segment {
  return {
    kind: "text",
    text: raw.replace(INSTANT, (iso) => {
      const when = new Date(iso);
      return Number.isNaN(when.getTime()) ? iso : formatDateTime(iso);
    }),
  };
}
