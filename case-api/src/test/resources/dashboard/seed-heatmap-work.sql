-- Throwaway load for timing the process heat map (see README "Process heat map"): run it AFTER the
-- seed of `./clearance bench api` (100,000 cases inserted with their final status, one history row
-- each). It gives those cases the work the process would have left: open tasks at their element
-- for cases in review or approval, completed tasks for decided cases, open requests for the cases
-- awaiting the applicant and answered ones for a third of the decided, and screening stage times.
-- Times are spread over the last 4,000 hours, as the bench seed's submissions are.

INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id, task_type,
                               candidate_role, assignee, status, due_at, created_at, completed_at,
                               completed_by)
SELECT gen_random_uuid(), c.id, 8000000000000 + row_number() OVER (), 0, v.element, v.type, v.role,
       CASE WHEN random() < 0.5 THEN 'seed-' || v.role END,
       CASE WHEN c.status IN ('APPROVED', 'DENIED', 'WITHDRAWN', 'NO_LICENCE_REQUIRED')
            THEN 'COMPLETED' ELSE 'OPEN' END,
       c.submitted_at + interval '20 days',
       c.submitted_at + interval '2 hours',
       CASE WHEN c.status IN ('APPROVED', 'DENIED', 'WITHDRAWN', 'NO_LICENCE_REQUIRED')
            THEN c.submitted_at + interval '2 hours' + random() * interval '300 hours' END,
       CASE WHEN c.status IN ('APPROVED', 'DENIED', 'WITHDRAWN', 'NO_LICENCE_REQUIRED')
            THEN 'seed-' || v.role END
FROM cases.export_case c
CROSS JOIN LATERAL (VALUES
    ('Task_TechnicalAudit', 'TECHNICAL_AUDIT', 'auditor', ARRAY['UNDER_REVIEW', 'APPROVED', 'DENIED']),
    ('Task_LegalReview', 'LEGAL_REVIEW', 'legal', ARRAY['UNDER_REVIEW', 'AWAITING_APPLICANT', 'APPROVED', 'DENIED']),
    ('Task_Approval', 'APPROVAL', 'approver', ARRAY['AWAITING_APPROVAL', 'APPROVED', 'DENIED'])
) AS v(element, type, role, statuses)
WHERE c.reference LIKE 'EL-BENCH-%' AND c.status = ANY (v.statuses);

INSERT INTO cases.information_request (id, case_id, stage, question, asked_by, asked_at, answer_by,
                                       status, answer, answered_by, answered_at, job_key)
SELECT gen_random_uuid(), c.id, CASE WHEN random() < 0.5 THEN 'TECHNICAL_AUDIT' ELSE 'LEGAL_REVIEW' END,
       'Seeded question', 'seed-legal', c.submitted_at + interval '1 day',
       c.submitted_at + interval '11 days',
       CASE WHEN c.status = 'AWAITING_APPLICANT' THEN 'OPEN' ELSE 'ANSWERED' END,
       CASE WHEN c.status <> 'AWAITING_APPLICANT' THEN 'Seeded answer' END,
       CASE WHEN c.status <> 'AWAITING_APPLICANT' THEN 'seed-applicant' END,
       CASE WHEN c.status <> 'AWAITING_APPLICANT'
            THEN c.submitted_at + interval '1 day' + random() * interval '9 days' END,
       8100000000000 + row_number() OVER ()
FROM cases.export_case c
WHERE c.reference LIKE 'EL-BENCH-%'
  AND (c.status = 'AWAITING_APPLICANT' OR (c.status IN ('APPROVED', 'DENIED') AND random() < 0.33));

INSERT INTO cases.case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
SELECT c.id, 'SCREENING', extract(epoch FROM interval '1 hour' + random() * interval '48 hours'),
       c.submitted_at + interval '2 hours', false
FROM cases.export_case c
WHERE c.reference LIKE 'EL-BENCH-%' AND c.status NOT IN ('SUBMITTED', 'SCREENING')
ON CONFLICT DO NOTHING;
INSERT INTO cases.case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
SELECT c.id, 'TOTAL', extract(epoch FROM c.updated_at - c.submitted_at) + 3600, c.submitted_at + interval '200 hours', false
FROM cases.export_case c
WHERE c.reference LIKE 'EL-BENCH-%' AND c.status IN ('APPROVED', 'DENIED', 'WITHDRAWN', 'NO_LICENCE_REQUIRED')
ON CONFLICT DO NOTHING;

ANALYZE cases.review_task;
ANALYZE cases.information_request;
ANALYZE cases.case_stage_time;
ANALYZE cases.export_case;
