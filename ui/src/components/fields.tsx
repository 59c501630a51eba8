import { useId, type ReactNode } from "react";
import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  TextArea,
  TextInput,
} from "@patternfly/react-core";

interface Common {
  label: string;
  /** The API's field path, so end-to-end tests and error summaries can find the field. */
  name: string;
  error?: string;
  hint?: ReactNode;
  isRequired?: boolean;
}

function Helper({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (!error && !hint) return null;
  return (
    <FormHelperText>
      <HelperText id={id}>
        {error ? (
          <HelperTextItem variant="error">{error}</HelperTextItem>
        ) : (
          <HelperTextItem>{hint}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

/** What every control of a field gets: its id, and its error state for assistive technology. */
interface ControlProps {
  id: string;
  validated: "error" | "default";
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled form group with the server's error (or a hint) under its control. */
function Field({
  label,
  error,
  hint,
  isRequired,
  children,
}: Omit<Common, "name"> & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      {children({
        id,
        validated: error ? "error" : "default",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error || hint ? helpId : undefined,
      })}
      <Helper id={helpId} error={error} hint={hint} />
    </FormGroup>
  );
}

export function TextField({
  name,
  value,
  onChange,
  type = "text",
  inputMode,
  ...field
}: Common & {
  value: string | number | null | undefined;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "number";
  inputMode?: "numeric" | "decimal" | "text";
}) {
  return (
    <Field {...field}>
      {(control) => (
        <TextInput
          {...control}
          name={name}
          type={type}
          inputMode={inputMode}
          value={value ?? ""}
          onChange={(_e, v) => onChange(v)}
        />
      )}
    </Field>
  );
}

export function TextAreaField({
  name,
  value,
  onChange,
  rows = 4,
  ...field
}: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
  rows?: number;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <TextArea
          {...control}
          name={name}
          value={value ?? ""}
          rows={rows}
          resizeOrientation="vertical"
          onChange={(_e, v) => onChange(v)}
        />
      )}
    </Field>
  );
}

export function SelectField({
  name,
  value,
  onChange,
  options,
  placeholder = "Choose…",
  ...field
}: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The label of the empty choice. */
  placeholder?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <FormSelect {...control} name={name} value={value ?? ""} onChange={(_e, v) => onChange(v)}>
          <FormSelectOption value="" label={placeholder} isPlaceholder />
          {options.map((o) => (
            <FormSelectOption key={o.value} value={o.value} label={o.label} />
          ))}
        </FormSelect>
      )}
    </Field>
  );
}
