-- Read tables behind the REST searches (/v2/.../search) and statistics, projected from
-- engine.record after commit by search/SearchProjector: the command path writes nothing new
-- except one BRIN entry per record page. Eventually consistent (typically well under a second),
-- like Camunda's secondary storage.

-- The projector reads records of finished transactions by txid range; BRIN is nearly free to
-- maintain because txid grows with the insertion order of the log (xid8 has no BRIN operator
-- class, its 64-bit value as bigint has).
CREATE INDEX record_txid_brin ON engine.record USING brin ((txid::text::bigint))
    WITH (pages_per_range = 16);

-- Where the projector stands: every transaction with txid < next_txid has been projected.
CREATE TABLE engine.search_projection (
    id         integer PRIMARY KEY CHECK (id = 1),
    next_txid  xid8        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO engine.search_projection (id, next_txid) VALUES (1, '1'::xid8);

-- One row per element instance; the process itself is the row whose key is its instance key
-- (element_type 'PROCESS'). state: ACTIVE, COMPLETED, TERMINATED.
CREATE TABLE engine.search_element_instance (
    key                         bigint PRIMARY KEY,
    process_instance_key        bigint      NOT NULL,
    process_definition_key      bigint      NOT NULL,
    bpmn_process_id             text        NOT NULL,
    process_version             integer     NOT NULL,
    element_id                  text        NOT NULL,
    element_type                text        NOT NULL,
    flow_scope_key              bigint      NOT NULL,
    parent_process_instance_key bigint,
    parent_element_instance_key bigint,
    state                       text        NOT NULL,
    incident_key                bigint,
    start_date                  timestamptz NOT NULL,
    end_date                    timestamptz
);
-- element-instance search by instance (and the instance's sort by key)
CREATE INDEX search_element_instance_pi_idx ON engine.search_element_instance (process_instance_key, key);
-- process-instance search: only process rows, by definition, newest keys first or last
CREATE INDEX search_process_instance_idx ON engine.search_element_instance (process_definition_key, key)
    WHERE element_type = 'PROCESS';
CREATE INDEX search_process_instance_id_idx ON engine.search_element_instance (bpmn_process_id, key)
    WHERE element_type = 'PROCESS';
-- element statistics of a definition: counts per element id and state
CREATE INDEX search_element_statistics_idx ON engine.search_element_instance (process_definition_key, element_id, state);

CREATE TABLE engine.search_variable (
    key                  bigint PRIMARY KEY,
    name                 text   NOT NULL,
    value                text   NOT NULL,
    scope_key            bigint NOT NULL,
    process_instance_key bigint NOT NULL,
    UNIQUE (scope_key, name)
);
CREATE INDEX search_variable_pi_idx ON engine.search_variable (process_instance_key, key);
CREATE INDEX search_variable_name_idx ON engine.search_variable (name, key);

CREATE TABLE engine.search_incident (
    key                    bigint PRIMARY KEY,
    process_instance_key   bigint      NOT NULL,
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    element_id             text        NOT NULL,
    element_instance_key   bigint      NOT NULL,
    job_key                bigint,
    error_type             text        NOT NULL,
    error_message          text        NOT NULL,
    state                  text        NOT NULL,
    creation_time          timestamptz NOT NULL
);
CREATE INDEX search_incident_pi_idx ON engine.search_incident (process_instance_key, key);
CREATE INDEX search_incident_state_idx ON engine.search_incident (state, key);
