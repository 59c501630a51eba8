// A technical audit's findings as a reader of the case's reviews sees them: severity as a
// coloured label with its name (colour is never the only cue), then what was found.
import { Label } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { AuditFinding } from "../../api";
import { severityColor, severityLabel } from "./auditFindings";

export function SeverityLabel({ severity }: { severity: string }) {
  return (
    <Label color={severityColor(severity)} isCompact>
      {severityLabel(severity)}
    </Label>
  );
}

export function FindingsTable({ findings }: { findings: AuditFinding[] }) {
  if (findings.length === 0) return <div className="pf-v6-u-font-size-sm">No findings</div>;
  return (
    <Table aria-label="Findings of the technical audit" variant="compact" borders={false}>
      <Thead>
        <Tr>
          <Th width={15}>Severity</Th>
          <Th>Finding</Th>
        </Tr>
      </Thead>
      <Tbody>
        {findings.map((f, i) => (
          <Tr key={i}>
            <Td dataLabel="Severity">
              <SeverityLabel severity={f.severity} />
            </Td>
            <Td dataLabel="Finding">{f.text}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
