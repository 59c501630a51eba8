// "Screen a name": one name against the restricted-party lists in force, for staff and admins.
// The query lives in the URL (shareable, survives a reload); the ranked hits each carry the
// matcher's explanation, and "potential match" follows the server's matchThreshold.
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  ActionGroup,
  Alert,
  Button,
  Content,
  Form,
  Grid,
  GridItem,
  Label,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { api, type ScreeningHit, type ScreeningSearchResponse } from "../../api";
import { Empty, ErrorState, Loading } from "../../components/States";
import { SelectField, TextField } from "../../components/fields";
import { toParams } from "../../components/urlState";
import { ExplanationRow } from "./ScreeningExplanation";
import {
  TYPE_OPTIONS,
  fieldErrors,
  formFromParams,
  localErrors,
  screeningSchema,
  toRequest,
  type ScreeningForm,
} from "./screeningForm";

const score = (n: number) => Number(n).toFixed(3);

export default function ScreenNamePage() {
  const [params, setParams] = useSearchParams();
  const searched = formFromParams(params);
  const [draft, setDraft] = useState<ScreeningForm>(searched);
  const [local, setLocal] = useState<Partial<Record<keyof ScreeningForm, string>>>({});
  const paramsKey = params.toString();
  // The URL is the truth: back/forward or a shared link puts its query into the form.
  useEffect(() => {
    setDraft(formFromParams(new URLSearchParams(paramsKey)));
    setLocal({});
  }, [paramsKey]);

  const request = searched.name.trim() ? toRequest(searched) : null;
  const search = useQuery({
    queryKey: ["screening-search", request],
    queryFn: ({ signal }) => api.screening.search(request!, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const server = fieldErrors(search.error);
  const errors = { ...server.fields, ...local };
  const set = (change: Partial<ScreeningForm>) => setDraft((d) => ({ ...d, ...change }));

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Screen a name</Title>
        <Content component="p">
          Compare one name with the restricted-party lists in force, as case screening does. Hits
          from a score of 0.50 are listed, best first, each with why it scored what it scored.
        </Content>
        <Form
          aria-label="Screen a name"
          onSubmit={(e) => {
            e.preventDefault();
            const check = localErrors(draft);
            setLocal(check);
            if (Object.keys(check).length > 0) return;
            setParams(toParams(draft, screeningSchema));
          }}
        >
          {server.other.length > 0 && (
            <Alert variant="danger" isInline title="The search was not accepted">
              {server.other.join("; ")}
            </Alert>
          )}
          <Grid hasGutter>
            <GridItem md={6} lg={4}>
              <TextField
                label="Name"
                name="name"
                isRequired
                value={draft.name}
                onChange={(v) => set({ name: v })}
                error={errors.name}
                hint="A person's or organisation's name, in any script."
              />
            </GridItem>
            <GridItem md={6} lg={2}>
              <TextField
                label="Country"
                name="country"
                value={draft.country}
                onChange={(v) => set({ country: v })}
                error={errors.country}
                hint="ISO code, e.g. IR"
              />
            </GridItem>
            <GridItem md={6} lg={3}>
              <SelectField
                label="Type"
                name="type"
                value={draft.type}
                onChange={(v) => set({ type: v })}
                error={errors.type}
                options={TYPE_OPTIONS.filter((o) => o.value !== "")}
                placeholder="Any"
              />
            </GridItem>
            <GridItem md={6} lg={3}>
              <TextField
                label="Date of birth"
                name="birthDate"
                value={draft.dob}
                onChange={(v) => set({ dob: v })}
                error={errors.dob}
                hint="YYYY or YYYY-MM-DD (people)"
              />
            </GridItem>
          </Grid>
          <ActionGroup>
            <Button type="submit" variant="primary" isLoading={search.isFetching}>
              Screen
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
      <PageSection aria-live="polite">
        {request === null ? (
          <Empty
            title="No name screened yet"
            detail="Enter a name and press “Screen”. The address then holds the search, so it can be shared."
          />
        ) : search.isPending ? (
          <Loading what="screening hits" />
        ) : search.isError ? (
          Object.keys(server.fields).length > 0 || server.other.length > 0 ? (
            <ErrorState
              title="The search was not accepted"
              detail="Correct the fields marked above and screen again."
            />
          ) : (
            <ErrorState
              title="The name could not be screened"
              error={search.error}
              onRetry={() => search.refetch()}
            />
          )
        ) : (
          <Results result={search.data} />
        )}
      </PageSection>
    </>
  );
}

export function Results({ result }: { result: ScreeningSearchResponse }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const versions = result.listVersions.length > 0 ? result.listVersions.join(", ") : "none";
  const hits = [...result.hits].sort((a, b) => b.score - a.score);
  return (
    <>
      <Content component="p">
        Lists searched: <strong>{versions}</strong> · {result.algorithm} · potential match from{" "}
        {Number(result.matchThreshold).toFixed(2)}
      </Content>
      {hits.length === 0 ? (
        <Empty
          title="No listed entry reaches 0.50"
          detail="No name or alias on the lists searched scores 0.50 or more against this name."
        />
      ) : (
        <>
          {result.more && (
            <Alert
              variant="info"
              isInline
              title={`More hits exist beyond the first ${result.limit}`}
              className="pf-v6-u-mb-md"
            >
              Only the {result.limit} best are shown; add a country, type or date of birth to narrow
              the search.
            </Alert>
          )}
          <Table aria-label="Screening hits" variant="compact">
            <Thead>
              <Tr>
                <Th screenReaderText="Explanation" />
                <Th>Listed name</Th>
                <Th>Entry</Th>
                <Th>Type</Th>
                <Th>Countries</Th>
                <Th>Score</Th>
                <Th>Assessment</Th>
              </Tr>
            </Thead>
            {hits.map((hit, i) => (
              <HitRows
                key={`${hit.entryId}-${hit.listedName}`}
                hit={hit}
                rowIndex={i}
                threshold={result.matchThreshold}
                isExpanded={open.has(i)}
                onToggle={() => toggle(i)}
              />
            ))}
          </Table>
        </>
      )}
    </>
  );
}

function HitRows({
  hit,
  rowIndex,
  threshold,
  isExpanded,
  onToggle,
}: {
  hit: ScreeningHit;
  rowIndex: number;
  threshold: number;
  isExpanded: boolean;
  onToggle: () => void;
}) {
  const potential = hit.score >= threshold;
  return (
    <Tbody isExpanded={isExpanded}>
      <Tr>
        {/* the toggle is labelled by the listed name's cell and its own "Details" */}
        <Td expand={{ rowIndex, isExpanded, onToggle, expandId: "screening-hit" }} />
        <Td dataLabel="Listed name" id={`simple-node${rowIndex}`}>
          {hit.listedName}
          {hit.nameKind !== "PRIMARY" && (
            <span className="pf-v6-u-font-size-sm">
              {" "}
              ({hit.nameKind.toLowerCase().replace(/_/g, " ")})
            </span>
          )}
        </Td>
        <Td dataLabel="Entry">{hit.entryKey}</Td>
        <Td dataLabel="Type">{hit.entryType === "PERSON" ? "Person" : "Organisation"}</Td>
        <Td dataLabel="Countries">{hit.countries.length > 0 ? hit.countries.join(", ") : "—"}</Td>
        <Td dataLabel="Score">{score(hit.score)}</Td>
        <Td dataLabel="Assessment">
          {potential ? (
            <Label color="red" isCompact>
              Potential match
            </Label>
          ) : (
            <Label color="grey" isCompact>
              Below {Number(threshold).toFixed(2)}
            </Label>
          )}
        </Td>
      </Tr>
      <ExplanationRow explanation={hit.explanation} isExpanded={isExpanded} colSpan={7} />
    </Tbody>
  );
}
