import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { SearchInput } from "@patternfly/react-core";

/** Finds cases by reference, organisation or party name; Enter opens the results. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get("q") ?? "");
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const q = value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <form role="search" onSubmit={submit} aria-label="Search cases">
      <SearchInput
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
