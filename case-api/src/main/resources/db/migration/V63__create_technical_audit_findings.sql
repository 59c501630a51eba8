-- The findings of a technical audit, one row each in the auditor's order. A table rather than
-- more JSON in review_task.decision: the database checks severity and length, and a compliance
-- office can ask "which cases carry a critical finding" with an index instead of parsing text.
CREATE TABLE cases.technical_audit_finding (
    task_id  uuid          NOT NULL REFERENCES cases.review_task (id) ON DELETE CASCADE,
    position integer       NOT NULL CHECK (position >= 0),
    severity varchar(16)   NOT NULL
        CHECK (severity IN ('OBSERVATION', 'MINOR', 'MAJOR', 'CRITICAL')),
    text     varchar(2000) NOT NULL CHECK (length(btrim(text)) > 0),
    PRIMARY KEY (task_id, position)
);

CREATE INDEX technical_audit_finding_severity_idx
    ON cases.technical_audit_finding (severity, task_id);

-- What the auditor examined (documents, tests, sources): its own typed column beside the task.
ALTER TABLE cases.review_task
    ADD COLUMN audit_evidence varchar(4000);
