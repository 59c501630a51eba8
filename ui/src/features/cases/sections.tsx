// The form of each section of the application wizard. Field names are the API's field paths,
// so the server's errors land on the right field.
import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Radio,
  FormGroup,
  Stack,
  StackItem,
} from "@patternfly/react-core";
import TrashIcon from "@patternfly/react-icons/dist/esm/icons/trash-icon";
import PlusIcon from "@patternfly/react-icons/dist/esm/icons/plus-circle-icon";
import { useState, type ReactNode } from "react";
import type { CaseContent, Item, Party } from "../../api";
import { SelectField, TextAreaField, TextField } from "../../components/fields";
import { numberOrText } from "./numbers";

export interface SectionProps {
  content: CaseContent;
  update: (change: (c: CaseContent) => CaseContent) => void;
  errors: Record<string, string>;
}

const KINDS = [
  { value: "AI_MODEL", label: "AI model (weights or access)" },
  { value: "HARDWARE", label: "Hardware" },
  { value: "SOFTWARE", label: "Software" },
  { value: "TECHNOLOGY", label: "Technology (technical data)" },
];

export const PARTY_ROLES = [
  { value: "CONSIGNEE", label: "Consignee — receives the goods" },
  { value: "END_USER", label: "End user — uses the goods" },
  { value: "ULTIMATE_END_USER", label: "Ultimate end user" },
  { value: "INTERMEDIATE_CONSIGNEE", label: "Intermediate consignee" },
];

export function ContactSection({ content, update, errors }: SectionProps) {
  const set = (k: "name" | "email" | "phone", v: string) =>
    update((c) => ({ ...c, contact: { ...c.contact, [k]: v } }));
  return (
    <Form onSubmit={(e) => e.preventDefault()} maxWidth="40rem">
      <TextField
        label="Contact name"
        name="contact.name"
        isRequired
        value={content.contact?.name}
        onChange={(v) => set("name", v)}
        error={errors["contact.name"]}
      />
      <TextField
        label="E-mail address"
        name="contact.email"
        type="email"
        isRequired
        value={content.contact?.email}
        onChange={(v) => set("email", v)}
        error={errors["contact.email"]}
        hint="Decisions and requests for information are sent here."
      />
      <TextField
        label="Telephone"
        name="contact.phone"
        type="tel"
        value={content.contact?.phone}
        onChange={(v) => set("phone", v)}
        error={errors["contact.phone"]}
      />
    </Form>
  );
}

