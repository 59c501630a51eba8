package org.clearance.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tops the cases schema up to a number of submitted cases that look like a system that has run for
 * half a year, so that the dashboard summary and the process heat map read what they would read in
 * production. Set-based SQL in one transaction; a second run with the same target adds nothing, a
 * larger target adds the difference.
 *
 * <p>Per case it writes:
 *
 * <ul>
 *   <li>{@code export_case}: submitted uniformly over the last 26 weeks (created up to 3 days
 *       before), its current status, {@code closed_at} when that status is terminal, the SLA plan
 *       as {@code SlaPlanner.plan} computes it with the default targets of application.properties
 *       (adjudication 5, audit and legal 20 each after adjudication, approval 9 after both,
 *       countersign 5 working days, Monday to Friday in Europe/London less the default holidays;
 *       total 90 calendar days) and moved by an answered request for information as {@code
 *       SlaPlanner.resume} moves it; {@code sla_paused_at} while a request is open (and after it
 *       expired, as {@code RfiService} leaves it); {@code licence_required} once determined. One
 *       item, one end user and one destination, as before.
 *   <li>{@code case_status_history}: DRAFT, SUBMITTED, SCREENING, then UNDER_REVIEW, possibly
 *       AWAITING_APPLICANT and UNDER_REVIEW again, AWAITING_APPROVAL, possibly COUNTERSIGN, and
 *       APPROVED or DENIED; or an early end in NO_LICENCE_REQUIRED (8 %), WITHDRAWN during review
 *       (4 %) or RETURNED_WITHOUT_ACTION when the applicant did not answer within 10 days. A case
 *       stops at the last step that lies before now, so young cases are open and old ones closed. 7
 *       % of the technical audits take 30-100 days longer, so some cases breach the total target
 *       (decided late, and open past it).
 *   <li>{@code case_stage_time}: what the status trigger (V30) keeps for that history: clock
 *       seconds per stage summed over visits, the last exit, whether the case is in the stage now,
 *       and TOTAL for closed cases. The insert trigger is disabled for the seed's inserts only.
 *   <li>{@code review_task}: the tasks of export-licence.bpmn with their element ids, types,
 *       candidate roles and due dates (the stage due times the BPMN reads): adjudication (legal, 10
 *       % of the licensable cases), technical audit (auditor) and legal review (legal) in parallel,
 *       a second one after a request for information, approval (approver), countersign (manager, 10
 *       %). Completed ones by the demo realm's users (audrey; leo or lena; ava, or lena when she
 *       did not review the case); open ones 60 % claimed by them, the rest unclaimed; tasks of a
 *       case that ended early cancelled. Job and process instance keys are negative, so they never
 *       meet the engine's keys; completing a seeded task in the UI fails at the engine.
 *   <li>{@code information_request}: one per case that asked (20 % of the reviewed cases; 60 % by
 *       the audit), OPEN, ANSWERED or EXPIRED.
 * </ul>
 *
 * Not written: screening matches, audit events, documents, licences, escalations. The tables are
 * vacuumed and analysed afterwards.
 */
final class BenchmarkSeed {

  /** {@code clearance.sla.holidays}' default in case-api's application.properties. */
  private static final String HOLIDAYS =
      "'2026-12-25','2026-12-28','2027-01-01','2027-03-26','2027-03-29','2027-05-03',"
          + "'2027-05-31','2027-08-30','2027-12-27','2027-12-28'";

  private BenchmarkSeed() {}

