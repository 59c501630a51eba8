import { useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { ApiError, api } from "../../api";
import { staffApi } from "../../api/staff";
import { ErrorState, Loading } from "../../components/States";
import { LicenceStatusLabel, StatusLabel } from "../../components/StatusLabel";
import { formatDate, licenceStatusText, words } from "../../components/format";
import { ConfirmAction } from "./ConfirmAction";

type Action = "high-risk" | "suspend" | "reinstate" | "revoke";

const TERMINAL = [
  "APPROVED",
  "DENIED",
  "RETURNED_WITHOUT_ACTION",
  "WITHDRAWN",
  "NO_LICENCE_REQUIRED",
];

/** What a manager may do to one case: flag it high-risk, and act on its licence. */
export default function ManageCasePage() {
  const { id = "" } = useParams();
  const client = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const kase = useQuery({ queryKey: ["case", id], queryFn: () => api.cases.get(id) });
  const licence = useQuery({
    queryKey: ["case", id, "licence"],
    queryFn: () =>
      api.cases.licence(id).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["case", id] });
  };

  if (kase.isPending) return <Loading what="the case" />;
  if (kase.isError) {
    return (
      <ErrorState
        title="The case could not be loaded"
        error={kase.error}
        onRetry={() => kase.refetch()}
      />
    );
  }
  const c = kase.data;
  const closed = TERMINAL.includes(c.status);
  const lic = licence.data ?? null;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Manage {c.reference}</Title>
        <Content component="p">
          {c.organisation} · <StatusLabel status={c.status} /> ·{" "}
          <Link to={`/cases/${c.id}`}>Open the case workspace</Link>
        </Content>
        {notice && <Alert variant="info" isInline title={notice} />}
      </PageSection>
      <PageSection>
        <Flex direction={{ default: "column" }} gap={{ default: "gapLg" }}>
          <Card>
            <CardTitle component="h2">High risk</CardTitle>
            <CardBody>
              {c.process?.highRisk ? (
                <Content component="p">
                  Flagged high-risk: {c.process.highRiskReason ?? "no reason recorded"}. Its
                  approval needs a manager's countersignature.
                </Content>
              ) : closed ? (
                <Content component="p">The case is decided; it can no longer be flagged.</Content>
              ) : (
                <>
                  <Content component="p">
                    Not flagged. Flagging sends the approval on to a manager's countersignature.
                  </Content>
                  <Button variant="warning" onClick={() => setAction("high-risk")}>
                    Flag as high risk
                  </Button>
                </>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardTitle component="h2">Licence</CardTitle>
            <CardBody>
              {licence.isPending ? (
                <Loading what="the licence" />
              ) : licence.isError ? (
                <ErrorState title="The licence could not be loaded" error={licence.error} />
              ) : !lic ? (
                <Content component="p">No licence has been issued for this case.</Content>
              ) : (
                <>
                  <DescriptionList isHorizontal isCompact>
                    <DescriptionListGroup>
                      <DescriptionListTerm>Number</DescriptionListTerm>
                      <DescriptionListDescription>{lic.number}</DescriptionListDescription>
                    </DescriptionListGroup>
                    <DescriptionListGroup>
                      <DescriptionListTerm>Status</DescriptionListTerm>
                      <DescriptionListDescription>
                        <LicenceStatusLabel status={lic.status} />
                        {lic.statusReason ? ` — ${lic.statusReason}` : ""}
                        {lic.statusChangedAt ? ` (since ${formatDate(lic.statusChangedAt)})` : ""}
                      </DescriptionListDescription>
                    </DescriptionListGroup>
                  </DescriptionList>
                  <Flex className="pf-v6-u-mt-md">
                    {lic.status === "ISSUED" && (
                      <Button variant="warning" onClick={() => setAction("suspend")}>
                        Suspend licence
                      </Button>
                    )}
                    {lic.status === "SUSPENDED" && (
                      <Button variant="primary" onClick={() => setAction("reinstate")}>
                        Reinstate licence
                      </Button>
                    )}
                    {(lic.status === "ISSUED" || lic.status === "SUSPENDED") && (
                      <Button variant="danger" onClick={() => setAction("revoke")}>
                        Revoke licence
                      </Button>
                    )}
                    {!["ISSUED", "SUSPENDED"].includes(lic.status) && (
                      <Content component="p">
                        This licence is {licenceStatusText(lic.status).toLowerCase()} and can no
                        longer be changed.
                      </Content>
                    )}
                  </Flex>
                </>
              )}
            </CardBody>
          </Card>
        </Flex>
      </PageSection>
      {action === "high-risk" && (
        <ConfirmAction
          title={`Flag ${c.reference} as high risk?`}
          description="The approval will then need a manager's countersignature. This cannot be undone here."
          confirmLabel="Flag as high risk"
          reasonLabel="Why"
          reasonRequired
          danger
          run={(reason) => staffApi.flagHighRisk(c.id, reason)}
          onDone={(result) => {
            refresh();
            if (result) {
              setAction(null);
              setNotice(`${c.reference} is flagged high-risk.`);
            }
          }}
          onClose={() => setAction(null)}
        />
      )}
      {lic && (action === "suspend" || action === "reinstate" || action === "revoke") && (
        <ConfirmAction
          title={`${words(action)} licence ${lic.number}?`}
          description={
            action === "revoke"
              ? "A revoked licence can never be used again; the holder is notified."
              : action === "suspend"
                ? "The holder may not export under it until it is reinstated; they are notified."
                : "The licence becomes usable again; the holder is notified."
          }
          confirmLabel={`${words(action)} licence`}
          reasonLabel={action === "reinstate" ? "Reason (optional)" : "Reason"}
          reasonRequired={action !== "reinstate"}
          danger={action !== "reinstate"}
          run={(reason) => staffApi.licenceAction(lic.number, action, reason)}
          onDone={(result) => {
            refresh();
            if (result) {
              setAction(null);
              setNotice(
                `Licence ${lic.number} is now ${licenceStatusText(result.status).toLowerCase()}.`,
              );
            }
          }}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
