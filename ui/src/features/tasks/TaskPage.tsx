import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { api, ApiError, explain, type Task, type TaskDecision } from "../../api";
import { toFieldMap } from "../../api/problem";
import { useMe } from "../../app/me";
import { roleHolders } from "../../app/roles";
import { ErrorState, Loading } from "../../components/States";
import { SlaChip } from "../../components/SlaChip";
import { StatusLabel } from "../../components/StatusLabel";
import { formatDateTime, words } from "../../components/format";
import { CaseTabs, taskName } from "../cases/CaseWorkspace";
import {
  AdjudicationForm,
  ApprovalForm,
  LegalReviewForm,
  TechnicalAuditForm,
} from "./DecisionForms";

/** One task: who has it, its clock, its decision form, and the whole case below. */
export default function TaskPage() {
  const { id } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const task = useQuery({ queryKey: ["task", id], queryFn: () => api.tasks.get(id!) });
  const caseQuery = useQuery({
    queryKey: ["case", task.data?.caseId],
    queryFn: () => api.cases.get(task.data!.caseId),
    enabled: !!task.data,
  });

  // After any refusal, show the true state: the task and its case as they are now.
  const refresh = () => {
    client.invalidateQueries({ queryKey: ["task", id] });
    client.invalidateQueries({ queryKey: ["tasks"] });
    if (task.data) client.invalidateQueries({ queryKey: ["case", task.data.caseId] });
  };
  const refused = (e: unknown) => {
    const status = e instanceof ApiError ? e.status : 0;
    setProblem({
      title:
        status === 403
          ? "You may not take this decision"
          : status === 409
            ? "This task changed in the meantime"
            : status === 400
              ? "The decision is not complete"
              : "The decision was not recorded",
      text: explain(e),
    });
    if (e instanceof ApiError && e.status === 400) setErrors(toFieldMap(e.errors));
    else refresh();
  };
  const claim = useMutation({
    mutationFn: () => api.tasks.claim(id!),
    onSuccess: (t) => {
      setProblem(null);
      client.setQueryData(["task", id], t);
      client.invalidateQueries({ queryKey: ["tasks"] });
    },
    onError: refused,
  });
  const release = useMutation({
    mutationFn: () => api.tasks.unclaim(id!),
    onSuccess: (t) => {
      client.setQueryData(["task", id], t);
      client.invalidateQueries({ queryKey: ["tasks"] });
    },
    onError: refused,
  });
  const complete = useMutation({
    mutationFn: (d: TaskDecision) => api.tasks.complete(id!, d),
    onSuccess: (t) => {
      setProblem(null);
      setErrors({});
      client.setQueryData(["task", id], t);
      refresh();
    },
    onError: refused,
  });

  if (task.isPending) return <Loading what="the task" />;
  if (task.isError)
    return (
      <PageSection>
        <ErrorState
          title="This task could not be opened"
          error={task.error}
          onRetry={() => task.refetch()}
        />
      </PageSection>
    );
  const t = task.data;
  const mine = t.assignee === me.username;
  const open = t.status === "OPEN";

  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to="/inbox">Inbox</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>
            {taskName(t.type)} · {t.caseReference}
          </BreadcrumbItem>
        </Breadcrumb>
        <Flex
          justifyContent={{ default: "justifyContentSpaceBetween" }}
          alignItems={{ default: "alignItemsCenter" }}
        >
          <FlexItem>
            <Title headingLevel="h1">
              {taskName(t.type)} of {t.caseReference}{" "}
              {caseQuery.data && <StatusLabel status={caseQuery.data.status} />}
            </Title>
            <div>
              {open ? (
                <>
                  {t.assignee
                    ? `Assigned to ${t.assignee === me.username ? "you" : t.assignee}`
                    : `Unassigned, for ${roleHolders(t.candidateRole)}`}{" "}
                  · due {formatDateTime(t.dueAt)} <SlaChip sla={t.sla} />
                </>
              ) : (
                <>
                  {words(t.status)} {t.completedBy ? `by ${t.completedBy}` : ""} on{" "}
                  {formatDateTime(t.completedAt)}
                  {t.closeReason ? ` — ${t.closeReason}` : ""}
                </>
              )}
            </div>
          </FlexItem>
          {open && (
            <FlexItem>
              {!t.assignee && (
                <Button onClick={() => claim.mutate()} isLoading={claim.isPending}>
                  Take this task
                </Button>
              )}
              {mine && (
                <Button
                  variant="secondary"
                  onClick={() => release.mutate()}
                  isLoading={release.isPending}
                >
                  Release
                </Button>
              )}
            </FlexItem>
          )}
        </Flex>
        {problem && (
          <Alert
            variant="danger"
            isInline
            title={problem.title}
            className="pf-v6-u-mt-md"
            data-testid="task-problem"
          >
            {problem.text}
          </Alert>
        )}
        {!open && complete.isSuccess && (
          <Alert variant="success" isInline className="pf-v6-u-mt-md" title="Decision recorded">
            The case moves on. <Link to="/inbox">Back to your inbox</Link>
          </Alert>
        )}
      </PageSection>
      {open && (mine || !t.assignee) && (
        <PageSection>
          <Card>
            <CardTitle component="h2">Your decision</CardTitle>
            <CardBody>
              {!mine && (
                <Alert
                  variant="info"
                  isInline
                  isPlain
                  title="Take the task first, so no colleague works on it at the same time."
                  className="pf-v6-u-mb-md"
                />
              )}
              <DecisionForm
                task={t}
                errors={errors}
                busy={complete.isPending}
                onSubmit={(d) =>
                  mine
                    ? complete.mutate(d)
                    : setProblem({
                        title: "Take the task first",
                        text: "Press “Take this task”, then record your decision.",
                      })
                }
              />
            </CardBody>
          </Card>
        </PageSection>
      )}
      {open && t.assignee && !mine && (
        <PageSection>
          <Alert variant="info" isInline title={`${t.assignee} is working on this task`}>
            Only the assignee can record the decision. A manager can reassign it.
          </Alert>
        </PageSection>
      )}
      {caseQuery.data && <CaseTabs c={caseQuery.data} />}
    </>
  );
}

function DecisionForm(props: {
  task: Task;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (d: TaskDecision) => void;
}) {
  switch (props.task.type) {
    case "TECHNICAL_AUDIT":
      return <TechnicalAuditForm {...props} />;
    case "LEGAL_REVIEW":
      return <LegalReviewForm {...props} />;
    case "ADJUDICATE_MATCHES":
      return <AdjudicationForm {...props} />;
    case "APPROVAL":
    case "COUNTERSIGN":
      return <ApprovalForm {...props} />;
  }
}
