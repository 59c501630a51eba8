// What the SLA dashboard asks the server for, and the ECharts loader, kept out of the lazy
// DashboardPage chunk so that the app can start both the moment it knows a manager is landing
// on the dashboard (see warmUp in routes.tsx), in parallel with the page's own code.
import type { QueryClient } from "@tanstack/react-query";
import { staffApi } from "../../api/staff";
import { parseState, type Schema, type StateOf } from "../../components/urlState";

export const dashboardSchema = {
  organisation: { kind: "string" },
  destination: { kind: "string" },
  classification: { kind: "string" },
  weeks: { kind: "int", default: 12, min: 1, max: 52 },
} satisfies Schema;

/** The summary's query parameters for the dashboard's URL state (the query-cache key too). */
export function summaryQuery(state: StateOf<typeof dashboardSchema>) {
  return {
    organisation: state.organisation.trim(),
    destination: state.destination.trim().toUpperCase(),
    classification: state.classification.trim(),
    weeks: state.weeks,
  };
}

export function summaryOptions(query: ReturnType<typeof summaryQuery>) {
  return {
    queryKey: ["dashboard", query] as const,
    queryFn: () => staffApi.dashboard(query),
  };
}

let echarts: Promise<typeof import("./echartsSetup")> | null = null;
/** The ECharts modules the dashboard uses; loaded once, on first use. */
export const loadEcharts = () =>
  (echarts ??= import("./echartsSetup").catch((e: unknown) => {
    echarts = null; // the next chart tries again
    throw e;
  }));

/** Starts loading what the dashboard at this URL shows: its figures and the charting library. */
export function warmDashboard(client: QueryClient, search: string): void {
  const query = summaryQuery(parseState(new URLSearchParams(search), dashboardSchema));
  void client.prefetchQuery(summaryOptions(query));
  // a failure here shows up again, and is reported, when a chart asks for the library
  loadEcharts().catch(() => {});
}

/** The windows the dashboard and the heat map offer, in weeks. */
export const WEEKS_SHOWN = [4, 12, 26, 52].map((w) => ({
  value: String(w),
  label: `Last ${w} weeks`,
}));
