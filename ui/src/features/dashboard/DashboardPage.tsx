import { useMemo, type ReactNode } from "react";
import { FilterSelect } from "../../components/FilterSelect";
import { Link, useNavigate } from "react-router";
import { useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  ExpandableSection,
  Flex,
  FlexItem,
  FormGroup,
  Gallery,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { http } from "../../api/client";
import type { DashboardSummary } from "../../api/staff";
import { ErrorState, Loading } from "../../components/States";
import { roleHolders } from "../../app/roles";
import { formatCount, formatDateTime, words } from "../../components/format";
import { useUrlState } from "../../components/urlState";
import {
  ageingChart,
  ageingLabel,
  breachChart,
  openBreachText,
  cycleTimeChart,
  percent,
  stageChart,
  statusChart,
  throughputChart,
  workloadChart,
  type ChartModel,
  type ChartPick,
} from "./chartOptions";
import { csvSections } from "./csv";
import { drillDown } from "./drillDown";
import { Chart } from "./Chart";
import { dashboardSchema, summaryOptions, summaryQuery, WEEKS_SHOWN } from "./dashboardQuery";
import "./dashboard.css";

/** The manager's SLA dashboard: every chart leads to its cases and exports its CSV. */
export default function DashboardPage() {
  const [state, setState] = useUrlState(dashboardSchema);
  const navigate = useNavigate();
  const query = useMemo(() => summaryQuery(state), [state]);
  const summary = useQuery(summaryOptions(query));

  const filters = summary.data?.filters ?? null;
  const open = (pick: ChartPick) => navigate(urlFor(pick, filters));

  const exportCsv = async (sections: readonly string[] | null, name: string) => {
    const response = await http.raw("GET", "/api/dashboard/summary.csv", {
      query,
      accept: "text/csv",
    });
    const text = await response.text();
    const body = sections ? csvSections(text, sections) : text;
    const url = URL.createObjectURL(new Blob([body], { type: "text/csv" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `clearance-${name}-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <>
      <PageSection>
        <Flex justifyContent={{ default: "justifyContentSpaceBetween" }}>
          <FlexItem>
            <Title headingLevel="h1">SLA dashboard</Title>
            <Content component="p">
              Submitted cases only. Click a bar or point — or use the links under each chart — to
              open the cases behind it.
            </Content>
          </FlexItem>
          <FlexItem>
            <Flex>
              <Button variant="secondary" component={(p) => <Link {...p} to="/manage/heatmap" />}>
                Process heat map
              </Button>
              <Button variant="secondary" onClick={() => void exportCsv(null, "dashboard")}>
                Export all figures (CSV)
              </Button>
            </Flex>
          </FlexItem>
        </Flex>
        <Toolbar aria-label="Dashboard filters">
          <ToolbarContent>
            <ToolbarItem>
              <FormGroup label="Organisation" fieldId="dash-org">
                <TextInput
                  id="dash-org"
                  value={state.organisation}
                  onChange={(_e, v) => setState({ organisation: v }, { replace: true })}
                  placeholder="e.g. acme-ai"
                />
              </FormGroup>
            </ToolbarItem>
            <ToolbarItem>
              <FormGroup label="Destination (country code)" fieldId="dash-dest">
                <TextInput
                  id="dash-dest"
                  value={state.destination}
                  onChange={(_e, v) => setState({ destination: v }, { replace: true })}
                  placeholder="e.g. JP"
                />
              </FormGroup>
            </ToolbarItem>
            <ToolbarItem>
              <FormGroup label="Classification (ECCN)" fieldId="dash-eccn">
                <TextInput
                  id="dash-eccn"
                  value={state.classification}
                  onChange={(_e, v) => setState({ classification: v }, { replace: true })}
                  placeholder="e.g. 4E091"
                />
              </FormGroup>
            </ToolbarItem>
            <ToolbarItem>
              <FilterSelect
                label="Weeks shown"
                id="dash-weeks"
                value={String(state.weeks)}
                onChange={(v) => setState({ weeks: Number(v) })}
                options={WEEKS_SHOWN}
              />
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
      </PageSection>
      <PageSection>
        {summary.isPending ? (
          <Loading what="the dashboard" />
        ) : summary.isError ? (
          <ErrorState
            title="The dashboard could not be loaded"
            error={summary.error}
            onRetry={() => summary.refetch()}
          />
        ) : (
          <Figures summary={summary.data} onPick={open} onExport={exportCsv} />
        )}
      </PageSection>
    </>
  );
}

function urlFor(pick: ChartPick, filters: DashboardSummary["filters"] | null): string {
  switch (pick.kind) {
    case "status":
      return drillDown.status(filters, pick.status);
    case "stage":
      return drillDown.stage(filters, pick.stage);
    case "ageing":
      return drillDown.ageing(filters, pick.minDays, pick.maxDays);
    case "week":
      return drillDown.submittedInWeek(filters, pick.weekStart);
    case "breach":
      return pick.which === "open" ? drillDown.overdue(filters) : drillDown.decided(filters);
    case "assignee":
      return drillDown.assignee(filters, pick.assignee, pick.overdue);
  }
}

function Figures({
  summary,
  onPick,
  onExport,
}: {
  summary: DashboardSummary;
  onPick: (pick: ChartPick) => void;
  onExport: (sections: readonly string[], name: string) => Promise<void>;
}) {
  const f = summary.filters;
  const charts = useMemo(
    () => ({
      status: statusChart(summary),
      stage: stageChart(summary),
      ageing: ageingChart(summary),
      breach: breachChart(summary),
      cycle: cycleTimeChart(summary),
      throughput: throughputChart(summary),
      workload: workloadChart(summary),
    }),
    [summary],
  );
  const openBreach = summary.breaches.open;
  return (
    <>
      <Content component="p" className="clearance-muted">
        {formatCount(summary.openCases)} open {summary.openCases === 1 ? "case" : "cases"} ·{" "}
        {openBreachText(summary.openCases, openBreach)} · window{" "}
        {formatDateTime(summary.window.from)} – {formatDateTime(summary.window.to)} · figures of{" "}
        {formatDateTime(summary.generatedAt)}
      </Content>
      <Gallery hasGutter minWidths={{ default: "100%", lg: "calc(50% - 1rem)" }}>
        <ChartCard
          title="Cases per status"
          model={charts.status}
          onPick={onPick}
          onExport={() => onExport(["status"], "cases-per-status")}
          links={Object.entries(summary.casesByStatus).map(([s, n]) => (
            <Link key={s} to={drillDown.status(f, s)}>
              {words(s)} ({formatCount(n)})
            </Link>
          ))}
        />
        <ChartCard
          title="Cases per stage"
          model={charts.stage}
          onPick={onPick}
          onExport={() => onExport(["stage"], "cases-per-stage")}
          links={Object.entries(summary.casesByStage).map(([s, n]) => (
            <Link key={s} to={drillDown.stage(f, s)}>
              {words(s)} ({formatCount(n)})
            </Link>
          ))}
        />
        <ChartCard
          title="Open cases by age (days since submission)"
          model={charts.ageing}
          onPick={onPick}
          onExport={() => onExport(["ageing"], "ageing")}
          links={summary.ageing.map((b) => (
            <Link key={b.bucket} to={drillDown.ageing(f, b.minDays, b.maxDays)}>
              {ageingLabel(b.minDays, b.maxDays)} ({formatCount(b.cases)})
            </Link>
          ))}
        />
        <ChartCard
          title="Total SLA target: breach rate"
          model={charts.breach}
          onPick={onPick}
          onExport={() => onExport(["breach"], "breaches")}
          links={[
            <Link key="open" to={drillDown.overdue(f)}>
              Open cases past target or with an overdue task ({formatCount(openBreach.breached)}{" "}
              past target)
            </Link>,
            <Link key="decided" to={drillDown.decided(f)}>
              Decided cases ({formatCount(summary.breaches.decided.breached)} of{" "}
              {formatCount(summary.breaches.decided.cases)} decided late,{" "}
              {percent(summary.breaches.decided.rate)})
            </Link>,
          ]}
        />
        <ChartCard
          title="Cycle time per stage (days, median and p90)"
          model={charts.cycle}
          onPick={onPick}
          onExport={() => onExport(["cycle_time"], "cycle-times")}
          links={summary.cycleTimes.map((c) => (
            <Link key={c.stage} to={drillDown.stage(f, c.stage === "TOTAL" ? "CLOSED" : c.stage)}>
              {words(c.stage)}: {formatCount(c.cases)} cases finished it
            </Link>
          ))}
        />
        <ChartCard
          title="Throughput per week"
          model={charts.throughput}
          onPick={onPick}
          onExport={() => onExport(["throughput"], "throughput")}
          links={summary.throughput.map((w) => (
            <Link key={w.week} to={drillDown.submittedInWeek(f, w.weekStart)}>
              {w.week}: {formatCount(w.submitted)} submitted, {formatCount(w.decided)} decided
            </Link>
          ))}
        />
        <ChartCard
          title="Workload per reviewer (open tasks)"
          model={charts.workload}
          onPick={onPick}
          onExport={() => onExport(["workload_assignee", "workload_role"], "workload")}
          empty={
            summary.workload.byAssignee.length === 0
              ? "No reviewer has an open task claimed."
              : undefined
          }
          links={summary.workload.byAssignee.flatMap((p) => [
            <Link key={p.assignee} to={drillDown.assignee(f, p.assignee)}>
              {p.assignee}: {formatCount(p.openTasks)} open
            </Link>,
            <Link key={`${p.assignee}-late`} to={drillDown.assignee(f, p.assignee, true)}>
              {p.assignee}: {formatCount(p.overdueTasks)} overdue
            </Link>,
          ])}
          footer={
            <Content component="small">
              Unclaimed:{" "}
              {summary.workload.byCandidateRole
                .map((r) => `${formatCount(r.unassignedTasks)} for ${roleHolders(r.candidateRole)}`)
                .join(" · ") || "none"}
            </Content>
          }
        />
      </Gallery>
    </>
  );
}

function ChartCard({
  title,
  model,
  onPick,
  onExport,
  links,
  empty,
  footer,
}: {
  title: string;
  model: ChartModel;
  onPick: (pick: ChartPick) => void;
  onExport: () => Promise<void>;
  links: ReactNode[];
  empty?: string;
  footer?: ReactNode;
}) {
  return (
    <Card isCompact>
      <CardHeader
        actions={{
          actions: (
            <Button variant="link" isInline onClick={() => void onExport()}>
              Export CSV<span className="pf-v6-screen-reader"> of {title}</span>
            </Button>
          ),
          hasNoOffset: true,
        }}
      >
        <CardTitle component="h2">{title}</CardTitle>
      </CardHeader>
      <CardBody>
        {empty ? (
          <Content component="p">{empty}</Content>
        ) : (
          <Chart model={model} label={title} onPick={onPick} />
        )}
        {footer}
        <ExpandableSection toggleText={`Cases behind “${title}”`}>
          <ul className="clearance-drill-links">
            {links.map((link, i) => (
              <li key={i}>{link}</li>
            ))}
          </ul>
        </ExpandableSection>
      </CardBody>
    </Card>
  );
}
