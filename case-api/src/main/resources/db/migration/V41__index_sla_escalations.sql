-- GET /api/escalations lists escalations newest first and narrows them by escalation time and by
-- case: without these it would sort the whole table for every page.
CREATE INDEX sla_escalation_escalated_idx ON cases.sla_escalation (escalated_at, id);
CREATE INDEX sla_escalation_case_idx ON cases.sla_escalation (case_id, escalated_at);
