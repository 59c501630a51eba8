// What a complete application needs (the same rules case-api applies on submit, see
// case-api/README.md), per section of the wizard, so each section can show its own status
// before the server is asked.
import type { CaseContent, Item, Party } from "../../api";

export type SectionId = "contact" | "items" | "parties" | "destinations" | "documents";

export interface Section {
  id: SectionId;
  title: string;
  hint: string;
  /** Field-path prefixes of the API's errors that belong to this section. */
  prefixes: string[];
}

export const SECTIONS: Section[] = [
  {
    id: "contact",
    title: "Contact details",
    hint: "Who the licensing authority talks to about this application",
    prefixes: ["contact"],
  },
  {
    id: "items",
    title: "Goods, software and AI models",
    hint: "What you export: classification (ECCN), quantity, value, and for AI models their parameters and controls",
    prefixes: ["items"],
  },
  {
    id: "parties",
    title: "Parties",
    hint: "Consignee, end user and anyone else in the chain, with their countries",
    prefixes: ["parties"],
  },
  {
    id: "destinations",
    title: "Destinations and end use",
    hint: "Where the goods go and what they will be used for",
    prefixes: ["destinations", "endUseStatement"],
  },
  {
    id: "documents",
    title: "Supporting documents",
    hint: "End-user certificates, technical specifications, contracts (optional)",
    prefixes: ["documents"],
  },
];

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === "";

export function itemMissing(item: Item): string[] {
  const missing: string[] = [];
  const need: [keyof Item, string][] = [
    ["kind", "kind"],
    ["description", "description"],
    ["eccn", "classification (ECCN)"],
    ["quantity", "quantity"],
    ["unit", "unit"],
    ["unitValue", "unit value"],
    ["currency", "currency"],
  ];
  for (const [k, label] of need) if (blank(item[k])) missing.push(label);
  if (item.kind === "AI_MODEL") {
    const ai = item.aiModel ?? {};
    if (blank(ai.parameterCount)) missing.push("parameter count");
    if (blank(ai.trainingComputeOperations)) missing.push("training compute");
    if (blank(ai.weights)) missing.push("open or closed weights");
    if (blank(ai.hostingControls)) missing.push("hosting and security controls");
  }
  return missing;
}

export function partyMissing(party: Party): string[] {
  const missing: string[] = [];
  if (blank(party.role)) missing.push("role");
  if (blank(party.name)) missing.push("name");
  if (blank(party.address)) missing.push("address");
  if (blank(party.country)) missing.push("country");
  return missing;
}

/** Sentences saying what a section still needs; empty when the section is complete. */
export function sectionGaps(id: SectionId, c: CaseContent): string[] {
  switch (id) {
    case "contact": {
      const gaps: string[] = [];
      if (blank(c.contact?.name)) gaps.push("Give a contact name.");
      if (blank(c.contact?.email)) gaps.push("Give a contact e-mail address.");
      return gaps;
    }
    case "items": {
      const items = c.items ?? [];
      if (items.length === 0) return ["Add at least one item."];
      return items.flatMap((item, i) => {
        const m = itemMissing(item);
        return m.length ? [`Item ${i + 1} needs: ${m.join(", ")}.`] : [];
      });
    }
    case "parties": {
      const parties = c.parties ?? [];
      const gaps: string[] = [];
      if (!parties.some((p) => p.role === "CONSIGNEE")) gaps.push("Name a consignee.");
      const endUsers = parties.filter((p) => p.role === "END_USER").length;
      if (endUsers !== 1) gaps.push("Name exactly one end user.");
      if (parties.filter((p) => p.role === "ULTIMATE_END_USER").length > 1)
        gaps.push("Name at most one ultimate end user.");
      parties.forEach((p, i) => {
        const m = partyMissing(p);
        if (m.length) gaps.push(`Party ${i + 1} needs: ${m.join(", ")}.`);
      });
      return gaps;
    }
    case "destinations": {
      const gaps: string[] = [];
      if ((c.destinations ?? []).filter((d) => !blank(d)).length === 0)
        gaps.push("Add at least one destination country.");
      if (blank(c.endUseStatement)) gaps.push("Describe the end use.");
      return gaps;
    }
    case "documents":
      return [];
  }
}

export type SectionStatus = "not-started" | "in-progress" | "complete" | "errors";

export function sectionStatus(
  id: SectionId,
  c: CaseContent,
  errors: Record<string, string>,
  documents: number,
): SectionStatus {
  const section = SECTIONS.find((s) => s.id === id)!;
  if (Object.keys(errors).some((k) => section.prefixes.some((p) => k === p || k.startsWith(p))))
    return "errors";
  const started =
    id === "contact"
      ? !blank(c.contact?.name) || !blank(c.contact?.email) || !blank(c.contact?.phone)
      : id === "items"
        ? (c.items ?? []).length > 0
        : id === "parties"
          ? (c.parties ?? []).length > 0
          : id === "destinations"
            ? (c.destinations ?? []).length > 0 || !blank(c.endUseStatement)
            : documents > 0;
  if (id === "documents") return documents > 0 ? "complete" : "not-started";
  if (!started) return "not-started";
  return sectionGaps(id, c).length === 0 ? "complete" : "in-progress";
}

/** The section an API field path belongs to ("items[0].eccn" → items). */
export function sectionOf(field: string): SectionId | null {
  for (const s of SECTIONS)
    if (s.prefixes.some((p) => field === p || field.startsWith(p))) return s.id;
  return null;
}
