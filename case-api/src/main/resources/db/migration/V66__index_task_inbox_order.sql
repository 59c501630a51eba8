-- The inboxes (TaskService.search) list a status's tasks in due order, a page at a time, for a
-- caller's roles OR tasks assigned to the caller. No index gave that order under the OR, so each
-- page read every open task of the role and sorted it: on the bench seed's half year (17,000 open
-- and 270,000 completed tasks) 145 ms for an auditor's open page and 55 ms for the completed one.
-- In this order the page stops after its 20 rows (0.2 and 8 ms); the included role and assignee
-- let the totals count from the index alone.
CREATE INDEX review_task_status_due_idx ON cases.review_task (status, due_at, created_at, id)
    INCLUDE (candidate_role, assignee);
