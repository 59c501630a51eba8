import { describe, expect, it } from "vitest";
import type { DashboardSummary, HeatmapElement } from "../../api/staff";
import {
  ageingChart,
  breachChart,
  openBreachText,
  cycleTimeChart,
  percent,
  stageChart,
  statusChart,
  throughputChart,
  workloadChart,
} from "./chartOptions";
import { csvSections } from "./csv";
import { ageingRange, caseListUrl, drillDown } from "./drillDown";
import { badgeLabel, badgeText, fittedHeight, formatHours, heatScale } from "./heatmapColour";
import { FIT_MARGIN, fittedViewbox, type PinnedBadge, type Viewbox } from "./heatmapFit";

const summary: DashboardSummary = {
  generatedAt: "2026-12-01T10:00:00Z",
  filters: {
    organisation: "acme-ai",
    destination: null,
    classification: null,
    from: null,
    to: null,
    weeks: 12,
  },
  window: { from: "2026-09-07T00:00:00Z", to: "2026-12-01T10:00:00Z" },
  casesByStatus: { SUBMITTED: 2, UNDER_REVIEW: 5, APPROVED: 7 },
  casesByStage: { SCREENING: 2, REVIEW: 5, APPROVAL: 0, CLOSED: 7 },
  openCases: 7,
  ageing: [
    { bucket: "DAYS_0_9", minDays: 0, maxDays: 9, cases: 4 },
    { bucket: "DAYS_90_PLUS", minDays: 90, maxDays: null, cases: 3 },
  ],
  cycleTimes: [
    { stage: "REVIEW", cases: 3, p50Hours: 48, p90Hours: 96 },
    { stage: "TOTAL", cases: 0, p50Hours: null, p90Hours: null },
  ],
  throughput: [{ week: "2026-W48", weekStart: "2026-11-23", submitted: 4, decided: 1 }],
  breaches: {
    decided: { cases: 10, breached: 1, rate: 0.1 },
    open: { cases: 7, breached: 2, rate: 0.2857 },
  },
  workload: {
    byAssignee: [{ assignee: "leo", openTasks: 3, overdueTasks: 1 }],
    byCandidateRole: [
      { candidateRole: "legal", openTasks: 4, unassignedTasks: 1, overdueTasks: 1 },
    ],
  },
};

describe("chart options", () => {
  it("describe every chart for screen readers and pick what was clicked", () => {
    const status = statusChart(summary);
    expect(JSON.stringify(status.option)).toContain("Under review 5");
    expect((status.option.aria as { enabled: boolean }).enabled).toBe(true);
    expect(status.pick(0, 1)).toEqual({ kind: "status", status: "UNDER_REVIEW" });
    expect(status.pick(0, 9)).toBeNull();

    expect(ageingChart(summary).pick(0, 1)).toEqual({ kind: "ageing", minDays: 90, maxDays: null });
    expect(breachChart(summary).pick(1, 0)).toEqual({ kind: "breach", which: "open" });
    expect(throughputChart(summary).pick(1, 0)).toEqual({ kind: "week", weekStart: "2026-11-23" });
  });

  it("shows cycle times in days and leads the total to closed cases", () => {
    const cycle = cycleTimeChart(summary);
    const series = cycle.option.series as { data: (number | null)[] }[];
    expect(series[0].data).toEqual([2, null]);
    expect(series[1].data).toEqual([4, null]);
    expect(cycle.pick(0, 1)).toEqual({ kind: "stage", stage: "CLOSED" });
    expect(JSON.stringify(cycle.option.aria)).toContain("Total no case finished");
  });

  it("splits a reviewer's tasks into on time and overdue", () => {
    const workload = workloadChart(summary);
    const series = workload.option.series as { data: number[] }[];
    expect(series[0].data).toEqual([2]);
    expect(series[1].data).toEqual([1]);
    expect(workload.pick(1, 0)).toEqual({ kind: "assignee", assignee: "leo", overdue: true });
    expect(workload.pick(0, 0)).toEqual({ kind: "assignee", assignee: "leo", overdue: false });
  });

  it("keeps axis names and end-of-bar labels inside every chart", () => {
    const charts = [
      statusChart,
      stageChart,
      ageingChart,
      breachChart,
      cycleTimeChart,
      throughputChart,
      workloadChart,
    ].map((chart) => chart(summary).option);
    for (const option of charts) {
      // containLabel leaves axis names ("days") out of the margins: at 640 px they were cut
      expect(option.grid).toMatchObject({ outerBoundsMode: "same", outerBoundsContain: "all" });
      expect(option.grid).not.toHaveProperty("containLabel");
      const labelledAtEnd = (option.series as { label?: { position?: string } }[]).some(
        (s) => s.label?.position === "right",
      );
      // a value label right of a full-width bar ("100.0 %") needs its own room
      if (labelledAtEnd)
        expect((option.grid as { right: number }).right).toBeGreaterThanOrEqual(56);
    }
  });

  it("writes rates as percentages", () => {
    expect(percent(0.2857)).toBe("28.6 %");
    expect(percent(null)).toBe("—");
  });
});

