-- Every status a case has been in, with when it entered and left it, and per case the time spent
-- in each stage: the sources of cycle times and throughput on the manager dashboards. Triggers
-- write both, so no Java code path (nor a manual UPDATE) can change a status without a trace.

-- The stage of each status (mirrors CaseStatus.stage(); DashboardSchemaTest keeps them equal) and
-- whether the SLA clock runs in it: not while drafting, nor while the applicant is asked for
-- information (DOMAIN.md: applicant waiting time is excluded).
CREATE TABLE cases.case_status_stage (
    status     varchar(32) PRIMARY KEY,
    stage      varchar(16) NOT NULL,
    clock_runs boolean     NOT NULL
);

INSERT INTO cases.case_status_stage (status, stage, clock_runs) VALUES
    ('DRAFT', 'DRAFTING', false),
    ('SUBMITTED', 'SCREENING', true),
    ('SCREENING', 'SCREENING', true),
    ('UNDER_REVIEW', 'REVIEW', true),
    ('AWAITING_APPLICANT', 'REVIEW', false),
    ('AWAITING_APPROVAL', 'APPROVAL', true),
    ('COUNTERSIGN', 'APPROVAL', true),
    ('APPROVED', 'CLOSED', false),
    ('DENIED', 'CLOSED', false),
    ('RETURNED_WITHOUT_ACTION', 'CLOSED', false),
    ('WITHDRAWN', 'CLOSED', false),
    ('NO_LICENCE_REQUIRED', 'CLOSED', false);

-- left_at is null for the status the case is in now.
CREATE TABLE cases.case_status_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES cases.export_case (id) ON DELETE CASCADE,
    status     varchar(32) NOT NULL,
    entered_at timestamptz NOT NULL,
    left_at    timestamptz,
    CONSTRAINT case_status_history_order CHECK (left_at IS NULL OR left_at >= entered_at)
);

-- At most one current status per case; also the lookup that closes it.
CREATE UNIQUE INDEX case_status_history_current_idx
    ON cases.case_status_history (case_id) WHERE left_at IS NULL;
CREATE INDEX case_status_history_case_idx ON cases.case_status_history (case_id, entered_at);
-- Weekly submissions.
CREATE INDEX case_status_history_submitted_idx
    ON cases.case_status_history (entered_at) INCLUDE (case_id) WHERE status = 'SUBMITTED';

-- Seconds the clock ran in each stage of a case, summed over its visits, when the case last left
-- the stage, and whether it is in that stage now (then its time is not final); stage 'TOTAL' is
-- written when a submitted case closes (submission to decision, applicant waiting excluded).
-- Cycle-time percentiles read these rows instead of re-adding the history on every request.
CREATE TABLE cases.case_stage_time (
    case_id      uuid             NOT NULL REFERENCES cases.export_case (id) ON DELETE CASCADE,
    stage        varchar(16)      NOT NULL,
    seconds      double precision NOT NULL,
    last_left_at timestamptz      NOT NULL,
    in_stage     boolean          NOT NULL,
    PRIMARY KEY (case_id, stage)
);

CREATE INDEX case_stage_time_done_idx
    ON cases.case_stage_time (stage, last_left_at) INCLUDE (case_id, seconds) WHERE NOT in_stage;

-- The change is dated by the case's own updated_at (the application clock, which moveTo sets)
-- when the same UPDATE moved it, else by the transaction time (a raw UPDATE that forgot it).
CREATE FUNCTION cases.record_case_status() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed_at      timestamptz;
    previous_status varchar(32);
    previous_at     timestamptz;
    previous_stage  cases.case_status_stage%ROWTYPE;
    new_stage       varchar(16);
BEGIN
    IF TG_OP = 'INSERT' THEN
        changed_at := coalesce(NEW.updated_at, now());
    ELSE
        changed_at := CASE
            WHEN NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN NEW.updated_at
            ELSE now() END;
        UPDATE cases.case_status_history
           SET left_at = greatest(changed_at, entered_at)
         WHERE case_id = NEW.id AND left_at IS NULL
        RETURNING status, entered_at INTO previous_status, previous_at;
        changed_at := greatest(changed_at, previous_at);

        SELECT * INTO previous_stage FROM cases.case_status_stage WHERE status = previous_status;
        SELECT stage INTO new_stage FROM cases.case_status_stage WHERE status = NEW.status;
        IF previous_stage.stage IS DISTINCT FROM new_stage THEN
            UPDATE cases.case_stage_time SET in_stage = (stage = new_stage)
             WHERE case_id = NEW.id AND stage IN (previous_stage.stage, new_stage);
        END IF;
        IF previous_stage.clock_runs THEN
            INSERT INTO cases.case_stage_time AS t (case_id, stage, seconds, last_left_at, in_stage)
            VALUES (NEW.id, previous_stage.stage, extract(epoch FROM changed_at - previous_at),
                    changed_at, previous_stage.stage = new_stage)
            ON CONFLICT (case_id, stage) DO UPDATE
               SET seconds = t.seconds + EXCLUDED.seconds, last_left_at = EXCLUDED.last_left_at;
        END IF;
        IF new_stage = 'CLOSED' AND NEW.submitted_at IS NOT NULL THEN
            INSERT INTO cases.case_stage_time (case_id, stage, seconds, last_left_at, in_stage)
            SELECT NEW.id, 'TOTAL', coalesce(sum(seconds), 0), changed_at, false
              FROM cases.case_stage_time WHERE case_id = NEW.id AND stage <> 'TOTAL'
            ON CONFLICT (case_id, stage) DO NOTHING;
        END IF;
    END IF;
    INSERT INTO cases.case_status_history (case_id, status, entered_at)
    VALUES (NEW.id, NEW.status, changed_at);
    RETURN NULL;
END;
$$;

CREATE TRIGGER export_case_status_inserted
    AFTER INSERT ON cases.export_case
    FOR EACH ROW EXECUTE FUNCTION cases.record_case_status();

CREATE TRIGGER export_case_status_changed
    AFTER UPDATE OF status ON cases.export_case
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION cases.record_case_status();
