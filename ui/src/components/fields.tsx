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

export function TextField({
  label,
  name,
  error,
  hint,
  isRequired,
  value,
  onChange,
  type = "text",
  inputMode,
}: Common & {
  value: string | number | null | undefined;
  onChange: (value: string) => void;
  type?: "text" | "email" | "tel" | "number";
  inputMode?: "numeric" | "decimal" | "text";
}) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextInput
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        value={value ?? ""}
        onChange={(_e, v) => onChange(v)}
        validated={error ? "error" : "default"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? helpId : undefined}
      />
      <Helper id={helpId} error={error} hint={hint} />
    </FormGroup>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  isRequired,
  value,
  onChange,
  rows = 4,
}: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
  rows?: number;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextArea
        id={id}
        name={name}
        value={value ?? ""}
        rows={rows}
        resizeOrientation="vertical"
        onChange={(_e, v) => onChange(v)}
        validated={error ? "error" : "default"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? helpId : undefined}
      />
      <Helper id={helpId} error={error} hint={hint} />
    </FormGroup>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  isRequired,
  value,
  onChange,
  options,
}: Common & {
  value: string | null | undefined;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <FormSelect
        id={id}
        name={name}
        value={value ?? ""}
        onChange={(_e, v) => onChange(v)}
        validated={error ? "error" : "default"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? helpId : undefined}
      >
        <FormSelectOption value="" label="Choose…" isPlaceholder />
        {options.map((o) => (
          <FormSelectOption key={o.value} value={o.value} label={o.label} />
        ))}
      </FormSelect>
      <Helper id={helpId} error={error} hint={hint} />
    </FormGroup>
  );
}
