// The heat map's colouring: each element is coloured by the p90 of the time cases spent there,
// on a scale from the quickest to the slowest element of the diagram (log scale: screening takes
// hours, reviews take weeks). Colour is never the only cue: every badge also says its figures.
import type { HeatmapElement } from "../../api/staff";
import { formatCount } from "../../components/format";

export interface Heat {
  /** 0 (quickest) to 1 (slowest); null when nobody passed the element in the window. */
  level: number | null;
  fill: string;
  stroke: string;
  /** Words for the level, for the legend and screen readers. */
  label: "quick" | "moderate" | "slow" | "no data";
}

// Light fills keep the element names readable (contrast ≥ 4.5:1 with the black text).
const STEPS = [
  { fill: "#e9f5e1", stroke: "#3e8635" },
  { fill: "#fdf1d6", stroke: "#b98412" },
  { fill: "#fbe3dc", stroke: "#c9190b" },
];
const NO_DATA = { fill: "#f0f0f0", stroke: "#6a6e73" };

export function heatScale(elements: readonly HeatmapElement[]): (hours: number | null) => Heat {
  const values = elements
    .map((e) => e.p90Hours)
    .filter((h): h is number => h !== null && h > 0)
    .map((h) => Math.log(h));
  const min = Math.min(...values);
  const max = Math.max(...values);
  return (hours) => {
    if (hours === null || hours <= 0 || values.length === 0) {
      return { level: null, ...NO_DATA, label: "no data" };
    }
    const level = max === min ? 0.5 : (Math.log(hours) - min) / (max - min);
    const clamped = Math.min(1, Math.max(0, level));
    const step = clamped < 1 / 3 ? 0 : clamped < 2 / 3 ? 1 : 2;
    return {
      level: clamped,
      ...STEPS[step],
      label: step === 0 ? "quick" : step === 1 ? "moderate" : "slow",
    };
  };
}

/** Hours in words: "45 min", "5.2 h", "3.4 days". */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

/** What a badge says aloud: "12 cases now, 3 overdue, p90 4.5 days". */
export function badgeText(e: HeatmapElement): string {
  const parts = [`${formatCount(e.casesNow)} ${e.casesNow === 1 ? "case" : "cases"} now`];
  if (e.kind !== "END") parts.push(`${formatCount(e.overdueNow)} overdue`);
  if (e.p90Hours !== null) parts.push(`p90 ${formatHours(e.p90Hours)}`);
  return parts.join(", ");
}

/**
 * A badge's text on the diagram and its accessible name. The name holds the text as shown
 * (WCAG 2.5.3: a speech user says what they see), after the element's name.
 */
export function badgeLabel(e: HeatmapElement): { shown: string; name: string } {
  const shown =
    e.kind === "END" || e.overdueNow === 0
      ? formatCount(e.casesNow)
      : `${formatCount(e.casesNow)} · ${formatCount(e.overdueNow)} late`;
  return { shown, name: `${e.name ?? e.elementId}: ${shown}. ${badgeText(e)}. Open these cases.` };
}

/** The canvas height that shows the whole diagram at the container's width, within bounds. */
export function fittedHeight(
  containerWidth: number,
  diagram: { width: number; height: number },
): number {
  if (containerWidth <= 0 || diagram.width <= 0) return MIN_HEIGHT;
  const height = (containerWidth * diagram.height) / diagram.width + 2 * MARGIN;
  return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)));
}
const MIN_HEIGHT = 220;
const MAX_HEIGHT = 560;
const MARGIN = 16;