export function ItemsSection({ content, update, errors }: SectionProps) {
  const setItem = (i: number, change: Partial<Item>) =>
    update((c) => ({
      ...c,
      items: (c.items ?? []).map((it, j) => (j === i ? { ...it, ...change } : it)),
    }));
  const setAi = (i: number, change: Partial<NonNullable<Item["aiModel"]>>) =>
    update((c) => ({
      ...c,
      items: (c.items ?? []).map((it, j) =>
        j === i ? { ...it, aiModel: { ...(it.aiModel ?? {}), ...change } } : it,
      ),
    }));
  return (
    <EntryCards
      list="items"
      noun="item"
      addLabel="Add an item"
      content={content}
      update={update}
      errors={errors}
      newEntry={() => ({})}
    >
      {(item, i, f) => (
        <>
          <GridItem>
            <SelectField
              label="Kind"
              name={`items[${i}].kind`}
              isRequired
              options={KINDS}
              value={item.kind}
              onChange={(v) => setItem(i, { kind: (v || null) as Item["kind"] })}
              error={f("kind")}
            />
          </GridItem>
          <GridItem>
            <TextField
              label="Classification (ECCN)"
              name={`items[${i}].eccn`}
              isRequired
              value={item.eccn}
              onChange={(v) => setItem(i, { eccn: v })}
              error={f("eccn")}
              hint="For example 4E091 or 3A090.a"
            />
          </GridItem>
          <GridItem span={12}>
            <TextAreaField
              label="Description"
              name={`items[${i}].description`}
              isRequired
              rows={2}
              value={item.description}
              onChange={(v) => setItem(i, { description: v })}
              error={f("description")}
            />
          </GridItem>
          <GridItem md={3}>
            <TextField
              label="Quantity"
              name={`items[${i}].quantity`}
              isRequired
              inputMode="decimal"
              value={item.quantity}
              onChange={(v) => setItem(i, { quantity: numberOrText(v) })}
              error={f("quantity")}
            />
          </GridItem>
          <GridItem md={3}>
            <TextField
              label="Unit"
              name={`items[${i}].unit`}
              isRequired
              value={item.unit}
              onChange={(v) => setItem(i, { unit: v })}
              error={f("unit")}
              hint="e.g. model, unit, kg"
            />
          </GridItem>
          <GridItem md={3}>
            <TextField
              label="Unit value"
              name={`items[${i}].unitValue`}
              isRequired
              inputMode="decimal"
              value={item.unitValue}
              onChange={(v) => setItem(i, { unitValue: numberOrText(v) })}
              error={f("unitValue")}
            />
          </GridItem>
          <GridItem md={3}>
            <TextField
              label="Currency"
              name={`items[${i}].currency`}
              isRequired
              value={item.currency}
              onChange={(v) => setItem(i, { currency: v.toUpperCase() })}
              error={f("currency")}
              hint="ISO 4217, e.g. USD"
            />
          </GridItem>
          {item.kind === "AI_MODEL" && (
            <>
              <GridItem>
                <TextField
                  label="Parameter count"
                  name={`items[${i}].aiModel.parameterCount`}
                  isRequired
                  inputMode="numeric"
                  value={item.aiModel?.parameterCount}
                  onChange={(v) => setAi(i, { parameterCount: numberOrText(v) as number | null })}
                  error={f("aiModel.parameterCount")}
                  hint="Number of trained parameters, e.g. 400000000000"
                />
              </GridItem>
              <GridItem>
                <TextField
                  label="Training compute (operations)"
                  name={`items[${i}].aiModel.trainingComputeOperations`}
                  isRequired
                  value={item.aiModel?.trainingComputeOperations}
                  onChange={(v) => setAi(i, { trainingComputeOperations: numberOrText(v) })}
                  error={f("aiModel.trainingComputeOperations")}
                  hint="Total operations used to train, e.g. 3.1E25"
                />
              </GridItem>
              <GridItem span={12}>
                <FormGroup
                  role="radiogroup"
                  isInline
                  fieldId={`weights-${i}`}
                  label="Model weights"
                  isRequired
                >
                  <Radio
                    id={`weights-${i}-closed`}
                    name={`items[${i}].aiModel.weights`}
                    label="Closed — weights are not published"
                    isChecked={item.aiModel?.weights === "CLOSED"}
                    onChange={() => setAi(i, { weights: "CLOSED" })}
                  />
                  <Radio
                    id={`weights-${i}-open`}
                    name={`items[${i}].aiModel.weights`}
                    label="Open — weights are published"
                    isChecked={item.aiModel?.weights === "OPEN"}
                    onChange={() => setAi(i, { weights: "OPEN" })}
                  />
                  {f("aiModel.weights") && (
                    <HelperText>
                      <HelperTextItem variant="error">{f("aiModel.weights")}</HelperTextItem>
                    </HelperText>
                  )}
                </FormGroup>
              </GridItem>
              <GridItem span={12}>
                <TextAreaField
                  label="Hosting and security controls"
                  name={`items[${i}].aiModel.hostingControls`}
                  isRequired
                  rows={3}
                  value={item.aiModel?.hostingControls}
                  onChange={(v) => setAi(i, { hostingControls: v })}
                  error={f("aiModel.hostingControls")}
                  hint="Where the weights are hosted and how access is controlled"
                />
              </GridItem>
            </>
          )}
        </>
      )}
    </EntryCards>
  );
}

export function PartiesSection({ content, update, errors }: SectionProps) {
  const setParty = (i: number, change: Partial<Party>) =>
    update((c) => ({
      ...c,
      parties: (c.parties ?? []).map((p, j) => (j === i ? { ...p, ...change } : p)),
    }));
  return (
    <EntryCards
      list="parties"
      noun="party"
      addLabel="Add a party"
      content={content}
      update={update}
      errors={errors}
      // the first two parties default to the roles every application needs
      newEntry={(parties) => ({
        role: !parties.some((x) => x.role === "CONSIGNEE")
          ? "CONSIGNEE"
          : !parties.some((x) => x.role === "END_USER")
            ? "END_USER"
            : null,
      })}
    >
      {(p, i, f) => (
        <>
          <GridItem>
            <SelectField
              label="Role"
              name={`parties[${i}].role`}
              isRequired
              options={PARTY_ROLES}
              value={p.role}
              onChange={(v) => setParty(i, { role: (v || null) as Party["role"] })}
              error={f("role")}
            />
          </GridItem>
          <GridItem>
            <TextField
              label="Name"
              name={`parties[${i}].name`}
              isRequired
              value={p.name}
              onChange={(v) => setParty(i, { name: v })}
              error={f("name")}
            />
          </GridItem>
          <GridItem md={9}>
            <TextField
              label="Address"
              name={`parties[${i}].address`}
              isRequired
              value={p.address}
              onChange={(v) => setParty(i, { address: v })}
              error={f("address")}
            />
          </GridItem>
          <GridItem md={3}>
            <TextField
              label="Country"
              name={`parties[${i}].country`}
              isRequired
              value={p.country}
              onChange={(v) => setParty(i, { country: v.toUpperCase() })}
              error={f("country")}
              hint="Two letters, e.g. JP"
            />
          </GridItem>
        </>
      )}
    </EntryCards>
  );
}

