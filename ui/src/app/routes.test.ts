import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { warmUpLanding } from "./routes";
import { staffApi } from "../api/staff";
import {
  summaryOptions,
  summaryQuery,
  dashboardSchema,
} from "../features/dashboard/dashboardQuery";
import { parseState } from "../components/urlState";

vi.mock("../features/dashboard/echartsSetup", () => ({ init: vi.fn() }));

describe("warming up the landing screen", () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    window.history.replaceState(null, "", "/");
  });

  it("puts a manager's home in the address bar and fetches the dashboard's figures at once", async () => {
    const summary = { openCases: 3 };
    const dashboard = vi.spyOn(staffApi, "dashboard").mockResolvedValue(summary as never);
    window.history.replaceState(null, "", "/?weeks=4&destination=jp");

    warmUpLanding(client, ["manager"]);

    expect(window.location.pathname).toBe("/manage/dashboard");
    expect(window.location.search).toBe("?weeks=4&destination=jp");
    expect(dashboard).toHaveBeenCalledWith({
      organisation: "",
      destination: "JP",
      classification: "",
      weeks: 4,
    });
    // under the key the dashboard itself asks for at that address, so it does not ask again
    const key = summaryOptions(
      summaryQuery(parseState(new URLSearchParams(window.location.search), dashboardSchema)),
    ).queryKey;
    await vi.waitFor(() => expect(client.getQueryData(key)).toBe(summary));
  });

  it("fetches nothing for a screen the user may not open", () => {
    const dashboard = vi.spyOn(staffApi, "dashboard");
    window.history.replaceState(null, "", "/manage/dashboard");
    warmUpLanding(client, ["applicant"]);
    expect(dashboard).not.toHaveBeenCalled();
  });

  it("sends an applicant home to their applications", () => {
    const dashboard = vi.spyOn(staffApi, "dashboard");
    warmUpLanding(client, ["applicant"]);
    expect(window.location.pathname).toBe("/applications");
    expect(dashboard).not.toHaveBeenCalled();
  });
});
