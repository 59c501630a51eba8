import { FormGroup, FormSelect, FormSelectOption } from "@patternfly/react-core";
import { words } from "./format";

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled drop-down filter of a list's toolbar. */
export function FilterSelect({
  label,
  id,
  value,
  onChange,
  options,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
}) {
  return (
    <FormGroup label={label} fieldId={id}>
      <FormSelect id={id} value={value} onChange={(_e, v) => onChange(v)}>
        {options.map((o) => (
          <FormSelectOption key={o.value} value={o.value} label={o.label} />
        ))}
      </FormSelect>
    </FormGroup>
  );
}

/** Options for a filter on a code (stage, task type): “every …” (no filter) and each code in words. */
export function codeOptions(every: string, codes: readonly string[]): FilterOption[] {
  return [{ value: "", label: every }, ...codes.map((c) => ({ value: c, label: words(c) }))];
}
