-- The dashboard's breaches of open cases (DashboardQueries.breaches) read the due and pause times
-- of every open case. export_case_total_due_idx found them, but each row was then read from the
-- table (12,788 heap rows of 100,000 cases in the bench seed); covering the pause time makes the
-- count an index-only scan. Same key and predicate, so the case search's overdue filter, which
-- used the old index, uses this one.
DROP INDEX cases.export_case_total_due_idx;
CREATE INDEX export_case_open_due_idx ON cases.export_case (total_due_at) INCLUDE (sla_paused_at)
    WHERE closed_at IS NULL;
