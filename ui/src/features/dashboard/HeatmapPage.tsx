import { lazy, Suspense, useMemo } from "react";
import { FilterSelect } from "../../components/FilterSelect";
import { Link, useNavigate } from "react-router";
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  CardBody,
  Content,
  Flex,
  FlexItem,
  Label,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { staffApi, type HeatmapElement } from "../../api/staff";
import { ErrorState, Loading } from "../../components/States";
import { formatCount, formatDateTime } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";
import { drillDown } from "./drillDown";
import { formatHours, heatScale } from "./heatmapColour";
import { WEEKS_SHOWN } from "./dashboardQuery";

const BpmnHeatmap = lazy(() => import("./BpmnHeatmap"));

const schema = {
  organisation: { kind: "string" },
  destination: { kind: "string" },
  classification: { kind: "string" },
  weeks: { kind: "int", default: 12, min: 1, max: 52 },
} satisfies Schema;

const KIND_WORDS: Record<HeatmapElement["kind"], string> = {
  USER_TASK: "Task",
  AWAITING_ANSWER: "Waiting for the applicant",
  SCREENING: "Automatic screening",
  END: "Ended here",
};

/** Where the cases are in the process now, and where they spend their time. */
export default function HeatmapPage() {
  const [state, setState] = useUrlState(schema);
  const navigate = useNavigate();
  const query = useMemo(
    () => ({
      organisation: state.organisation.trim(),
      destination: state.destination.trim().toUpperCase(),
      classification: state.classification.trim(),
      weeks: state.weeks,
    }),
    [state],
  );
  const heatmap = useQuery({
    queryKey: ["heatmap", query],
    queryFn: () => staffApi.heatmap(query),
  });
  const xml = useQuery({
    queryKey: ["process-xml"],
    queryFn: staffApi.processXml,
    staleTime: Infinity,
  });
  const filters = heatmap.data?.filters ?? null;
  const open = (elementId: string, overdue = false) =>
    navigate(drillDown.element(filters, elementId, overdue));
  const colour = useMemo(() => heatScale(heatmap.data?.elements ?? []), [heatmap.data]);

  return (
    <>
      <PageSection>
        <Flex justifyContent={{ default: "justifyContentSpaceBetween" }}>
          <FlexItem>
            <Title headingLevel="h1">Process heat map</Title>
            <Content component="p">
              The export-licence process as deployed. Each badge counts the cases waiting at that
              step now (and how many of them are late); the colour shows how long cases took there
              (p90, last {state.weeks} weeks): green quick, amber moderate, red slow, grey not
              measured. Click a badge or a step to open its cases.
            </Content>
          </FlexItem>
          <FlexItem>
            <Flex>
              <FilterSelect
                label="Time spent over"
                id="heat-weeks"
                value={String(state.weeks)}
                onChange={(v) => setState({ weeks: Number(v) })}
                options={WEEKS_SHOWN}
              />
              <Button variant="secondary" component={(p) => <Link {...p} to="/manage/dashboard" />}>
                SLA dashboard
              </Button>
            </Flex>
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection>
        {heatmap.isPending || xml.isPending ? (
          <Loading what="the process heat map" />
        ) : heatmap.isError || xml.isError ? (
          <ErrorState
            title="The heat map could not be loaded"
            error={heatmap.error ?? xml.error}
            onRetry={() => {
              void heatmap.refetch();
              void xml.refetch();
            }}
          />
        ) : (
          <>
            <Card>
              <CardBody>
                <Suspense fallback={<Loading what="the diagram" />}>
                  <BpmnHeatmap
                    xml={xml.data}
                    elements={heatmap.data.elements}
                    onOpen={(id) => open(id)}
                  />
                </Suspense>
                <Content component="small">
                  Figures of {formatDateTime(heatmap.data.generatedAt)}. Drag to pan, scroll to
                  zoom.
                </Content>
              </CardBody>
            </Card>
            <Title headingLevel="h2" className="pf-v6-u-mt-lg">
              The same figures as a table
            </Title>
            <Table aria-label="Cases per process step" variant="compact">
              <Thead>
                <Tr>
                  <Th>Step</Th>
                  <Th>Kind</Th>
                  <Th modifier="wrap">Cases now</Th>
                  <Th modifier="wrap">Late now</Th>
                  <Th modifier="wrap">Passed (window)</Th>
                  <Th modifier="wrap">Median time</Th>
                  <Th modifier="wrap">p90 time</Th>
                </Tr>
              </Thead>
              <Tbody>
                {heatmap.data.elements.map((e) => {
                  const heat = colour(e.p90Hours);
                  return (
                    <Tr key={e.elementId}>
                      <Td dataLabel="Step">{e.name ?? e.elementId}</Td>
                      <Td dataLabel="Kind">{KIND_WORDS[e.kind]}</Td>
                      <Td dataLabel="Cases now">
                        <Link to={drillDown.element(filters, e.elementId)}>
                          {formatCount(e.casesNow)}
                        </Link>
                      </Td>
                      <Td dataLabel="Late now">
                        {e.kind === "END" ? (
                          "—"
                        ) : (
                          <Link to={drillDown.element(filters, e.elementId, true)}>
                            {formatCount(e.overdueNow)}
                          </Link>
                        )}
                      </Td>
                      <Td dataLabel="Passed (window)">
                        {e.passedInWindow === null ? "—" : formatCount(e.passedInWindow)}
                      </Td>
                      <Td dataLabel="Median time">{formatHours(e.p50Hours)}</Td>
                      <Td dataLabel="p90 time">
                        {formatHours(e.p90Hours)}{" "}
                        {heat.level !== null && (
                          <Label
                            isCompact
                            color={
                              heat.label === "quick"
                                ? "green"
                                : heat.label === "moderate"
                                  ? "orange"
                                  : "red"
                            }
                          >
                            {heat.label}
                          </Label>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          </>
        )}
      </PageSection>
    </>
  );
}