describe("drill-down", () => {
  it("carries the dashboard's filters into the case list", () => {
    expect(drillDown.status(summary.filters, "UNDER_REVIEW")).toBe(
      "/cases?organisation=acme-ai&status=UNDER_REVIEW",
    );
    expect(drillDown.assignee(null, "leo", true)).toBe("/cases?assignee=leo&overdue=true");
    expect(drillDown.element(null, "Task_TechnicalAudit")).toBe(
      "/cases?element=Task_TechnicalAudit",
    );
    expect(caseListUrl(null, {})).toBe("/cases");
  });

  it("turns an ageing bucket into submission dates of open cases", () => {
    const today = new Date(2026, 11, 1);
    expect(ageingRange(10, 29, today)).toEqual({
      submittedFrom: "2026-11-02",
      submittedTo: "2026-11-21",
    });
    expect(ageingRange(90, null, today)).toEqual({
      submittedFrom: undefined,
      submittedTo: "2026-09-02",
    });
    expect(drillDown.ageing(null, 0, 9, today)).toBe(
      "/cases?stage=SCREENING%2CREVIEW%2CAPPROVAL&submittedFrom=2026-11-22&submittedTo=2026-12-01",
    );
  });

  it("turns a week into its seven days", () => {
    expect(drillDown.submittedInWeek(null, "2026-11-23")).toBe(
      "/cases?submittedFrom=2026-11-23&submittedTo=2026-11-29&sort=submittedAt%2Casc",
    );
  });
});

function element(
  id: string,
  p90Hours: number | null,
  extra: Partial<HeatmapElement> = {},
): HeatmapElement {
  return {
    elementId: id,
    name: id,
    type: "userTask",
    kind: "USER_TASK",
    casesNow: 0,
    overdueNow: 0,
    passedInWindow: 0,
    p50Hours: null,
    p90Hours,
    ...extra,
  };
}

describe("heat map colouring", () => {
  const elements = [
    element("quick", 2),
    element("middle", 40),
    element("slow", 800),
    element("none", null),
  ];
  const scale = heatScale(elements);

  it("colours from the quickest to the slowest element on a log scale", () => {
    expect(scale(2)).toMatchObject({ level: 0, label: "quick" });
    expect(scale(800)).toMatchObject({ level: 1, label: "slow" });
    expect(scale(40).label).toBe("moderate");
    expect(scale(null)).toMatchObject({ level: null, label: "no data" });
  });

  it("says the figures in words", () => {
    expect(badgeText(element("x", 30, { casesNow: 12, overdueNow: 3 }))).toBe(
      "12 cases now, 3 overdue, p90 30 h",
    );
    expect(badgeText(element("end", null, { kind: "END", casesNow: 1 }))).toBe("1 case now");
    expect(formatHours(0.5)).toBe("30 min");
    expect(formatHours(5.25)).toBe("5.3 h");
    expect(formatHours(76)).toBe("3.2 days");
    expect(formatHours(null)).toBe("—");
  });

  it("is neutral when nothing was measured", () => {
    expect(heatScale([element("a", null)])(5).label).toBe("no data");
  });

  it("sizes the canvas to the diagram's proportions, within bounds", () => {
    // export-licence.bpmn is about 2680 × 722: at 870 px wide it needs 234 px plus margins
    expect(fittedHeight(870, { width: 2680, height: 722 })).toBe(266);
    // a narrow screen keeps a usable height, a tall diagram does not take the whole page
    expect(fittedHeight(300, { width: 2680, height: 722 })).toBe(220);
    expect(fittedHeight(1200, { width: 600, height: 900 })).toBe(560);
    expect(fittedHeight(0, { width: 2680, height: 722 })).toBe(220);
  });
});

