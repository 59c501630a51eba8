// Pieces of the case page shared by applicants and staff: the application as submitted,
// documents with previews, the timeline, requests for information, the decision and licence.
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  Label,
  Modal,
  ModalBody,
  ModalHeader,
  Stack,
  StackItem,
  Content,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import DownloadIcon from "@patternfly/react-icons/dist/esm/icons/download-icon";
import {
  api,
  ApiError,
  download,
  explain,
  objectUrl,
  type CaseDetail,
  type DocumentInfo,
  type Rfi,
} from "../../api";
import { ErrorState, Loading, Empty } from "../../components/States";
import { LicenceStatusLabel } from "../../components/StatusLabel";
import { formatBytes, formatDate, formatDateTime, words } from "../../components/format";
import { TextAreaField } from "../../components/fields";
import { DocumentUpload } from "../../components/DocumentUpload";
import { describeEvent, actorName } from "./auditWords";
import { PARTY_ROLES } from "./sections";

export function ApplicationView({ c }: { c: CaseDetail }) {
  const row = (term: string, value: React.ReactNode) => (
    <DescriptionListGroup key={term}>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{value || "—"}</DescriptionListDescription>
    </DescriptionListGroup>
  );
  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardTitle component="h2">Applicant</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal isCompact>
              {row("Organisation", c.organisation)}
              {row(
                "Contact",
                `${c.contact?.name ?? "—"} · ${c.contact?.email ?? "—"}${c.contact?.phone ? ` · ${c.contact.phone}` : ""}`,
              )}
              {row("Submitted", formatDateTime(c.submittedAt))}
            </DescriptionList>
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle component="h2">Goods, software and AI models</CardTitle>
          <CardBody>
            <Table aria-label="Items" variant="compact">
              <Thead>
                <Tr>
                  <Th>Kind</Th>
                  <Th>Description</Th>
                  <Th>ECCN</Th>
                  <Th>Quantity</Th>
                  <Th>Unit value</Th>
                  <Th>AI model</Th>
                </Tr>
              </Thead>
              <Tbody>
                {c.items.map((it, i) => (
                  <Tr key={i}>
                    <Td dataLabel="Kind">{words(it.kind)}</Td>
                    <Td dataLabel="Description">{it.description}</Td>
                    <Td dataLabel="ECCN">{it.eccn}</Td>
                    <Td dataLabel="Quantity">
                      {it.quantity} {it.unit}
                    </Td>
                    <Td dataLabel="Unit value">
                      {it.unitValue} {it.currency}
                    </Td>
                    <Td dataLabel="AI model">
                      {it.aiModel
                        ? `${Number(it.aiModel.parameterCount ?? 0).toLocaleString("en-GB")} parameters; ${it.aiModel.trainingComputeOperations} operations; ${words(it.aiModel.weights)} weights; ${it.aiModel.hostingControls ?? ""}`
                        : "—"}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle component="h2">Destinations and end use</CardTitle>
          <CardBody>
            <DescriptionList isHorizontal isCompact>
              {row("Destinations", c.destinations.join(", "))}
              {row("End use", c.endUseStatement)}
            </DescriptionList>
          </CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
}

export function PartiesTable({ c }: { c: CaseDetail }) {
  return (
    <Table aria-label="Parties" variant="compact">
      <Thead>
        <Tr>
          <Th>Role</Th>
          <Th>Name</Th>
          <Th>Address</Th>
          <Th>Country</Th>
        </Tr>
      </Thead>
      <Tbody>
        {c.parties.map((p, i) => (
          <Tr key={i}>
            <Td dataLabel="Role">
              {PARTY_ROLES.find((r) => r.value === p.role)?.label.split(" —")[0] ?? p.role}
            </Td>
            <Td dataLabel="Name">{p.name}</Td>
            <Td dataLabel="Address">{p.address}</Td>
            <Td dataLabel="Country">{p.country}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Preview({ doc, onClose }: { doc: DocumentInfo; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let revoked: string | null = null;
    objectUrl(doc.href)
      .then((u) => {
        revoked = u;
        setUrl(u);
      })
      .catch(setError);
    return () => {
      if (revoked) URL.revokeObjectURL(revoked);
    };
  }, [doc.href]);
  return (
    <Modal isOpen onClose={onClose} variant="large" aria-labelledby="preview-title">
      <ModalHeader title={doc.filename} labelId="preview-title" />
      <ModalBody>
        {error ? (
          <ErrorState title="The document could not be opened" error={error} />
        ) : !url ? (
          <Loading what={doc.filename} />
        ) : doc.contentType.startsWith("image/") ? (
          <img src={url} alt={doc.filename} className="clearance-preview-image" />
        ) : (
          <iframe src={url} title={doc.filename} className="clearance-preview" />
        )}
      </ModalBody>
    </Modal>
  );
}

export function DocumentsTable({ documents }: { documents: DocumentInfo[] }) {
  const [preview, setPreview] = useState<DocumentInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (documents.length === 0)
    return <Empty title="No documents" detail="The applicant has not attached any document." />;
  const previewable = (d: DocumentInfo) =>
    d.contentType === "application/pdf" ||
    d.contentType.startsWith("image/") ||
    d.contentType === "text/plain";
  return (
    <>
      {error ? <Alert variant="danger" isInline title={explain(error)} /> : null}
      <Table aria-label="Documents" variant="compact">
        <Thead>
          <Tr>
            <Th>File</Th>
            <Th>Type</Th>
            <Th>Size</Th>
            <Th>Uploaded</Th>
            <Th>SHA-256</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {documents.map((d) => (
            <Tr key={d.id}>
              <Td dataLabel="File">{d.filename}</Td>
              <Td dataLabel="Type">{d.contentType}</Td>
              <Td dataLabel="Size">{formatBytes(d.size)}</Td>
              <Td dataLabel="Uploaded">
                {formatDateTime(d.uploadedAt)} by {d.uploadedBy}
              </Td>
              <Td dataLabel="SHA-256">
                <code title={d.sha256}>{d.sha256.slice(0, 12)}…</code>
              </Td>
              <Td dataLabel="Actions" isActionCell>
                {previewable(d) && (
                  <Button
                    variant="link"
                    onClick={() => setPreview(d)}
                    aria-label={`Preview ${d.filename}`}
                  >
                    Preview
                  </Button>
                )}
                <Button
                  variant="link"
                  icon={<DownloadIcon />}
                  onClick={() => download(d.href, d.filename).catch(setError)}
                  aria-label={`Download ${d.filename}`}
                >
                  Download
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {preview && <Preview doc={preview} onClose={() => setPreview(null)} />}
    </>
  );
}

export function Timeline({ caseId }: { caseId: string }) {
  const audit = useQuery({
    queryKey: ["case", caseId, "audit"],
    queryFn: () => api.cases.audit(caseId),
  });
  if (audit.isPending) return <Loading what="the history" />;
  if (audit.isError)
    return (
      <ErrorState
        title="The history could not be loaded"
        error={audit.error}
        onRetry={() => audit.refetch()}
      />
    );
  const events = [...audit.data].reverse();
  return (
    <ol className="clearance-timeline" aria-label="What happened, newest first">
      {events.map((e, i) => (
        <li key={`${e.position ?? "u"}-${i}`}>
          <strong>{describeEvent(e)}</strong>
          <div className="pf-v6-u-font-size-sm">
            {formatDateTime(e.occurredAt)} · {actorName(e.actor)}
            {e.sealed ? "" : " · being sealed into the audit chain"}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function AuditTable({ caseId }: { caseId: string }) {
  const audit = useQuery({
    queryKey: ["case", caseId, "audit"],
    queryFn: () => api.cases.audit(caseId),
  });
  if (audit.isPending) return <Loading what="the audit trail" />;
  if (audit.isError)
    return (
      <ErrorState
        title="The audit trail could not be loaded"
        error={audit.error}
        onRetry={() => audit.refetch()}
      />
    );
  return (
    <Table aria-label="Audit trail" variant="compact">
      <Thead>
        <Tr>
          <Th>#</Th>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What happened</Th>
          <Th>Chain</Th>
        </Tr>
      </Thead>
      <Tbody>
        {audit.data.map((e, i) => (
          <Tr key={`${e.position ?? "u"}-${i}`}>
            <Td dataLabel="#">{e.position ?? "—"}</Td>
            <Td dataLabel="When">{formatDateTime(e.occurredAt)}</Td>
            <Td dataLabel="Who">{actorName(e.actor)}</Td>
            <Td dataLabel="What happened">
              {describeEvent(e)}
              <div className="pf-v6-u-font-size-sm">
                <code>{e.action}</code>
              </div>
            </Td>
            <Td dataLabel="Chain">
              {e.sealed ? (
                <code title={e.hash ?? ""}>{e.hash?.slice(0, 10)}…</code>
              ) : (
                <Label isCompact>Not sealed yet</Label>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function RfiAnswerForm({ c, rfi }: { c: CaseDetail; rfi: Rfi }) {
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [docs, setDocs] = useState<DocumentInfo[]>([]);
  const answer = useMutation({
    mutationFn: () =>
      api.cases.answerRfi(
        c.id,
        rfi.id,
        text,
        docs.map((d) => d.id),
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ["case", c.id] });
      client.invalidateQueries({ queryKey: ["cases"] });
    },
    onError: () => client.invalidateQueries({ queryKey: ["case", c.id, "rfis"] }),
  });
  const fieldError =
    answer.error instanceof ApiError ? answer.error.fieldErrors()["text"] : undefined;
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <TextAreaField
        label="Your answer"
        name="text"
        isRequired
        value={text}
        onChange={setText}
        error={fieldError}
        rows={5}
      />
      <DocumentUpload
        caseId={c.id}
        label="Attach documents"
        onUploaded={(d) => setDocs((all) => [...all, d])}
      />
      {docs.length > 0 && (
        <Content component="p">Attached: {docs.map((d) => d.filename).join(", ")}</Content>
      )}
      {answer.isError && !fieldError && (
        <Alert variant="danger" isInline title={explain(answer.error)} />
      )}
      <div>
        <Button type="submit" isLoading={answer.isPending} isDisabled={answer.isPending}>
          Send answer
        </Button>
      </div>
    </Form>
  );
}

export function RfiList({ c, canAnswer }: { c: CaseDetail; canAnswer: boolean }) {
  const rfis = useQuery({ queryKey: ["case", c.id, "rfis"], queryFn: () => api.cases.rfis(c.id) });
  if (rfis.isPending) return <Loading what="requests for information" />;
  if (rfis.isError)
    return (
      <ErrorState
        title="Requests for information could not be loaded"
        error={rfis.error}
        onRetry={() => rfis.refetch()}
      />
    );
  if (rfis.data.length === 0)
    return (
      <Empty
        title="No requests for information"
        detail="No reviewer has asked the applicant anything on this case."
      />
    );
  return (
    <Stack hasGutter>
      {rfis.data.map((r) => (
        <StackItem key={r.id}>
          <Card>
            <CardTitle component="h3">
              Question from the {words(r.stage).toLowerCase()}{" "}
              <Label
                color={r.status === "OPEN" ? "orange" : r.status === "ANSWERED" ? "green" : "grey"}
              >
                {words(r.status)}
              </Label>
            </CardTitle>
            <CardBody>
              <blockquote>{r.question}</blockquote>
              <Content component="small">
                Asked by {r.askedBy} on {formatDateTime(r.askedAt)}
                {r.answerBy ? ` · answer by ${formatDateTime(r.answerBy)}` : ""}
              </Content>
              {r.status === "OPEN" && r.answerBy && (
                <Alert
                  variant="warning"
                  isInline
                  isPlain
                  title={`Answer by ${formatDateTime(r.answerBy)}. If nobody answers by then, the case is returned without action.`}
                />
              )}
              {r.answer && (
                <div className="pf-v6-u-mt-md">
                  <strong>Answer</strong> ({r.answeredBy}, {formatDateTime(r.answeredAt)}):
                  <p>{r.answer}</p>
                  {(r.documentIds ?? []).length > 0 && (
                    <Content component="small">
                      With {r.documentIds!.length} document(s):{" "}
                      {c.documents
                        .filter((d) => r.documentIds!.includes(d.id))
                        .map((d) => d.filename)
                        .join(", ")}
                    </Content>
                  )}
                </div>
              )}
              {r.status === "OPEN" && canAnswer && (
                <div className="pf-v6-u-mt-md">
                  <RfiAnswerForm c={c} rfi={r} />
                </div>
              )}
            </CardBody>
          </Card>
        </StackItem>
      ))}
    </Stack>
  );
}

export function DecisionCard({ c }: { c: CaseDetail }) {
  const decided = [
    "APPROVED",
    "DENIED",
    "RETURNED_WITHOUT_ACTION",
    "WITHDRAWN",
    "NO_LICENCE_REQUIRED",
  ].includes(c.status);
  const licence = useQuery({
    queryKey: ["case", c.id, "licence"],
    queryFn: () => api.cases.licence(c.id),
    enabled: c.status === "APPROVED",
    retry: false,
    // The licence is issued a moment after the approval: look again until it is there.
    refetchInterval: (q) => (q.state.status === "error" ? 2000 : false),
  });
  const [error, setError] = useState<unknown>(null);
  if (!decided) return null;
  return (
    <Card>
      <CardTitle component="h2">Decision</CardTitle>
      <CardBody>
        {c.status === "APPROVED" && (
          <Alert
            variant="success"
            isInline
            isPlain
            title={`Approved on ${formatDate(c.closedAt)}`}
          />
        )}
        {c.status === "DENIED" && (
          <Alert variant="danger" isInline isPlain title={`Denied on ${formatDate(c.closedAt)}`}>
            <ul>
              {(c.process?.denialReasons ?? []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {c.process?.appealDeadline && (
              <p>You may appeal until {formatDate(c.process.appealDeadline)}.</p>
            )}
          </Alert>
        )}
        {c.status === "NO_LICENCE_REQUIRED" && (
          <Alert variant="info" isInline isPlain title="No licence is required for this export">
            {c.process?.determinationBasis}
          </Alert>
        )}
        {c.status === "RETURNED_WITHOUT_ACTION" && (
          <Alert variant="warning" isInline isPlain title="Returned without action">
            A request for information was not answered in time. You may copy the application as a
            new draft and submit again.
          </Alert>
        )}
        {c.status === "WITHDRAWN" && (
          <Alert variant="info" isInline isPlain title={`Withdrawn on ${formatDate(c.closedAt)}`} />
        )}
        {c.status === "APPROVED" &&
          (licence.isPending ? (
            <Content component="p">Issuing the licence…</Content>
          ) : licence.isError ? (
            <Content component="p">
              The licence is being issued; it appears here in a moment.
            </Content>
          ) : (
            <DescriptionList isHorizontal isCompact className="pf-v6-u-mt-md">
              <DescriptionListGroup>
                <DescriptionListTerm>Licence</DescriptionListTerm>
                <DescriptionListDescription>
                  <strong>{licence.data.number}</strong>{" "}
                  <LicenceStatusLabel status={licence.data.status} />
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Valid</DescriptionListTerm>
                <DescriptionListDescription>
                  {formatDate(licence.data.validFrom)} to {formatDate(licence.data.validUntil)}
                </DescriptionListDescription>
              </DescriptionListGroup>
              {licence.data.conditions.length > 0 && (
                <DescriptionListGroup>
                  <DescriptionListTerm>Conditions</DescriptionListTerm>
                  <DescriptionListDescription>
                    <ul>
                      {licence.data.conditions.map((x) => (
                        <li key={x}>{x}</li>
                      ))}
                    </ul>
                  </DescriptionListDescription>
                </DescriptionListGroup>
              )}
              {licence.data.document && (
                <DescriptionListGroup>
                  <DescriptionListTerm>Document</DescriptionListTerm>
                  <DescriptionListDescription>
                    <Button
                      variant="primary"
                      icon={<DownloadIcon />}
                      onClick={() =>
                        download(licence.data.document!.href, `${licence.data.number}.pdf`).catch(
                          setError,
                        )
                      }
                    >
                      Download the licence (PDF)
                    </Button>
                    <div className="pf-v6-u-font-size-sm">
                      SHA-256 {licence.data.document.sha256}
                    </div>
                  </DescriptionListDescription>
                </DescriptionListGroup>
              )}
            </DescriptionList>
          ))}
        {error ? <Alert variant="danger" isInline title={explain(error)} /> : null}
      </CardBody>
    </Card>
  );
}
