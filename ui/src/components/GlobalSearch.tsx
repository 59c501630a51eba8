import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { SearchInput } from "@patternfly/react-core";

/**
 * Finds cases by reference, organisation or party name; Enter opens the results. In a narrow
 * masthead it is opened by a toggle: it then takes the focus, and Escape or a search closes it.
 */
export function GlobalSearch({
  focusNow = false,
  onClose,
}: {
  /** Move the focus into the field (it has just been revealed). */
  focusNow?: boolean;
  /** The user is done with the field: searched, or pressed Escape. */
  onClose?: () => void;
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get("q") ?? "");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusNow) input.current?.focus();
  }, [focusNow]);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const q = value.trim();
    if (!q) return;
    navigate(`/search?q=${encodeURIComponent(q)}`);
    onClose?.();
  };
  return (
    <form
      role="search"
      onSubmit={submit}
      aria-label="Search cases"
      onKeyDown={(e) => {
        if (e.key === "Escape" && onClose) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <SearchInput
        ref={input}
        aria-label="Search cases by reference, organisation or party name"
        placeholder="Case reference, organisation or party"
        value={value}
        onChange={(_e, v) => setValue(v)}
        onSearch={() => submit()}
        onClear={() => setValue("")}
        className="clearance-global-search"
      />
    </form>
  );
}
