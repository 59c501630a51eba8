import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import type { LicenceStatus } from "../api";
import { licenceStatusText } from "./format";
import { LicenceStatusLabel } from "./StatusLabel";

describe("licence statuses in words", () => {
  it("say each status as case-api's notifications do, never its code", () => {
    const all: Record<LicenceStatus, string> = {
      ISSUED: "In force",
      SUSPENDED: "Suspended",
      REVOKED: "Revoked",
      EXHAUSTED: "Used up",
      EXPIRED: "Expired",
    };
    for (const [status, text] of Object.entries(all)) {
      expect(licenceStatusText(status)).toBe(text);
    }
  });

  it("put a status the UI does not know yet in words rather than show its code", () => {
    expect(licenceStatusText("UNDER_APPEAL")).toBe("Under appeal");
  });

  it("label a reinstated or issued licence as in force", () => {
    render(<LicenceStatusLabel status="ISSUED" />);
    expect(screen.getByText("In force")).toBeInTheDocument();
    expect(screen.queryByText(/issued/i)).not.toBeInTheDocument();
  });
});
