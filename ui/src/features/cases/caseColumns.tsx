// The columns of a list of cases for staff (the case list behind the dashboard and the global
// search): one definition and one way of showing each, whichever of them the URL's cols keeps.
import { Td } from "@patternfly/react-table";
import type { CaseSummary } from "../../api";
import type { ColumnDef } from "../../components/columns";
import { SlaChip } from "../../components/SlaChip";
import { StatusLabel } from "../../components/StatusLabel";
import { formatDate } from "../../components/format";

export const CASE_COLUMNS: ColumnDef[] = [
  { id: "reference", title: "Reference", isKey: true },
  { id: "status", title: "Status" },
  { id: "organisation", title: "Organisation" },
  { id: "destinations", title: "Destinations" },
  { id: "goods", title: "Goods" },
  { id: "submitted", title: "Submitted" },
  { id: "due", title: "Decision due" },
];

/** A case's cells after its reference, for the columns shown. */
export function CaseCells({ c, show }: { c: CaseSummary; show: (id: string) => boolean }) {
  return (
    <>
      {show("status") && (
        <Td dataLabel="Status">
          <StatusLabel status={c.status} />
        </Td>
      )}
      {show("organisation") && <Td dataLabel="Organisation">{c.organisation}</Td>}
      {show("destinations") && <Td dataLabel="Destinations">{c.destinations.join(", ")}</Td>}
      {show("goods") && <Td dataLabel="Goods">{c.classifications.join(", ")}</Td>}
      {show("submitted") && <Td dataLabel="Submitted">{formatDate(c.submittedAt)}</Td>}
      {show("due") && <Td dataLabel="Decision due">{c.sla ? <SlaChip sla={c.sla} /> : "—"}</Td>}
    </>
  );
}
