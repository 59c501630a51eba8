-- Keys are handed out in blocks of 100 per nextval() so an engine needs one round trip per
-- hundred keys; blocks never overlap, so keys stay unique across replicas.
ALTER SEQUENCE engine.key_sequence INCREMENT BY 100;

-- Deployed process definitions. The BPMN resource is kept so any replica can compile it again.
CREATE TABLE engine.process_definition (
    key               bigint PRIMARY KEY,
    bpmn_process_id   text        NOT NULL,
    version           integer     NOT NULL,
    resource_name     text        NOT NULL,
    checksum          text        NOT NULL,
    resource          bytea       NOT NULL,
    deployment_key    bigint      NOT NULL,
    deployed_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (bpmn_process_id, version)
);

-- One row per running process instance. Its runtime state (element-instance tree, variable
-- scopes, tokens waiting at joins) is one JSON document: a command locks the row, loads the
-- document, runs to the next wait state in memory and writes it back in the same transaction.
-- The row is deleted when the instance completes or is cancelled; history is in engine.record.
CREATE TABLE engine.process_instance (
    key                     bigint PRIMARY KEY,
    process_definition_key  bigint      NOT NULL,
    state                   jsonb       NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now()
);

-- The hot table: only jobs that are waiting for or held by a worker. due_at (epoch ms) is when
-- the job may be activated: 0/backoff end for activatable jobs, the deadline for activated ones,
-- so one index serves both "new" and "timed out" jobs.
CREATE TABLE engine.job (
    key                     bigint PRIMARY KEY,
    type                    text     NOT NULL,
    state                   smallint NOT NULL,
    due_at                  bigint   NOT NULL,
    created_at              bigint   NOT NULL,
    retries                 integer  NOT NULL,
    worker                  text,
    error_message           text,
    process_instance_key    bigint   NOT NULL,
    element_instance_key    bigint   NOT NULL,
    element_id              text     NOT NULL,
    process_definition_key  bigint   NOT NULL,
    bpmn_process_id         text     NOT NULL,
    process_version         integer  NOT NULL,
    custom_headers          text     NOT NULL
);
CREATE INDEX job_activation_idx ON engine.job (type, due_at);
CREATE INDEX job_process_instance_idx ON engine.job (process_instance_key);
CREATE INDEX job_element_instance_idx ON engine.job (element_instance_key);

-- Jobs that ran out of retries or threw an unhandled error: kept out of the hot table until
-- their incident is resolved.
CREATE TABLE engine.failed_job (LIKE engine.job INCLUDING DEFAULTS);
ALTER TABLE engine.failed_job ADD PRIMARY KEY (key);
ALTER TABLE engine.failed_job ADD COLUMN incident_key bigint;
CREATE INDEX failed_job_process_instance_idx ON engine.failed_job (process_instance_key);
CREATE INDEX failed_job_element_instance_idx ON engine.failed_job (element_instance_key);

CREATE TABLE engine.incident (
    key                   bigint PRIMARY KEY,
    process_instance_key  bigint      NOT NULL,
    element_instance_key  bigint      NOT NULL,
    element_id            text        NOT NULL,
    job_key               bigint,
    error_type            text        NOT NULL,
    error_message         text        NOT NULL,
    created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_process_instance_idx ON engine.incident (process_instance_key);

-- Results of instances created "with result" that completed on a replica other than the one
-- holding the waiting request; the waiting replica is told by NOTIFY and picks the row up.
CREATE TABLE engine.instance_result (
    process_instance_key  bigint PRIMARY KEY,
    variables             text        NOT NULL,
    completed_at          timestamptz NOT NULL DEFAULT now()
);

-- Append-only log of what happened, like Zeebe's exported records.
CREATE TABLE engine.record (
    position              bigserial PRIMARY KEY,
    key                   bigint      NOT NULL,
    value_type            text        NOT NULL,
    intent                text        NOT NULL,
    process_instance_key  bigint,
    value                 jsonb       NOT NULL,
    "timestamp"           timestamptz NOT NULL DEFAULT now(),
    txid                  xid8        NOT NULL DEFAULT pg_current_xact_id()
);

-- The sweep finds activated jobs whose deadline passed without scanning the whole table.
CREATE INDEX job_deadline_idx ON engine.job (due_at) WHERE state = 1;
