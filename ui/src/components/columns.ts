// Which columns of a list are shown lives in the URL with its filters, sort and page
// (`cols=status,due`), so a shared link or a saved view shows the same table. No `cols` means the
// screen's default set: links and saved views made before columns could be chosen keep their
// meaning.

/** One column a user may show or hide. */
export type ColumnDef = {
  id: string;
  title: string;
  /** The column that names the row and links to it: always shown. */
  isKey?: boolean;
  /** Left out of the default set (shown only when chosen). */
  hiddenByDefault?: boolean;
};

/** The `cols` parameter in a screen's URL-state schema. */
export const colsField = { kind: "list" } as const;

export function defaultColumns(columns: readonly ColumnDef[]): string[] {
  return columns.filter((c) => c.isKey || !c.hiddenByDefault).map((c) => c.id);
}

/**
 * The ids of the shown columns, in the table's order, from the URL's `cols`: unknown ids are
 * ignored, the key column is always in; no known id at all means the default set.
 */
export function shownColumns(columns: readonly ColumnDef[], cols: readonly string[]): string[] {
  const asked = new Set(cols);
  const known = columns.filter((c) => asked.has(c.id));
  if (known.length === 0) return defaultColumns(columns);
  return columns.filter((c) => c.isKey || asked.has(c.id)).map((c) => c.id);
}

/** The `cols` to write for a choice: empty (left out of the URL) when it is the default set. */
export function colsFor(columns: readonly ColumnDef[], chosen: readonly string[]): string[] {
  const shown = shownColumns(columns, chosen.length === 0 ? defaultColumns(columns) : chosen);
  return shown.join(",") === defaultColumns(columns).join(",") ? [] : shown;
}

/** A test for one column id: is it shown under the URL's `cols`? */
export function columnTest(
  columns: readonly ColumnDef[],
  cols: readonly string[],
): (id: string) => boolean {
  const shown = new Set(shownColumns(columns, cols));
  return (id) => shown.has(id);
}
