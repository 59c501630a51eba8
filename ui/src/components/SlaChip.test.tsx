import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { SlaChip } from "./SlaChip";
import { describeSla, durationMs, humanDuration } from "./sla";

describe("SLA chip", () => {
  it("parses Java's ISO-8601 durations, negative ones included", () => {
    expect(durationMs("PT2H30M")).toBe(9_000_000);
    expect(durationMs("P3DT4H")).toBe((3 * 24 + 4) * 3_600_000);
    expect(durationMs("PT-5M")).toBe(-300_000);
    expect(durationMs("-PT1H")).toBe(-3_600_000);
    expect(durationMs("PT0.5S")).toBe(500);
    expect(Number.isNaN(durationMs("soon"))).toBe(true);
  });

  it("says durations in words", () => {
    expect(humanDuration(26 * 3_600_000)).toBe("1 day 2 hours");
    expect(humanDuration(-90 * 60_000)).toBe("1 hour 30 minutes");
    expect(humanDuration(30_000)).toBe("less than a minute");
  });

  it("shows a breach as red, with an icon and words", () => {
    render(
      <SlaChip
        sla={{
          dueAt: "2026-12-01T10:00:00Z",
          timeLeft: "PT-26H",
          state: "BREACHED",
          paused: false,
        }}
      />,
    );
    const chip = screen.getByText(/Overdue by 1 day 2 hours/);
    expect(chip).toBeInTheDocument();
    const label = chip.closest("[data-sla-state]")!;
    expect(label.getAttribute("data-sla-state")).toBe("BREACHED");
    expect(label.className).toMatch(/red/);
    expect(label.querySelector("svg")).not.toBeNull();
  });

  it("distinguishes at risk and on track, and greys out a paused clock", () => {
    expect(
      describeSla({
        dueAt: "2026-12-01T10:00:00Z",
        timeLeft: "PT3H",
        state: "AT_RISK",
        paused: false,
      }),
    ).toMatchObject({ color: "orange", label: "At risk: 3 hours left" });
    expect(
      describeSla({
        dueAt: "2026-12-01T10:00:00Z",
        timeLeft: "P5D",
        state: "ON_TRACK",
        paused: false,
      }),
    ).toMatchObject({ color: "green", label: "On track: 5 days left" });
    const paused = describeSla({
      dueAt: "2026-12-01T10:00:00Z",
      timeLeft: "P5D",
      state: "ON_TRACK",
      paused: true,
    })!;
    expect(paused.color).toBe("grey");
    expect(paused.detail).toMatch(/clock paused while waiting for the applicant/);
  });

  it("says when there is no target", () => {
    render(<SlaChip sla={null} />);
    expect(screen.getByText("No target")).toBeInTheDocument();
  });
});