  /**
   * Brings {@code export_case} to {@code target} rows; prints what it wrote and how long it took.
   */
  static void topUp(Connection connection, int target) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      long existing;
      try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM cases.export_case")) {
        rs.next();
        existing = rs.getLong(1);
      }
      if (existing >= target) {
        return;
      }
      long missing = target - existing;
      long started = System.nanoTime();
      connection.setAutoCommit(false);
      try {
        Steps step = new Steps(sql);
        write(sql, step, existing + 1, existing + missing);
        Map<String, Long> written = counts(sql);
        connection.commit();
        connection.setAutoCommit(true);
        // A system that has run for a while has these tables vacuumed (visibility map set, so
        // index-only scans are that) and analysed; otherwise autovacuum works through a million
        // new rows while the first scenario is measured.
        step.run(
            "vacuum",
            "VACUUM (ANALYZE) cases.export_case, cases.case_item, cases.case_party,"
                + " cases.case_destination, cases.case_status_history, cases.case_stage_time,"
                + " cases.review_task, cases.information_request");
        System.out.printf(
            "seeded %d cases in %.1f s: %s%n  seconds per step: %s%n",
            missing, (System.nanoTime() - started) / 1e9, written, step.seconds);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        connection.setAutoCommit(true);
        throw e;
      }
    }
  }

  private static void write(Statement sql, Steps step, long first, long last) throws SQLException {
    // Working days as a running index: N working days after a day is the working day whose
    // index is N higher (a non-working start counts from the next working day, at midnight).
    step.run(
        "calendar",
        """
        CREATE TEMP TABLE seed_day ON COMMIT DROP AS
        SELECT day, working, sum(working::int) OVER (ORDER BY day) AS idx
        FROM (SELECT d::date AS day,
                     extract(isodow FROM d) < 6 AND d::date <> ALL (ARRAY[%s]::date[]) AS working
              FROM generate_series(current_date - 400, current_date + 800, interval '1 day') d) days
        """
            .formatted(HOLIDAYS));
    sql.execute("CREATE UNIQUE INDEX ON seed_day (day)");
    sql.execute("CREATE UNIQUE INDEX ON seed_day (idx) WHERE working");
    sql.execute("ANALYZE seed_day");

    // The dice of each case: its path and how long each step takes.
    step.run(
        "dice",
        """
        CREATE TEMP TABLE seed ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, n,
               (ARRAY['acme-ai','borealis-chips','cirrus-labs','delta-foundry'])[1 + n %% 4] AS organisation,
               (ARRAY['JP','DE','IN','AE','BR','SG','CN','GB'])[1 + n %% 8] AS country,
               (ARRAY['4E091','3A090','4A090','EAR99'])[1 + n %% 4] AS eccn,
               now() - random() * interval '182 days' AS submitted_at,
               interval '1 hour' + random() * interval '3 days' AS d_draft,
               interval '1 minute' + random() * interval '30 minutes' AS d_submitted,
               interval '5 minutes' + random() * interval '4 hours' AS d_screening,
               random() < 0.08 AS no_licence,
               random() < 0.10 AS matches,
               interval '2 hours' + random() * interval '6 days' AS d_adjudication,
               random() < 0.04 AS withdrawn,
               random() AS r_rfi,
               interval '2 hours' + random() * interval '12 days' AS d_waiting,
               interval '1 day' + random() * interval '24 days'
                   + CASE WHEN random() < 0.07
                          THEN interval '30 days' + random() * interval '70 days'
                          ELSE interval '0' END AS d_audit,
               interval '1 day' + random() * interval '24 days' AS d_legal,
               interval '2 hours' + random() * interval '8 days' AS d_approval,
               random() < 0.10 AS countersign,
               interval '1 hour' + random() * interval '4 days' AS d_countersign,
               random() < 0.15 AS denied,
               random() < 0.5 AS by_leo,
               random() < 0.5 AS by_ava,
               random() < 0.6 AS claimed
        FROM generate_series(%d, %d) AS n
        """
            .formatted(first, last));

    // When each step happens (null: not on this case's path), before looking at now.
    step.run(
        "timeline",
        """
        CREATE TEMP TABLE seed_time ON COMMIT DROP AS
        WITH paths AS (
            SELECT s.*,
                   s.submitted_at + s.d_submitted AS t_screening,
                   s.submitted_at + s.d_submitted + s.d_screening AS t_screened,
                   s.matches AND NOT s.no_licence AS adjudicated,
                   CASE WHEN s.no_licence OR s.withdrawn THEN NULL
                        WHEN s.r_rfi < 0.12 THEN 'TECHNICAL_AUDIT'
                        WHEN s.r_rfi < 0.20 THEN 'LEGAL_REVIEW' END AS rfi_stage
            FROM seed s
        ), review AS (
            SELECT p.*,
                   CASE WHEN p.no_licence THEN NULL
                        ELSE p.t_screened
                             + CASE WHEN p.adjudicated THEN p.d_adjudication ELSE interval '0' END
                   END AS t_review
            FROM paths p
        ), asked AS (
            SELECT r.*,
                   r.t_review + CASE r.rfi_stage WHEN 'TECHNICAL_AUDIT' THEN r.d_audit / 2
                                                 WHEN 'LEGAL_REVIEW' THEN r.d_legal / 2 END AS t_asked,
                   r.rfi_stage IS NOT NULL AND r.d_waiting > interval '10 days' AS expired
            FROM review r
        ), branches AS (
            SELECT a.*,
                   CASE WHEN NOT a.expired THEN a.t_asked + a.d_waiting END AS t_answered,
                   CASE WHEN a.expired THEN a.t_asked + interval '10 days' END AS t_returned,
                   CASE WHEN a.withdrawn AND NOT a.no_licence
                        THEN a.t_review + least(a.d_audit, a.d_legal) / 2 END AS t_withdrawn,
                   CASE WHEN a.no_licence OR a.withdrawn OR a.expired THEN NULL
                        WHEN a.rfi_stage = 'TECHNICAL_AUDIT'
                        THEN a.t_asked + a.d_waiting + a.d_audit / 2
                        ELSE a.t_review + a.d_audit END AS t_audited,
                   CASE WHEN a.no_licence OR a.withdrawn OR a.expired THEN NULL
                        WHEN a.rfi_stage = 'LEGAL_REVIEW'
                        THEN a.t_asked + a.d_waiting + a.d_legal / 2
                        ELSE a.t_review + a.d_legal END AS t_legal_done
            FROM asked a
        )
        SELECT b.*,
               greatest(b.t_audited, b.t_legal_done) AS t_reviewed,
               greatest(b.t_audited, b.t_legal_done) + b.d_approval AS t_approval_done,
               greatest(b.t_audited, b.t_legal_done) + b.d_approval
                   + CASE WHEN b.countersign THEN b.d_countersign ELSE interval '0' END AS t_decided,
               coalesce(b.t_withdrawn, b.t_returned) AS t_ended_early
        FROM branches b
        """);

    // The statuses each case has been in up to now; left_at null for the one it is in.
    step.run(
        "path",
        """
        CREATE TEMP TABLE seed_step ON COMMIT DROP AS
        SELECT id, ord, status, entered, lead(entered) OVER (PARTITION BY id ORDER BY ord) AS left_at
        FROM (SELECT t.id, v.ord, v.status, v.entered
              FROM seed_time t CROSS JOIN LATERAL (VALUES
                  (0, 'DRAFT', t.submitted_at - t.d_draft),
                  (1, 'SUBMITTED', t.submitted_at),
                  (2, 'SCREENING', t.t_screening),
                  (3, 'NO_LICENCE_REQUIRED', CASE WHEN t.no_licence THEN t.t_screened END),
                  (4, 'UNDER_REVIEW', t.t_review),
                  (5, 'AWAITING_APPLICANT', t.t_asked),
                  (6, 'UNDER_REVIEW', t.t_answered),
                  (7, 'RETURNED_WITHOUT_ACTION', t.t_returned),
                  (8, 'WITHDRAWN', t.t_withdrawn),
                  (9, 'AWAITING_APPROVAL', t.t_reviewed),
                  (10, 'COUNTERSIGN', CASE WHEN t.countersign THEN t.t_approval_done END),
                  (11, CASE WHEN t.denied THEN 'DENIED' ELSE 'APPROVED' END, t.t_decided)
              ) AS v(ord, status, entered)
              WHERE v.entered < now()) AS steps
        """);
    step.run(
        "now",
        """
        CREATE TEMP TABLE seed_now ON COMMIT DROP AS
        SELECT p.id, p.status, p.entered, st.stage,
               CASE WHEN st.stage = 'CLOSED' THEN p.entered END AS closed_at
        FROM seed_step p JOIN cases.case_status_stage st ON st.status = p.status
        WHERE p.left_at IS NULL
        """);
    sql.execute("CREATE UNIQUE INDEX ON seed_now (id)");

    // The SLA plan: SlaPlanner.plan from submission, SlaPlanner.resume after an answer given
    // before now (working-day stages due at or after the pause move by the working days that
    // began in it, the calendar-day total by the time it took).
    step.run(
        "sla plan",
        """
        CREATE TEMP TABLE seed_plan ON COMMIT DROP AS
        WITH base AS (
            SELECT t.id, t.t_asked,
                   CASE WHEN t.t_answered < now() THEN t.t_answered END AS t_resumed,
                   CASE WHEN d.working THEN (t.submitted_at AT TIME ZONE 'Europe/London')::time
                        ELSE time '00:00' END AS at_time,
                   d.idx + CASE WHEN d.working THEN 0 ELSE 1 END AS first_idx,
                   t.submitted_at + interval '90 days' AS total
            FROM seed_time t
            JOIN seed_day d ON d.day = (t.submitted_at AT TIME ZONE 'Europe/London')::date
        ), planned AS (
            SELECT b.*,
                   ((SELECT day FROM seed_day WHERE working AND idx = b.first_idx + 5) + b.at_time)
                       AT TIME ZONE 'Europe/London' AS adjudication,
                   ((SELECT day FROM seed_day WHERE working AND idx = b.first_idx + 25) + b.at_time)
                       AT TIME ZONE 'Europe/London' AS review,
                   ((SELECT day FROM seed_day WHERE working AND idx = b.first_idx + 34) + b.at_time)
                       AT TIME ZONE 'Europe/London' AS approval,
                   ((SELECT day FROM seed_day WHERE working AND idx = b.first_idx + 39) + b.at_time)
                       AT TIME ZONE 'Europe/London' AS countersign,
                   coalesce((SELECT e.idx - s.idx FROM seed_day s, seed_day e
                              WHERE s.day = (b.t_asked AT TIME ZONE 'Europe/London')::date
                                AND e.day = (b.t_resumed AT TIME ZONE 'Europe/London')::date), 0)
                       AS paused_days
            FROM base b
        )
        SELECT p.id, p.t_resumed, p.adjudication, p.review AS review_before, p.approval AS approval_before,
               p.countersign AS countersign_before,
               CASE WHEN p.t_resumed IS NULL OR p.adjudication < p.t_asked THEN p.adjudication
                    ELSE ((SELECT day FROM seed_day WHERE working AND idx = p.first_idx + 5 + p.paused_days)
                          + p.at_time) AT TIME ZONE 'Europe/London' END AS adjudication_after,
               CASE WHEN p.t_resumed IS NULL OR p.review < p.t_asked THEN p.review
                    ELSE ((SELECT day FROM seed_day WHERE working AND idx = p.first_idx + 25 + p.paused_days)
                          + p.at_time) AT TIME ZONE 'Europe/London' END AS review_after,
               CASE WHEN p.t_resumed IS NULL OR p.approval < p.t_asked THEN p.approval
                    ELSE ((SELECT day FROM seed_day WHERE working AND idx = p.first_idx + 34 + p.paused_days)
                          + p.at_time) AT TIME ZONE 'Europe/London' END AS approval_after,
               CASE WHEN p.t_resumed IS NULL OR p.countersign < p.t_asked THEN p.countersign
                    ELSE ((SELECT day FROM seed_day WHERE working AND idx = p.first_idx + 39 + p.paused_days)
                          + p.at_time) AT TIME ZONE 'Europe/London' END AS countersign_after,
               CASE WHEN p.t_resumed IS NULL OR p.total < p.t_asked THEN p.total
                    ELSE p.total + (p.t_resumed - p.t_asked) END AS total_after
        FROM planned p
        """);
    sql.execute("CREATE UNIQUE INDEX ON seed_plan (id)");

    sql.execute("ALTER TABLE cases.export_case DISABLE TRIGGER export_case_status_inserted");
    step.run(
        "cases",
        """
        INSERT INTO cases.export_case (id, reference, status, organisation, created_by,
            contact_name, contact_email, end_use_statement, created_at, updated_at, submitted_at,
            closed_at, licence_required, adjudication_due_at, audit_due_at, legal_due_at,
            approval_due_at, countersign_due_at, total_due_at, rfi_timeout, sla_paused_at)
        SELECT s.id, 'EL-BENCH-' || lpad(s.n::text, 7, '0'), c.status, s.organisation, 'seed',
               'Seed Contact', 'seed@example.com', 'Benchmark seed case ' || s.n,
               t.submitted_at - t.d_draft, c.entered, t.submitted_at, c.closed_at,
               CASE WHEN t.t_screened < now() THEN NOT t.no_licence END,
               p.adjudication_after, p.review_after, p.review_after, p.approval_after,
               p.countersign_after, p.total_after, 'PT240H',
               CASE WHEN c.status = 'AWAITING_APPLICANT' OR c.status = 'RETURNED_WITHOUT_ACTION'
                    THEN t.t_asked END
        FROM seed s JOIN seed_time t ON t.id = s.id JOIN seed_now c ON c.id = s.id
        JOIN seed_plan p ON p.id = s.id
        """);
    sql.execute("ALTER TABLE cases.export_case ENABLE TRIGGER export_case_status_inserted");
    step.run(
        "history",
        """
        INSERT INTO cases.case_status_history (case_id, status, entered_at, left_at)
        SELECT id, status, entered, left_at FROM seed_step
        """);
    // What the status trigger keeps per case and stage for that history.
    step.run(
        "stage times",
        """
        INSERT INTO cases.case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
        SELECT p.id, st.stage, sum(extract(epoch FROM p.left_at - p.entered)), max(p.left_at),
               st.stage = c.stage
        FROM seed_step p
        JOIN cases.case_status_stage st ON st.status = p.status AND st.clock_runs
        JOIN seed_now c ON c.id = p.id
        WHERE p.left_at IS NOT NULL
        GROUP BY p.id, st.stage, c.stage
        """);
    step.run(
        "totals",
        """
        INSERT INTO cases.case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
        SELECT c.id, 'TOTAL', coalesce(sum(t.seconds), 0), c.closed_at, false
        FROM seed_now c LEFT JOIN cases.case_stage_time t ON t.case_id = c.id
        WHERE c.closed_at IS NOT NULL
        GROUP BY c.id, c.closed_at
        """);

    // The user tasks of each path: (slot, element, type, role, created, planned end, outcome,
    // the user who takes it, due), then cut at the early end of the case and at now.
    step.run(
        "tasks",
        """
        INSERT INTO cases.review_task (id, case_id, job_key, process_instance_key, element_id,
            task_type, candidate_role, assignee, status, due_at, created_at, claimed_at,
            completed_at, completed_by, decision, close_reason)
        SELECT gen_random_uuid(), k.id, -(k.n * 10 + k.slot), -k.n, k.element, k.task_type,
               k.role,
               CASE WHEN k.state = 'COMPLETED' OR k.claimed THEN k.person END,
               k.state, k.due, k.created,
               CASE WHEN k.state = 'COMPLETED' OR k.claimed
                    THEN k.created + (least(k.ends, k.t_ended_early, now()) - k.created) / 10 END,
               CASE WHEN k.state <> 'OPEN' THEN least(k.ends, k.t_ended_early) END,
               CASE WHEN k.state = 'COMPLETED' THEN k.person END,
               CASE WHEN k.state = 'COMPLETED' THEN k.decision END,
               CASE WHEN k.state = 'CANCELLED' THEN 'case ' || c.status END
        FROM (SELECT s.n, s.claimed, t.id, t.t_ended_early, v.*,
                     CASE WHEN t.t_ended_early <= v.ends AND t.t_ended_early < now() THEN 'CANCELLED'
                          WHEN v.ends < now() THEN 'COMPLETED'
                          ELSE 'OPEN' END AS state
              FROM seed s JOIN seed_time t ON t.id = s.id JOIN seed_plan p ON p.id = s.id
              CROSS JOIN LATERAL (VALUES
                  (0, 'Task_AdjudicateMatches', 'ADJUDICATE_MATCHES', 'legal',
                   CASE WHEN t.adjudicated THEN t.t_screened END, t.t_review,
                   CASE WHEN s.by_leo THEN 'leo' ELSE 'lena' END,
                   '{"outcome":"COMPLETE"}', p.adjudication),
                  (1, 'Task_TechnicalAudit', 'TECHNICAL_AUDIT', 'auditor', t.t_review,
                   CASE WHEN t.rfi_stage = 'TECHNICAL_AUDIT' THEN t.t_asked
                        ELSE coalesce(t.t_audited, 'infinity') END,
                   'audrey',
                   CASE WHEN t.rfi_stage = 'TECHNICAL_AUDIT'
                        THEN '{"outcome":"REQUEST_INFORMATION","question":"Seeded question"}'
                        ELSE '{"outcome":"COMPLETE"}' END,
                   p.review_before),
                  (2, 'Task_TechnicalAudit', 'TECHNICAL_AUDIT', 'auditor',
                   CASE WHEN t.rfi_stage = 'TECHNICAL_AUDIT' THEN t.t_answered END, t.t_audited,
                   'audrey', '{"outcome":"COMPLETE"}', p.review_after),
                  (3, 'Task_LegalReview', 'LEGAL_REVIEW', 'legal', t.t_review,
                   CASE WHEN t.rfi_stage = 'LEGAL_REVIEW' THEN t.t_asked
                        ELSE coalesce(t.t_legal_done, 'infinity') END,
                   CASE WHEN s.by_leo THEN 'leo' ELSE 'lena' END,
                   CASE WHEN t.rfi_stage = 'LEGAL_REVIEW'
                        THEN '{"outcome":"REQUEST_INFORMATION","question":"Seeded question"}'
                        ELSE '{"outcome":"COMPLETE"}' END,
                   p.review_before),
                  (4, 'Task_LegalReview', 'LEGAL_REVIEW', 'legal',
                   CASE WHEN t.rfi_stage = 'LEGAL_REVIEW' THEN t.t_answered END, t.t_legal_done,
                   CASE WHEN s.by_leo THEN 'leo' ELSE 'lena' END, '{"outcome":"COMPLETE"}',
                   p.review_after),
                  (5, 'Task_Approval', 'APPROVAL', 'approver', t.t_reviewed, t.t_approval_done,
                   CASE WHEN s.by_ava OR NOT s.by_leo THEN 'ava' ELSE 'lena' END,
                   CASE WHEN t.denied AND NOT t.countersign
                        THEN '{"outcome":"DENY","reasons":["Seeded denial"]}'
                        ELSE '{"outcome":"APPROVE"}' END,
                   p.approval_after),
                  (6, 'Task_Countersign', 'COUNTERSIGN', 'manager',
                   CASE WHEN t.countersign THEN t.t_approval_done END, t.t_decided, 'max',
                   CASE WHEN t.denied THEN '{"outcome":"DENY","reasons":["Seeded denial"]}'
                        ELSE '{"outcome":"APPROVE"}' END,
                   p.countersign_after)
              ) AS v(slot, element, task_type, role, created, ends, person, decision, due)
              WHERE v.created < now() AND (t.t_ended_early IS NULL OR v.created < t.t_ended_early)
             ) AS k
        JOIN seed_now c ON c.id = k.id
        """);
    step.run(
        "requests",
        """
        INSERT INTO cases.information_request (id, case_id, stage, question, asked_by, asked_at,
            answer_by, status, answer, answered_by, answered_at, job_key)
        SELECT gen_random_uuid(), t.id, t.rfi_stage, 'Seeded question',
               CASE WHEN t.rfi_stage = 'TECHNICAL_AUDIT' THEN 'audrey'
                    WHEN t.by_leo THEN 'leo' ELSE 'lena' END,
               t.t_asked, t.t_asked + interval '10 days',
               CASE WHEN t.t_answered < now() THEN 'ANSWERED'
                    WHEN t.t_returned < now() THEN 'EXPIRED' ELSE 'OPEN' END,
               CASE WHEN t.t_answered < now() THEN 'Seeded answer' END,
               CASE WHEN t.t_answered < now() THEN 'seed' END,
               CASE WHEN t.t_answered < now() THEN t.t_answered END,
               -(t.n * 10 + 9)
        FROM seed_time t
        WHERE t.t_asked < now()
        """);
  }

  private static Map<String, Long> counts(Statement sql) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (ResultSet rs =
        sql.executeQuery(
            """
            SELECT (SELECT count(*) FROM seed_now WHERE closed_at IS NULL),
                   (SELECT count(*) FROM seed_step),
                   (SELECT count(*) FROM cases.review_task t JOIN seed s ON s.id = t.case_id
                     WHERE t.status = 'OPEN'),
                   (SELECT count(*) FROM cases.review_task t JOIN seed s ON s.id = t.case_id),
                   (SELECT count(*) FROM cases.information_request r JOIN seed s ON s.id = r.case_id)
            """)) {
      rs.next();
      counts.put("open cases", rs.getLong(1));
      counts.put("history rows", rs.getLong(2));
      counts.put("open tasks", rs.getLong(3));
      counts.put("tasks", rs.getLong(4));
      counts.put("requests for information", rs.getLong(5));
    }
    return counts;
  }

  /** Runs statements and keeps how long each named one took, for the seed's printout. */
  private static final class Steps {
    private final Statement sql;
    private final Map<String, String> seconds = new LinkedHashMap<>();

    Steps(Statement sql) {
      this.sql = sql;
    }

    void run(String name, String statement) throws SQLException {
      long started = System.nanoTime();
      sql.execute(statement);
      seconds.put(name, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    }
  }
}
