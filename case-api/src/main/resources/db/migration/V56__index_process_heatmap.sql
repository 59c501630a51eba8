-- The process heat map (GET /api/dashboard/process-heatmap) and the case search's element filter
-- read these; each is partial so it covers only the rows those reads can want.

-- Open tasks per BPMN element, with what "overdue" needs.
CREATE INDEX review_task_open_element_idx ON cases.review_task (element_id)
    INCLUDE (case_id, due_at) WHERE status = 'OPEN';

-- Tasks completed in a window, with what the time spent needs (an index-only scan).
CREATE INDEX review_task_completed_idx ON cases.review_task (completed_at)
    INCLUDE (element_id, created_at, case_id) WHERE status = 'COMPLETED';

-- Cases that had matches to adjudicate (their screening stage time holds the adjudication).
CREATE INDEX review_task_adjudication_idx ON cases.review_task (case_id)
    WHERE task_type = 'ADJUDICATE_MATCHES';

-- Requests for information waiting for the applicant, and those answered in a window.
CREATE INDEX information_request_open_idx ON cases.information_request (stage)
    INCLUDE (case_id, answer_by) WHERE status = 'OPEN';
CREATE INDEX information_request_answered_idx ON cases.information_request (answered_at)
    INCLUDE (stage, asked_at, case_id) WHERE status = 'ANSWERED';

-- Cases whose SLA clock is stopped (an open request for information): the few whose tasks read
-- "overdue" against the stop time rather than now.
CREATE INDEX export_case_paused_idx ON cases.export_case (id) INCLUDE (sla_paused_at)
    WHERE sla_paused_at IS NOT NULL;
