import type { SlaClock } from "../api";

/** Parses an ISO-8601 duration as Java writes it (PT-3H20M, P2DT4H, -PT5M) into milliseconds. */
export function durationMs(iso: string): number {
  const m = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return NaN;
  const sign = m[1] ? -1 : 1;
  const [d, h, min, s] = [m[2], m[3], m[4], m[5]].map((x) => (x ? Number(x) : 0));
  return sign * (((d * 24 + h) * 60 + min) * 60 + s) * 1000;
}

/** "3 days 4 hours", "2 hours 5 minutes", "12 minutes", "less than a minute". */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  if (days > 0)
    return hours % 24
      ? `${plural(days, "day")} ${plural(hours % 24, "hour")}`
      : plural(days, "day");
  if (hours > 0)
    return minutes % 60
      ? `${plural(hours, "hour")} ${plural(minutes % 60, "minute")}`
      : plural(hours, "hour");
  if (minutes > 0) return plural(minutes, "minute");
  return "less than a minute";
}

export interface SlaText {
  state: SlaClock["state"];
  label: string;
  detail: string;
  color: "green" | "orange" | "red" | "grey";
}

/** What an SLA clock means in words: the chip's label, its longer description and colour. */
export function describeSla(sla: SlaClock | null | undefined): SlaText | null {
  if (!sla) return null;
  const left = durationMs(sla.timeLeft);
  const due = new Date(sla.dueAt).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const paused = sla.paused ? " — clock paused while waiting for the applicant" : "";
  switch (sla.state) {
    case "BREACHED":
      return {
        state: sla.state,
        label: `Overdue by ${humanDuration(left)}`,
        detail: `Target was ${due}${paused}`,
        color: sla.paused ? "grey" : "red",
      };
    case "AT_RISK":
      return {
        state: sla.state,
        label: `At risk: ${humanDuration(left)} left`,
        detail: `Due ${due}${paused}`,
        color: sla.paused ? "grey" : "orange",
      };
    default:
      return {
        state: sla.state,
        label: `On track: ${humanDuration(left)} left`,
        detail: `Due ${due}${paused}`,
        color: sla.paused ? "grey" : "green",
      };
  }
}
