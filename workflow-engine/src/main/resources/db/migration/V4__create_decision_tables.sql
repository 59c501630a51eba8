-- Deployed decision requirements graphs (one per DMN resource). The resource is kept so any
-- replica can parse it again; versions count per DRG id.
CREATE TABLE engine.decision_requirements (
    key                         bigint PRIMARY KEY,
    decision_requirements_id    text        NOT NULL,
    name                        text        NOT NULL,
    version                     integer     NOT NULL,
    resource_name               text        NOT NULL,
    checksum                    text        NOT NULL,
    resource                    bytea       NOT NULL,
    deployment_key              bigint      NOT NULL,
    deployed_at                 timestamptz NOT NULL DEFAULT now(),
    UNIQUE (decision_requirements_id, version)
);

-- Deployed decisions; versions count per decision id. A decision belongs to one DRG version.
CREATE TABLE engine.decision (
    key                         bigint PRIMARY KEY,
    decision_id                 text    NOT NULL,
    name                        text    NOT NULL,
    version                     integer NOT NULL,
    decision_requirements_key   bigint  NOT NULL REFERENCES engine.decision_requirements (key),
    decision_requirements_id    text    NOT NULL,
    deployment_key              bigint  NOT NULL,
    UNIQUE (decision_id, version)
);
CREATE INDEX decision_requirements_idx ON engine.decision (decision_requirements_key);
