import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Spinner,
} from "@patternfly/react-core";
import ExclamationCircleIcon from "@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import { explain } from "../api";

export function Loading({ what }: { what: string }) {
  return (
    <EmptyState titleText={`Loading ${what}…`} headingLevel="h2" icon={Spinner}>
      <EmptyStateBody>This usually takes a moment.</EmptyStateBody>
    </EmptyState>
  );
}

export function Empty({
  title,
  detail,
  action,
}: {
  title: string;
  detail: ReactNode;
  action?: ReactNode;
}) {
  return (
    <EmptyState titleText={title} headingLevel="h2" icon={SearchIcon}>
      <EmptyStateBody>{detail}</EmptyStateBody>
      {action && (
        <EmptyStateFooter>
          <EmptyStateActions>{action}</EmptyStateActions>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
}

export function ErrorState({
  title,
  detail,
  error,
  onRetry,
}: {
  title: string;
  detail?: ReactNode;
  error?: unknown;
  onRetry?: () => void;
}) {
  return (
    <EmptyState titleText={title} headingLevel="h2" icon={ExclamationCircleIcon} status="danger">
      <EmptyStateBody>{detail ?? (error !== undefined ? explain(error) : null)}</EmptyStateBody>
      {onRetry && (
        <EmptyStateFooter>
          <EmptyStateActions>
            <Button variant="primary" onClick={onRetry}>
              Try again
            </Button>
          </EmptyStateActions>
        </EmptyStateFooter>
      )}
    </EmptyState>
  );
}

/**
 * The three states every list shows before its content: loading, failed (with the reason and
 * “Try again”), and empty (saying what to do). children renders the data otherwise.
 */
export function QueryStates<T>({
  query,
  what,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  /** What is loading, as in “Loading {what}…”. */
  what: string;
  errorTitle: string;
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; detail: ReactNode; action?: ReactNode };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) {
    return <ErrorState title={errorTitle} error={query.error} onRetry={() => query.refetch()} />;
  }
  if (empty && isEmpty?.(query.data)) return <Empty {...empty} />;
  return <>{children(query.data)}</>;
}