type ListField = "items" | "parties";
type EntryOf<L extends ListField> = NonNullable<CaseContent[L]>[number];

/**
 * The entries of a list section (items, parties) as numbered cards: the list's own error, each
 * entry's fields (given by children, with the server's error for a field of that entry), a remove
 * button per entry and an add button.
 */
function EntryCards<L extends ListField>({
  list,
  noun,
  addLabel,
  content,
  update,
  errors,
  newEntry,
  children,
}: SectionProps & {
  list: L;
  noun: string;
  addLabel: string;
  newEntry: (entries: EntryOf<L>[]) => EntryOf<L>;
  children: (
    entry: EntryOf<L>,
    index: number,
    fieldError: (field: string) => string | undefined,
  ) => ReactNode;
}) {
  const entries = (content[list] ?? []) as EntryOf<L>[];
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  const change = (next: (entries: EntryOf<L>[]) => EntryOf<L>[]) =>
    update((c) => ({ ...c, [list]: next((c[list] ?? []) as EntryOf<L>[]) }));
  return (
    <Stack hasGutter>
      {errors[list] && (
        <HelperText>
          <HelperTextItem variant="error">
            {list === "items" ? "Items" : "Parties"}: {errors[list]}
          </HelperTextItem>
        </HelperText>
      )}
      {entries.map((entry, i) => (
        <StackItem key={i}>
          <Card>
            <CardTitle component="h3">
              {title} {i + 1}
            </CardTitle>
            <CardBody>
              <Form onSubmit={(e) => e.preventDefault()}>
                <Grid hasGutter md={6}>
                  {children(entry, i, (field) => errors[`${list}[${i}].${field}`])}
                </Grid>
                <div>
                  <Button
                    variant="link"
                    isDanger
                    icon={<TrashIcon />}
                    onClick={() => change((all) => all.filter((_x, j) => j !== i))}
                  >
                    Remove {noun} {i + 1}
                  </Button>
                </div>
              </Form>
            </CardBody>
          </Card>
        </StackItem>
      ))}
      <StackItem>
        <Button
          variant="secondary"
          icon={<PlusIcon />}
          onClick={() => change((all) => [...all, newEntry(all)])}
        >
          {addLabel}
        </Button>
      </StackItem>
    </Stack>
  );
}

export function DestinationsSection({ content, update, errors }: SectionProps) {
  // The text as typed (commas and spaces included); the list is what is saved.
  const [text, setText] = useState(() => (content.destinations ?? []).join(", "));
  const destinationError =
    errors["destinations"] ??
    Object.entries(errors)
      .filter(([k]) => k.startsWith("destinations["))
      .map(([k, v]) => `${(content.destinations ?? [])[Number(k.slice(13, -1))] ?? k}: ${v}`)
      .join("; ");
  return (
    <Form onSubmit={(e) => e.preventDefault()} maxWidth="48rem">
      <TextField
        label="Destination countries"
        name="destinations"
        isRequired
        value={text}
        onChange={(v) => {
          setText(v.toUpperCase());
          update((c) => ({
            ...c,
            destinations: v
              .toUpperCase()
              .split(/[\s,;]+/)
              .filter((x) => x !== ""),
          }));
        }}
        error={destinationError || undefined}
        hint="Two-letter country codes separated by commas, e.g. JP, SG"
      />
      <TextAreaField
        label="End-use statement"
        name="endUseStatement"
        isRequired
        rows={6}
        value={content.endUseStatement}
        onChange={(v) => update((c) => ({ ...c, endUseStatement: v }))}
        error={errors["endUseStatement"]}
        hint="What the goods will be used for, by whom, and a statement that they will not be used for military or WMD purposes."
      />
    </Form>
  );
}