describe("heat map fit", () => {
  // export-licence.bpmn's size; the end event's badge is pinned 12 units left of its right edge
  const diagram = { x: 150, y: 80, width: 2680, height: 722 };
  const canvas = { width: 590, height: 220 };
  const endBadge = (width: number): PinnedBadge => ({ x: 2818, y: 300, width, height: 20 });
  /** Where a badge lands on the canvas in px, under a viewbox. */
  const onScreen = (view: Viewbox, b: PinnedBadge) => ({
    left: (b.x - view.x) * view.scale,
    right: (b.x - view.x) * view.scale + b.width,
    top: (b.y - view.y) * view.scale,
    bottom: (b.y - view.y) * view.scale + b.height,
  });

  it("fits the bare diagram into the canvas within the margins, centred", () => {
    const view = fittedViewbox(canvas, diagram, []);
    expect(view.scale).toBeCloseTo((590 - 2 * FIT_MARGIN) / 2680, 6);
    const left = (diagram.x - view.x) * view.scale;
    const right = (diagram.x + diagram.width - view.x) * view.scale;
    expect(left).toBeCloseTo(FIT_MARGIN, 6);
    expect(right).toBeCloseTo(590 - FIT_MARGIN, 6);
    expect(view.width).toBeCloseTo(590 / view.scale, 6);
  });

  it("keeps a wide badge at the right-hand edge inside the canvas", () => {
    for (const width of [30, 90, 160]) {
      const badge = endBadge(width);
      const view = fittedViewbox(canvas, diagram, [badge]);
      const at = onScreen(view, badge);
      expect(at.right).toBeLessThanOrEqual(590 - FIT_MARGIN + 1e-6);
      expect(at.right).toBeGreaterThan(590 - FIT_MARGIN - 1);
      // the diagram's left edge is not pushed out instead
      expect((diagram.x - view.x) * view.scale).toBeGreaterThanOrEqual(FIT_MARGIN - 1e-6);
    }
    // the wider the badge, the smaller the diagram has to be drawn
    expect(fittedViewbox(canvas, diagram, [endBadge(160)]).scale).toBeLessThan(
      fittedViewbox(canvas, diagram, [endBadge(30)]).scale,
    );
  });

  it("keeps a badge above the top-most step inside the canvas", () => {
    const badge = { x: 400, y: 68, width: 40, height: 20 };
    const view = fittedViewbox({ width: 590, height: 120 }, diagram, [badge]);
    expect(onScreen(view, badge).top).toBeGreaterThanOrEqual(FIT_MARGIN - 1e-6);
  });

  it("shows the diagram as it fits alone when a badge is wider than the canvas", () => {
    const view = fittedViewbox(canvas, diagram, [endBadge(800)]);
    expect(view.scale).toBeCloseTo(fittedViewbox(canvas, diagram, []).scale, 6);
  });

  it("refuses a canvas or a diagram without area", () => {
    expect(() => fittedViewbox({ width: 0, height: 220 }, diagram, [])).toThrow(/no area/);
    expect(() => fittedViewbox(canvas, { ...diagram, width: 0 }, [])).toThrow(/no area/);
  });
});

describe("CSV per chart", () => {
  it("keeps the header and the chart's own sections", () => {
    const csv =
      "section,key,measure,value\r\nfilter,organisation,value,acme-ai\r\nstatus,SUBMITTED,cases,2\r\n" +
      "ageing,DAYS_0_9,cases,4\r\nstatus,APPROVED,cases,7\r\n";
    expect(csvSections(csv, ["status"])).toBe(
      "section,key,measure,value\r\nstatus,SUBMITTED,cases,2\r\nstatus,APPROVED,cases,7\r\n",
    );
  });
});

describe("count axes", () => {
  it("write large counts compactly and drop labels that would overlap", () => {
    const axis = statusChart(summary).option.xAxis as {
      axisLabel: { hideOverlap: boolean; formatter: (n: number) => string };
    };
    expect(axis.axisLabel.hideOverlap).toBe(true);
    expect(axis.axisLabel.formatter(20000)).toBe("20K");
    expect(axis.axisLabel.formatter(12500)).toBe("12.5K");
    expect(axis.axisLabel.formatter(2)).toBe("2");
  });

  it("write the count at the end of a bar in full, with thousands separators", () => {
    for (const chart of [statusChart, stageChart, ageingChart]) {
      const [series] = chart(summary).option.series as {
        label: { formatter: (p: { value: unknown }) => string };
      }[];
      expect(series.label.formatter({ value: 20005 })).toBe("20,005");
      expect(series.label.formatter({ value: 0 })).toBe("0");
    }
  });
});

describe("the open cases' breaches in the header", () => {
  it("gives the rate over the cases with a target and names those without one", () => {
    const open = { cases: 12788, breached: 2345, rate: 2345 / 12788 };
    expect(openBreachText(12788, open)).toBe("2,345 of 12,788 past their total target (18.3 %)");
    expect(openBreachText(50005, { cases: 4, breached: 0, rate: 0 })).toBe(
      "0 of 4 past their total target (0.0 %); 50,001 without a target",
    );
    expect(openBreachText(0, { cases: 0, breached: 0, rate: null })).toBe(
      "none past a total target",
    );
    expect(openBreachText(3, { cases: 0, breached: 0, rate: null })).toBe(
      "none with a total target",
    );
  });
});

describe("heat map badges", () => {
  it("name each badge by the text it shows, after its element", () => {
    const late = badgeLabel(element("x", 30, { casesNow: 1234, overdueNow: 56 }));
    expect(late.shown).toBe("1,234 · 56 late");
    expect(late.name.startsWith("x: 1,234 · 56 late. 1,234 cases now, 56 overdue")).toBe(true);
    const end = badgeLabel(element("end", null, { kind: "END", casesNow: 1 }));
    expect(end.shown).toBe("1");
    expect(end.name).toContain(": 1. 1 case now");
  });
});
