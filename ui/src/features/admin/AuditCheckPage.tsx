import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Content, PageSection, Title } from "@patternfly/react-core";
import { staffApi, type AuditVerdict } from "../../api/staff";
import { ErrorState } from "../../components/States";
import { useKeycloakConsole } from "./keycloak";

/** The plain verdict of an audit-chain check. */
export function verdictText(v: AuditVerdict): { title: string; detail: string } {
  if (v.valid) {
    return {
      title: "The audit trail is intact",
      detail:
        `All ${v.eventsChecked} recorded events were checked against the hash chain; none was` +
        ` changed, removed or reordered.` +
        (v.unsealedEvents > 0
          ? ` ${v.unsealedEvents} events recorded during the check will be sealed in a moment.`
          : ""),
    };
  }
  return {
    title: "The audit trail has been tampered with",
    detail: v.firstBrokenLink
      ? `The chain breaks at event ${v.firstBrokenLink.position}: ${v.firstBrokenLink.reason}. Events from there on cannot be trusted; report this to your security officer.`
      : "The chain does not verify; report this to your security officer.",
  };
}

export default function AuditCheckPage() {
  const check = useMutation({ mutationFn: staffApi.verifyAudit });
  const keycloakConsole = useKeycloakConsole();
  const verdict = check.data ? verdictText(check.data) : null;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Audit trail check</Title>
        <Content component="p">
          Every change of every case is recorded and sealed into a SHA-256 hash chain. The check
          recomputes the chain and says whether anything was altered.
        </Content>
        <Button onClick={() => check.mutate()} isLoading={check.isPending}>
          {check.data ? "Check again" : "Check the audit trail"}
        </Button>
      </PageSection>
      <PageSection aria-live="polite">
        {check.isError && <ErrorState title="The check could not run" error={check.error} />}
        {verdict && (
          <Alert variant={check.data?.valid ? "success" : "danger"} isInline title={verdict.title}>
            {verdict.detail}
          </Alert>
        )}
      </PageSection>
      <PageSection>
        <Title headingLevel="h2">Users and roles</Title>
        <Content component="p">
          Users, passwords and roles are kept in Keycloak, not in Clearance.{" "}
          {keycloakConsole ? (
            <a href={keycloakConsole} target="_blank" rel="noreferrer">
              Open the Keycloak console (opens in a new tab)
            </a>
          ) : (
            "The console address is loading."
          )}
        </Content>
      </PageSection>
    </>
  );
}
