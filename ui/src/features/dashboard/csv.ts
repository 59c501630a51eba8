// Each chart exports its own part of the server's dashboard CSV (section,key,measure,value), so
// a chart's figures and its file always come from the same computation.

/** The header and the rows of the given sections; quoted fields are kept as they are. */
export function csvSections(csv: string, sections: readonly string[]): string {
  const lines = csv.split(/\r\n/).filter((line) => line !== "");
  const [header, ...rows] = lines;
  const kept = rows.filter((row) => sections.includes(row.slice(0, row.indexOf(","))));
  return [header, ...kept].join("\r\n") + "\r\n";
}
