-- Throwaway load for timing the dashboard queries (see README "Dashboard performance"):
-- 100,000 submitted cases over the last two years with their status history, destinations and
-- items. Run against an EMPTY copy of the schema, e.g.
--   psql -v schema=dash_bench -f seed-100k-cases.sql
-- The history rows are generated here in bulk (the status trigger is disabled meanwhile), along
-- the same paths the process takes; cases whose next step would lie in the future stop there.
SET search_path = :schema;
ALTER TABLE export_case DISABLE TRIGGER USER;

CREATE TEMP TABLE seed AS
SELECT g,
       gen_random_uuid()                                          AS id,
       now() - random() * interval '730 days'                     AS submitted,
       interval '30 minutes' + random() * interval '4 hours'      AS d_submitted,
       interval '1 hour' + random() * interval '48 hours'         AS d_screening,
       random() < 0.08                                            AS no_licence,
       interval '1 day' + random() * interval '16 days'           AS d_review1,
       random() < 0.30                                            AS rfi,
       interval '1 day' + random() * interval '10 days'           AS d_waiting,
       interval '1 day' + random() * interval '8 days'            AS d_review2,
       interval '5 hours' + random() * interval '5 days'          AS d_approval,
       random() < 0.10                                            AS countersign,
       interval '2 hours' + random() * interval '4 days'          AS d_countersign,
       random() < 0.15                                            AS denied,
       random() < 0.03                                            AS withdrawn
FROM generate_series(1, 100000) g;

-- The path of each case as (status, entered, left), left null for the status it is in now.

CREATE TEMP TABLE seed_path AS
WITH t AS (
    SELECT s.*,
           s.submitted + s.d_submitted                           AS t_screening,
           s.submitted + s.d_submitted + s.d_screening           AS t_review
    FROM seed s
), steps AS (
    SELECT t.id, v.ord, v.status, v.entered
    FROM t CROSS JOIN LATERAL (VALUES
        (1, 'SUBMITTED', t.submitted),
        (2, 'SCREENING', t.t_screening),
        (3, CASE WHEN t.no_licence THEN 'NO_LICENCE_REQUIRED' ELSE 'UNDER_REVIEW' END, t.t_review),
        (4, CASE WHEN t.no_licence THEN NULL
                 WHEN t.rfi THEN 'AWAITING_APPLICANT' ELSE 'AWAITING_APPROVAL' END,
            t.t_review + t.d_review1),
        (5, CASE WHEN t.no_licence THEN NULL
                 WHEN t.rfi THEN 'UNDER_REVIEW'
                 WHEN t.withdrawn THEN 'WITHDRAWN'
                 WHEN t.countersign THEN 'COUNTERSIGN'
                 WHEN t.denied THEN 'DENIED' ELSE 'APPROVED' END,
            t.t_review + t.d_review1 + CASE WHEN t.rfi THEN t.d_waiting ELSE t.d_approval END),
        (6, CASE WHEN t.no_licence OR NOT t.rfi AND (t.withdrawn OR NOT t.countersign) THEN NULL
                 WHEN NOT t.rfi THEN CASE WHEN t.denied THEN 'DENIED' ELSE 'APPROVED' END
                 ELSE 'AWAITING_APPROVAL' END,
            t.t_review + t.d_review1 + CASE WHEN t.rfi THEN t.d_waiting + t.d_review2
                                            ELSE t.d_approval + t.d_countersign END),
        (7, CASE WHEN t.rfi THEN CASE WHEN t.withdrawn THEN 'WITHDRAWN'
                                      WHEN t.denied THEN 'DENIED' ELSE 'APPROVED' END END,
            t.t_review + t.d_review1 + t.d_waiting + t.d_review2 + t.d_approval)
    ) AS v(ord, status, entered)
    WHERE v.status IS NOT NULL AND v.entered < now()
)
SELECT id, ord, status, entered,
       lead(entered) OVER (PARTITION BY id ORDER BY ord) AS left_at
FROM steps;

INSERT INTO export_case (id, reference, status, organisation, created_by, created_at, updated_at,
                         submitted_at, closed_at)
SELECT s.id,
       'EL-BENCH-' || lpad(s.g::text, 7, '0'),
       last.status,
       'org-' || (s.g % 40),
       'bench',
       s.submitted - interval '1 day',
       last.entered,
       s.submitted,
       CASE WHEN last.status IN ('APPROVED', 'DENIED', 'WITHDRAWN', 'NO_LICENCE_REQUIRED',
                                 'RETURNED_WITHOUT_ACTION') THEN last.entered END
FROM seed s
JOIN seed_path last ON last.id = s.id AND last.left_at IS NULL;

INSERT INTO case_status_history (case_id, status, entered_at, left_at)
SELECT s.id, 'DRAFT', s.submitted - interval '1 day', s.submitted FROM seed s;
INSERT INTO case_status_history (case_id, status, entered_at, left_at)
SELECT id, status, entered, left_at FROM seed_path;

-- What the trigger keeps per case and stage: clock time summed over visits, and the total.
INSERT INTO case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
SELECT p.id, st.stage, sum(extract(epoch FROM p.left_at - p.entered)), max(p.left_at),
       st.stage = (SELECT cs.stage FROM export_case c JOIN case_status_stage cs ON cs.status = c.status
                    WHERE c.id = p.id)
FROM seed_path p JOIN case_status_stage st ON st.status = p.status AND st.clock_runs
WHERE p.left_at IS NOT NULL
GROUP BY p.id, st.stage;
INSERT INTO case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
SELECT c.id, 'TOTAL', coalesce(sum(t.seconds), 0), c.closed_at, false
FROM export_case c LEFT JOIN case_stage_time t ON t.case_id = c.id
WHERE c.closed_at IS NOT NULL
GROUP BY c.id, c.closed_at;

INSERT INTO case_destination (case_id, position, country_code)
SELECT s.id, 0, (ARRAY['JP','DE','FR','GB','US','IN','BR','SG','AE','KR','IL','NZ','AU','CA','CN',
                       'SA','TR','VN','MX','ZA'])[1 + s.g % 20]
FROM seed s;
INSERT INTO case_destination (case_id, position, country_code)
SELECT s.id, 1, (ARRAY['NL','SE','NO','FI','CH'])[1 + s.g % 5] FROM seed s WHERE s.g % 3 = 0;

INSERT INTO case_item (case_id, position, kind, description, eccn)
SELECT s.id, 0, 'AI_MODEL', 'bench item',
       (ARRAY['4E091','3A090','3A090.a','3A090.b','5D002','4A090','EAR99'])[1 + s.g % 7]
FROM seed s;

ALTER TABLE export_case ENABLE TRIGGER USER;
ANALYZE export_case;
ANALYZE case_status_history;
ANALYZE case_destination;
ANALYZE case_item;
ANALYZE case_stage_time;
