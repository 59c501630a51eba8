-- Workload per reviewer reads only open tasks, a small share of review_task once cases close;
-- covering them keeps the dashboard from scanning every task ever completed.
CREATE INDEX review_task_open_idx ON cases.review_task (case_id)
    INCLUDE (assignee, candidate_role, due_at) WHERE status = 'OPEN';
