import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  PageSection,
  TextInput,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { ApiError, explain } from "../../api";
import { staffApi, type CountryGroupMembership } from "../../api/staff";
import { Empty, ErrorState, Loading } from "../../components/States";
import { formatDate } from "../../components/format";
import { useUrlState, type Schema } from "../../components/urlState";

export const GROUPS = ["A:1", "D:1", "D:5", "E:1", "E:2"];

const schema = { on: { kind: "string" }, country: { kind: "string" } } satisfies Schema;

/** The memberships in force on a day, one row per country. */
export function byCountry(rows: CountryGroupMembership[]): [string, CountryGroupMembership[]][] {
  const map = new Map<string, CountryGroupMembership[]>();
  for (const row of rows) map.set(row.countryCode, [...(map.get(row.countryCode) ?? []), row]);
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Date-effective country groups: what is in force on a day, and changes from a day on. */
export default function CountryGroupsPage() {
  const [state, setState] = useUrlState(schema);
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ country: string; groups: string[] } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["country-groups", state.on, state.country],
    queryFn: () => staffApi.countryGroups({ on: state.on, country: state.country.toUpperCase() }),
  });
  const rows = useMemo(() => byCountry(list.data ?? []), [list.data]);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Country groups</Title>
        <Content component="p">
          Which countries are in which export-control group (EAR, simplified), by date. A change
          takes effect from its “valid from” day; earlier days keep their groups, so past decisions
          stay explainable.
        </Content>
        <Toolbar aria-label="Country group filters">
          <ToolbarContent>
            <ToolbarItem>
              <FormGroup label="In force on" fieldId="cg-on">
                <TextInput
                  id="cg-on"
                  type="date"
                  value={state.on}
                  onChange={(_e, v) => setState({ on: v })}
                />
              </FormGroup>
            </ToolbarItem>
            <ToolbarItem>
              <FormGroup label="Country code" fieldId="cg-country">
                <TextInput
                  id="cg-country"
                  value={state.country}
                  placeholder="e.g. CN"
                  onChange={(_e, v) => setState({ country: v }, { replace: true })}
                />
              </FormGroup>
            </ToolbarItem>
            <ToolbarItem>
              <Button
                variant="primary"
                onClick={() => setEditing({ country: state.country.toUpperCase(), groups: [] })}
              >
                Change a country's groups
              </Button>
            </ToolbarItem>
          </ToolbarContent>
        </Toolbar>
        {saved && <Alert variant="success" isInline title={saved} />}
      </PageSection>
      {editing && (
        <PageSection>
          <ChangeForm
            initial={editing}
            onCancel={() => setEditing(null)}
            onSaved={(country, from) => {
              setEditing(null);
              setSaved(`The groups of ${country} are changed from ${formatDate(from)} on.`);
              void client.invalidateQueries({ queryKey: ["country-groups"] });
            }}
          />
        </PageSection>
      )}
      <PageSection>
        {list.isPending ? (
          <Loading what="country groups" />
        ) : list.isError ? (
          <ErrorState
            title="Country groups could not be loaded"
            error={list.error}
            onRetry={() => list.refetch()}
          />
        ) : rows.length === 0 ? (
          <Empty
            title="No country in a group"
            detail="No membership is in force for this day and country."
          />
        ) : (
          <Table aria-label="Country groups in force" variant="compact">
            <Thead>
              <Tr>
                <Th modifier="nowrap">Country</Th>
                <Th>Groups</Th>
                <Th>Valid from</Th>
                <Th>Valid until</Th>
                <Th screenReaderText="Actions" />
              </Tr>
            </Thead>
            <Tbody>
              {rows.map(([country, memberships]) => (
                <Tr key={country}>
                  <Td dataLabel="Country">{country}</Td>
                  <Td dataLabel="Groups">{memberships.map((m) => m.group).join(", ")}</Td>
                  <Td dataLabel="Valid from">
                    {memberships.map((m) => formatDate(m.validFrom)).join(", ")}
                  </Td>
                  <Td dataLabel="Valid until">
                    {memberships
                      .map((m) => (m.validTo ? formatDate(m.validTo) : "open-ended"))
                      .join(", ")}
                  </Td>
                  <Td dataLabel="Actions">
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() =>
                        setEditing({ country, groups: memberships.map((m) => m.group) })
                      }
                    >
                      Change<span className="pf-v6-screen-reader"> {country}</span>
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
}

function ChangeForm({
  initial,
  onCancel,
  onSaved,
}: {
  initial: { country: string; groups: string[] };
  onCancel: () => void;
  onSaved: (country: string, validFrom: string) => void;
}) {
  const [country, setCountry] = useState(initial.country);
  const [groups, setGroups] = useState<string[]>(initial.groups);
  const [validFrom, setValidFrom] = useState("");
  const save = useMutation({
    mutationFn: () =>
      staffApi.setCountryGroups(country.trim().toUpperCase() || "-", groups, validFrom),
    onSuccess: () => onSaved(country.trim().toUpperCase(), validFrom),
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const fieldError = (name: string) =>
    errors[name] ? (
      <FormHelperText>
        <HelperText>
          <HelperTextItem variant="error">{errors[name]}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    ) : null;
  const known = new Set(["countryCode", "groups", "validFrom"]);
  const other = save.isError && !Object.keys(errors).some((k) => known.has(k));
  return (
    <Form
      aria-label="Change a country's groups"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Title headingLevel="h2">Change a country's groups</Title>
      <FormGroup label="Country code (ISO 3166-1 alpha-2)" isRequired fieldId="cg-edit-country">
        <TextInput
          id="cg-edit-country"
          isRequired
          value={country}
          onChange={(_e, v) => setCountry(v)}
          validated={errors.countryCode ? "error" : "default"}
        />
        {fieldError("countryCode")}
      </FormGroup>
      <FormGroup
        role="group"
        label="Groups from that day on (none: in no group)"
        fieldId="cg-edit-groups"
        isStack
      >
        {GROUPS.map((g) => (
          <Checkbox
            key={g}
            id={`cg-group-${g}`}
            label={g}
            isChecked={groups.includes(g)}
            onChange={(_e, checked) =>
              setGroups((current) => (checked ? [...current, g] : current.filter((x) => x !== g)))
            }
          />
        ))}
        {fieldError("groups")}
      </FormGroup>
      <FormGroup label="Valid from" isRequired fieldId="cg-edit-from">
        <TextInput
          id="cg-edit-from"
          type="date"
          isRequired
          value={validFrom}
          onChange={(_e, v) => setValidFrom(v)}
          validated={errors.validFrom ? "error" : "default"}
        />
        {fieldError("validFrom")}
      </FormGroup>
      {other && (
        <Alert variant="danger" isInline title="Not saved">
          {explain(save.error)}
        </Alert>
      )}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button type="submit" isLoading={save.isPending}>
              Save change
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button variant="link" onClick={onCancel}>
              Cancel
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
    </Form>
  );
}
