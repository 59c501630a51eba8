import { describe, expect, it } from "vitest";
import { parseState, toParams, type Schema } from "./urlState";

const schema = {
  view: { kind: "string", default: "mine" },
  type: { kind: "list" },
  overdue: { kind: "bool" },
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
} satisfies Schema;

describe("URL state of lists", () => {
  it("reads defaults from an empty URL", () => {
    expect(parseState(new URLSearchParams(), schema)).toEqual({
      view: "mine",
      type: [],
      overdue: false,
      page: 0,
      size: 20,
    });
  });

  it("reads repeated and comma-separated lists, booleans and clamped numbers", () => {
    const state = parseState(
      new URLSearchParams(
        "type=APPROVAL,COUNTERSIGN&type=LEGAL_REVIEW&overdue=true&page=-3&size=500",
      ),
      schema,
    );
    expect(state.type).toEqual(["APPROVAL", "COUNTERSIGN", "LEGAL_REVIEW"]);
    expect(state.overdue).toBe(true);
    expect(state.page).toBe(0);
    expect(state.size).toBe(100);
  });

  it("ignores a number that is not one", () => {
    expect(parseState(new URLSearchParams("page=abc"), schema).page).toBe(0);
  });

  it("writes only what differs from the defaults, and keeps foreign parameters", () => {
    const params = toParams(
      { view: "mine", type: ["APPROVAL"], overdue: true, page: 2, size: 20 },
      schema,
      new URLSearchParams("tab=documents&view=unassigned"),
    );
    expect(params.toString()).toBe("tab=documents&type=APPROVAL&overdue=true&page=2");
  });

  it("round-trips a state through the URL", () => {
    const state = {
      view: "completed",
      type: ["TECHNICAL_AUDIT"],
      overdue: false,
      page: 4,
      size: 50,
    };
    expect(parseState(toParams(state, schema), schema)).toEqual(state);
  });
});
