// ECharts options for the manager dashboard, built from the summary alone (pure functions, so
// the figures each chart shows are tested without a canvas). Every chart has the aria module on:
// ECharts then writes a description of the data for screen readers.
import type { EChartsCoreOption } from "echarts/core";
import type { DashboardSummary } from "../../api/staff";
import { formatCount, words } from "../../components/format";

/** What a click on a chart element stands for; the page turns it into a case-list URL. */
export type ChartPick =
  | { kind: "status"; status: string }
  | { kind: "stage"; stage: string }
  | { kind: "ageing"; minDays: number; maxDays: number | null }
  | { kind: "week"; weekStart: string }
  | { kind: "breach"; which: "open" | "decided" }
  | { kind: "assignee"; assignee: string; overdue: boolean };

export interface ChartModel {
  option: EChartsCoreOption;
  /** Maps (seriesIndex, dataIndex) of a clicked element to what it stands for. */
  pick: (seriesIndex: number, dataIndex: number) => ChartPick | null;
}

const BLUE = "#0066cc";
const ORANGE = "#c46100";
const RED = "#c9190b";
const GREY = "#6a6e73";

function aria(description: string) {
  return { enabled: true, label: { enabled: true, description } };
}

// The grid's margins hold everything drawn around the plot: with outerBoundsContain "all" the
// axis labels AND the axis names ("days") are kept inside them (containLabel, ECharts 5's way,
// left the names out, and at 640 px the cycle-time chart's name was cut at the edge).
const grid = {
  left: 8,
  right: 16,
  top: 36,
  bottom: 8,
  outerBoundsMode: "same",
  outerBoundsContain: "all",
} as const;
// Value labels at the end of horizontal bars are not part of any axis: room for "100.0 %".
const gridWithEndLabels = { ...grid, right: 56 } as const;

// Count axes: 20,000 reads "20K", so the tick labels of a large case count do not run into one
// another on a narrow chart; ECharts drops any that still would.
const compactCount = new Intl.NumberFormat("en-US", {
  notation: "compact",
  maximumSignificantDigits: 3,
});
const countAxis = {
  type: "value",
  minInterval: 1,
  axisLabel: { hideOverlap: true, formatter: (n: number) => compactCount.format(n) },
} as const;

// Tooltips drawn by the chart itself: an HTML tooltip reads its chart's position from the page
// when the chart is made, which makes the browser lay out the whole page again for every chart.
const tooltip = { trigger: "axis", renderMode: "richText" } as const;

// Counts at the end of a bar are written in full, with thousands separators (20,000).
const countLabel = (position: "right" | "top") =>
  ({
    show: true,
    position,
    formatter: (p: { value: unknown }) => formatCount(Number(p.value)),
  }) as const;

const base = {
  // Drawn at once: bars growing in for a second would keep the page busy while the other charts
  // are still being drawn, and show wrong figures meanwhile.
  animation: false,
  grid,
  tooltip: { ...tooltip, axisPointer: { type: "shadow" } },
  textStyle: { fontFamily: "RedHatText, Overpass, Helvetica, Arial, sans-serif" },
};

