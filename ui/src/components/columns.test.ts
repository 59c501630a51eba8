import { describe, expect, it } from "vitest";
import { colsFor, columnTest, defaultColumns, shownColumns, type ColumnDef } from "./columns";
import { parseState, toParams, type Schema } from "./urlState";
import { colsField } from "./columns";

const COLUMNS: ColumnDef[] = [
  { id: "reference", title: "Reference", isKey: true },
  { id: "status", title: "Status" },
  { id: "organisation", title: "Organisation" },
  { id: "due", title: "Decision due" },
  { id: "changed", title: "Last change", hiddenByDefault: true },
];

describe("columns in the URL", () => {
  it("shows the screen's default set when the URL has no cols", () => {
    expect(defaultColumns(COLUMNS)).toEqual(["reference", "status", "organisation", "due"]);
    expect(shownColumns(COLUMNS, [])).toEqual(["reference", "status", "organisation", "due"]);
  });

  it("shows the chosen columns in the table's order, whatever the URL's order", () => {
    expect(shownColumns(COLUMNS, ["changed", "reference", "status"])).toEqual([
      "reference",
      "status",
      "changed",
    ]);
  });

  it("ignores unknown ids, and an URL of only unknown ids means the default set", () => {
    expect(shownColumns(COLUMNS, ["status", "salary", "DROP TABLE"])).toEqual([
      "reference",
      "status",
    ]);
    expect(shownColumns(COLUMNS, ["salary"])).toEqual(defaultColumns(COLUMNS));
  });

  it("always shows the key column, even when the URL leaves it out", () => {
    expect(shownColumns(COLUMNS, ["due"])).toEqual(["reference", "due"]);
    const show = columnTest(COLUMNS, ["due"]);
    expect(show("reference")).toBe(true);
    expect(show("status")).toBe(false);
  });

  it("writes nothing for the default set, so old links and saved views keep their meaning", () => {
    expect(colsFor(COLUMNS, ["reference", "status", "organisation", "due"])).toEqual([]);
    expect(colsFor(COLUMNS, ["due", "organisation", "status"])).toEqual([]);
    expect(colsFor(COLUMNS, ["status", "changed"])).toEqual(["reference", "status", "changed"]);
    expect(colsFor(COLUMNS, ["reference"])).toEqual(["reference"]);
  });

  it("round-trips a choice through the URL state, beside the list's other parameters", () => {
    const schema = {
      sort: { kind: "string", default: "updatedAt,desc" },
      cols: colsField,
    } satisfies Schema;
    const params = toParams(
      { sort: "updatedAt,desc", cols: colsFor(COLUMNS, ["status"]) },
      schema,
      new URLSearchParams("stage=REVIEW"),
    );
    expect(params.toString()).toBe("stage=REVIEW&cols=reference%2Cstatus");
    expect(shownColumns(COLUMNS, parseState(params, schema).cols)).toEqual(["reference", "status"]);
    const reset = toParams({ sort: "updatedAt,desc", cols: colsFor(COLUMNS, []) }, schema);
    expect(reset.toString()).toBe("");
  });
});
