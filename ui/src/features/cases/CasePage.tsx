import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Flex,
  FlexItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { api, explain } from "../../api";
import { isIdle } from "../../app/auth";
import { useMe } from "../../app/me";
import { ErrorState, Loading } from "../../components/States";
import { SlaChip } from "../../components/SlaChip";
import { StatusLabel, STAGE_TEXT } from "../../components/StatusLabel";
import { TextAreaField } from "../../components/fields";
import { CaseTabs } from "./CaseWorkspace";

const TERMINAL = [
  "APPROVED",
  "DENIED",
  "RETURNED_WITHOUT_ACTION",
  "WITHDRAWN",
  "NO_LICENCE_REQUIRED",
];

export default function CasePage() {
  const { id } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const query = useQuery({
    queryKey: ["case", id],
    queryFn: () => api.cases.get(id!),
    // While the process is working on the case (screening, issuing), look again soon.
    refetchInterval: (q) =>
      isIdle()
        ? false
        : q.state.data && ["SUBMITTED", "SCREENING"].includes(q.state.data.status)
          ? 2000
          : 15000,
  });
  const withdraw = useMutation({
    mutationFn: () => api.cases.withdraw(id!, reason),
    onSuccess: (c) => {
      client.setQueryData(["case", id], c);
      client.invalidateQueries({ queryKey: ["cases"] });
      setWithdrawing(false);
    },
    onError: () => client.invalidateQueries({ queryKey: ["case", id] }),
  });
  const copy = useMutation({
    mutationFn: () => api.cases.copy(id!),
    onSuccess: (c) => navigate(`/applications/${c.id}/edit`),
  });

  if (query.isPending) return <Loading what="the case" />;
  if (query.isError)
    return (
      <PageSection>
        <ErrorState
          title="This case could not be opened"
          detail={
            query.error && (query.error as { status?: number }).status === 404
              ? "There is no such case, or it is not visible to you. Cases of other organisations, and drafts, are only visible to their applicants."
              : undefined
          }
          error={query.error}
          onRetry={() => query.refetch()}
        />
      </PageSection>
    );
  const c = query.data;
  const applicant = me.roles.includes("applicant") && me.organisation === c.organisation;

  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem>
            {applicant ? (
              <Link to="/applications">My applications</Link>
            ) : (
              <Link to="/inbox">Inbox</Link>
            )}
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{c.reference}</BreadcrumbItem>
        </Breadcrumb>
        <Flex
          justifyContent={{ default: "justifyContentSpaceBetween" }}
          alignItems={{ default: "alignItemsCenter" }}
        >
          <FlexItem>
            <Title headingLevel="h1">
              {c.reference} <StatusLabel status={c.status} />
            </Title>
            <div>
              {c.organisation} · stage: {STAGE_TEXT[c.stage]}
              {c.process?.sla && (
                <>
                  {" "}
                  · decision due: <SlaChip sla={c.process.sla} />
                </>
              )}
            </div>
          </FlexItem>
          {applicant && (
            <FlexItem>
              <Flex gap={{ default: "gapSm" }}>
                {c.status === "DRAFT" && (
                  <Button onClick={() => navigate(`/applications/${c.id}/edit`)}>
                    Continue the application
                  </Button>
                )}
                <Button
                  variant="secondary"
                  onClick={() => copy.mutate()}
                  isDisabled={copy.isPending}
                >
                  Copy as new draft
                </Button>
                {!TERMINAL.includes(c.status) && (
                  <Button variant="danger" onClick={() => setWithdrawing(true)}>
                    Withdraw
                  </Button>
                )}
              </Flex>
            </FlexItem>
          )}
        </Flex>
        {params.get("submitted") && c.status !== "DRAFT" && (
          <Alert
            variant="success"
            isInline
            className="pf-v6-u-mt-md"
            title={`Application ${c.reference} submitted`}
          >
            It is being screened now; reviewers pick it up next. You will get a notification when
            someone needs something from you or the decision is made.
          </Alert>
        )}
        {c.status === "AWAITING_APPLICANT" && applicant && (
          <Alert
            variant="warning"
            isInline
            className="pf-v6-u-mt-md"
            title="A reviewer needs information from you"
          >
            Answer the question below. The review clock stands still until you do.
          </Alert>
        )}
        {copy.isError && <Alert variant="danger" isInline title={explain(copy.error)} />}
        {withdraw.isError && !withdrawing && (
          <Alert variant="danger" isInline title={explain(withdraw.error)} />
        )}
      </PageSection>
      <CaseTabs c={c} />
      {withdrawing && (
        <Modal
          isOpen
          variant="small"
          onClose={() => setWithdrawing(false)}
          aria-labelledby="withdraw-title"
        >
          <ModalHeader
            title={`Withdraw ${c.reference}?`}
            labelId="withdraw-title"
            titleIconVariant="warning"
          />
          <ModalBody>
            <p>
              The review stops and the application is closed for good. You can copy it later as a
              new draft, but this case cannot be reopened.
            </p>
            <TextAreaField
              label="Reason (optional)"
              name="reason"
              value={reason}
              onChange={setReason}
              rows={3}
            />
            {withdraw.isError && (
              <Alert variant="danger" isInline title={explain(withdraw.error)} />
            )}
          </ModalBody>
          <ModalFooter>
            <Button
              variant="danger"
              onClick={() => withdraw.mutate()}
              isLoading={withdraw.isPending}
            >
              Withdraw the application
            </Button>
            <Button variant="link" onClick={() => setWithdrawing(false)}>
              Keep it
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
}