export function statusChart(summary: DashboardSummary): ChartModel {
  const entries = Object.entries(summary.casesByStatus);
  return {
    option: {
      ...base,
      grid: gridWithEndLabels,
      aria: aria(
        "Cases per status: " + entries.map(([s, n]) => `${words(s)} ${n}`).join(", ") + ".",
      ),
      xAxis: countAxis,
      yAxis: { type: "category", inverse: true, data: entries.map(([s]) => words(s)) },
      series: [
        {
          name: "Cases",
          type: "bar",
          data: entries.map(([, n]) => n),
          itemStyle: { color: BLUE },
          label: countLabel("right"),
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) => (entries[i] ? { kind: "status", status: entries[i][0] } : null),
  };
}

export function stageChart(summary: DashboardSummary): ChartModel {
  const entries = Object.entries(summary.casesByStage);
  return {
    option: {
      ...base,
      aria: aria(
        "Cases per stage: " + entries.map(([s, n]) => `${words(s)} ${n}`).join(", ") + ".",
      ),
      xAxis: { type: "category", data: entries.map(([s]) => words(s)) },
      yAxis: countAxis,
      series: [
        {
          name: "Cases",
          type: "bar",
          data: entries.map(([, n]) => n),
          itemStyle: { color: BLUE },
          label: countLabel("top"),
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) => (entries[i] ? { kind: "stage", stage: entries[i][0] } : null),
  };
}

/**
 * The open cases' breaches for the dashboard's header. The rate is over the open cases that have
 * a total target; cases without one (submitted before SLA plans) are named, not counted as on time.
 */
export function openBreachText(
  openCases: number,
  open: DashboardSummary["breaches"]["open"],
): string {
  if (open.cases === 0) {
    return openCases === 0 ? "none past a total target" : "none with a total target";
  }
  const past = `${formatCount(open.breached)} of ${formatCount(open.cases)} past their total target (${percent(open.rate)})`;
  const without = openCases - open.cases;
  return without > 0 ? `${past}; ${formatCount(without)} without a target` : past;
}

export function ageingLabel(minDays: number, maxDays: number | null): string {
  return maxDays === null ? `${minDays}+ days` : `${minDays}–${maxDays} days`;
}

export function ageingChart(summary: DashboardSummary): ChartModel {
  const buckets = summary.ageing;
  return {
    option: {
      ...base,
      aria: aria(
        "Open cases by days since submission: " +
          buckets.map((b) => `${ageingLabel(b.minDays, b.maxDays)} ${b.cases}`).join(", ") +
          ".",
      ),
      xAxis: { type: "category", data: buckets.map((b) => ageingLabel(b.minDays, b.maxDays)) },
      yAxis: countAxis,
      series: [
        {
          name: "Open cases",
          type: "bar",
          data: buckets.map((b, i) => ({
            value: b.cases,
            itemStyle: { color: i >= buckets.length - 2 ? ORANGE : BLUE },
          })),
          label: countLabel("top"),
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) =>
      buckets[i]
        ? { kind: "ageing", minDays: buckets[i].minDays, maxDays: buckets[i].maxDays }
        : null,
  };
}

/** Rate as a percentage with one decimal, or "—" when nothing was counted. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

export function breachChart(summary: DashboardSummary): ChartModel {
  const { open, decided } = summary.breaches;
  const rows = [
    { key: "open" as const, label: "Open now", ...open },
    { key: "decided" as const, label: "Decided in window", ...decided },
  ];
  return {
    option: {
      ...base,
      aria: aria(
        rows
          .map((r) => `${r.label}: ${r.breached} of ${r.cases} past target (${percent(r.rate)})`)
          .join("; ") + ".",
      ),
      grid: gridWithEndLabels,
      legend: { top: 0 },
      xAxis: countAxis,
      yAxis: { type: "category", data: rows.map((r) => r.label) },
      series: [
        {
          name: "Within target",
          type: "bar",
          stack: "sla",
          data: rows.map((r) => r.cases - r.breached),
          itemStyle: { color: BLUE },
          cursor: "pointer",
        },
        {
          name: "Past target",
          type: "bar",
          stack: "sla",
          data: rows.map((r) => r.breached),
          itemStyle: { color: RED },
          label: {
            show: true,
            position: "right",
            formatter: (p: { dataIndex: number }) => percent(rows[p.dataIndex].rate),
          },
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) => (rows[i] ? { kind: "breach", which: rows[i].key } : null),
  };
}

export function cycleTimeChart(summary: DashboardSummary): ChartModel {
  const stages = summary.cycleTimes;
  const days = (h: number | null) => (h === null ? null : Math.round((h / 24) * 10) / 10);
  return {
    option: {
      ...base,
      aria: aria(
        "Days spent per stage: " +
          stages
            .map((s) =>
              s.cases === 0
                ? `${words(s.stage)} no case finished`
                : `${words(s.stage)} median ${days(s.p50Hours)}, p90 ${days(s.p90Hours)} (${s.cases} cases)`,
            )
            .join("; ") +
          ".",
      ),
      legend: { top: 0 },
      xAxis: { type: "category", data: stages.map((s) => words(s.stage)) },
      yAxis: { type: "value", name: "days" },
      series: [
        {
          name: "Median (p50)",
          type: "bar",
          data: stages.map((s) => days(s.p50Hours)),
          itemStyle: { color: BLUE },
          cursor: "pointer",
        },
        {
          name: "p90",
          type: "bar",
          data: stages.map((s) => days(s.p90Hours)),
          itemStyle: { color: ORANGE },
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) => {
      const stage = stages[i]?.stage;
      if (!stage) return null;
      return stage === "TOTAL" ? { kind: "stage", stage: "CLOSED" } : { kind: "stage", stage };
    },
  };
}

export function throughputChart(summary: DashboardSummary): ChartModel {
  const weeks = summary.throughput;
  return {
    option: {
      ...base,
      tooltip,
      aria: aria(
        "Cases per ISO week: " +
          weeks.map((w) => `${w.week} submitted ${w.submitted}, decided ${w.decided}`).join("; ") +
          ".",
      ),
      legend: { top: 0 },
      xAxis: { type: "category", data: weeks.map((w) => w.week) },
      yAxis: countAxis,
      series: [
        {
          name: "Submitted",
          type: "line",
          data: weeks.map((w) => w.submitted),
          itemStyle: { color: BLUE },
          symbolSize: 8,
          cursor: "pointer",
        },
        {
          name: "Decided",
          type: "line",
          data: weeks.map((w) => w.decided),
          itemStyle: { color: GREY },
          lineStyle: { type: "dashed" },
          symbolSize: 8,
          cursor: "pointer",
        },
      ],
    },
    pick: (_s, i) => (weeks[i] ? { kind: "week", weekStart: weeks[i].weekStart } : null),
  };
}

export function workloadChart(summary: DashboardSummary): ChartModel {
  const people = summary.workload.byAssignee;
  return {
    option: {
      ...base,
      aria: aria(
        "Open tasks per reviewer: " +
          people.map((p) => `${p.assignee} ${p.openTasks} (${p.overdueTasks} overdue)`).join(", ") +
          ".",
      ),
      legend: { top: 0 },
      xAxis: countAxis,
      yAxis: { type: "category", inverse: true, data: people.map((p) => p.assignee) },
      series: [
        {
          name: "On time",
          type: "bar",
          stack: "tasks",
          data: people.map((p) => p.openTasks - p.overdueTasks),
          itemStyle: { color: BLUE },
          cursor: "pointer",
        },
        {
          name: "Overdue",
          type: "bar",
          stack: "tasks",
          data: people.map((p) => p.overdueTasks),
          itemStyle: { color: RED },
          cursor: "pointer",
        },
      ],
    },
    pick: (s, i) =>
      people[i] ? { kind: "assignee", assignee: people[i].assignee, overdue: s === 1 } : null,
  };
}
