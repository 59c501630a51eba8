import { Pagination } from "@patternfly/react-core";

/**
 * The pager of a list whose page (counted from 0, as the API counts) and page size live in the
 * URL state; PatternFly counts pages from 1. A new page size goes back to the first page
 * (useUrlState does that for any change but the page).
 */
export function ListPagination({
  total,
  state,
  setState,
  label,
  bottom,
  compact,
}: {
  total: number;
  state: { page: number; size: number };
  setState: (change: { page?: number; size?: number }) => void;
  /** What the pages are of, for screen readers: "Pages of {label}". */
  label?: string;
  bottom?: boolean;
  compact?: boolean;
}) {
  return (
    <Pagination
      itemCount={total}
      page={state.page + 1}
      perPage={state.size}
      onSetPage={(_e, p) => setState({ page: p - 1 })}
      onPerPageSelect={(_e, size) => setState({ size })}
      variant={bottom ? "bottom" : undefined}
      isCompact={compact}
      titles={label ? { paginationAriaLabel: `Pages of ${label}` } : undefined}
    />
  );
}
