-- Published messages. A message stays here while it is buffered (expires_at in the future, epoch ms
-- of the engine clock) and, past that, until every correlation promised at publication is done.
CREATE TABLE engine.message (
    key             bigint PRIMARY KEY,
    name            text   NOT NULL,
    correlation_key text   NOT NULL,
    message_id      text,
    variables       text   NOT NULL,
    published_at    bigint NOT NULL,
    expires_at      bigint NOT NULL
);
CREATE INDEX message_name_key_idx ON engine.message (name, correlation_key, expires_at);
CREATE INDEX message_expiry_idx ON engine.message (expires_at);

-- Which process instances a message reached: a message correlates at most once per instance.
-- bpmn_process_id is set for instances a message started (at most once per process).
CREATE TABLE engine.message_correlation (
    message_key          bigint NOT NULL,
    process_instance_key bigint NOT NULL,
    bpmn_process_id      text,
    PRIMARY KEY (message_key, process_instance_key)
);
CREATE INDEX message_correlation_process_idx ON engine.message_correlation (message_key, bpmn_process_id);

-- Correlations decided at publication but run in the instance's own transaction afterwards (so a
-- publisher never waits for an instance lock while holding the correlation lock). Left-overs after
-- a crash are picked up by the scheduler.
CREATE TABLE engine.message_pending (
    message_key          bigint NOT NULL,
    process_instance_key bigint NOT NULL,
    PRIMARY KEY (message_key, process_instance_key)
);

-- Open subscriptions of waiting element instances: catch events, receive tasks, event-based
-- gateways (one per branch), activities with message boundary events, scopes with message event
-- sub-processes. element_instance_key is the waiting instance, element_id the catching element.
CREATE TABLE engine.message_subscription (
    key                  bigint PRIMARY KEY,
    name                 text    NOT NULL,
    correlation_key      text    NOT NULL,
    process_instance_key bigint  NOT NULL,
    element_instance_key bigint  NOT NULL,
    element_id           text    NOT NULL,
    interrupting         boolean NOT NULL
);
CREATE INDEX message_subscription_name_key_idx ON engine.message_subscription (name, correlation_key);
CREATE INDEX message_subscription_element_idx ON engine.message_subscription (element_instance_key);
CREATE INDEX message_subscription_process_idx ON engine.message_subscription (process_instance_key);

-- Message start events of the latest version of each process.
CREATE TABLE engine.message_start_subscription (
    bpmn_process_id        text   NOT NULL,
    message_name           text   NOT NULL,
    process_definition_key bigint NOT NULL,
    element_id             text   NOT NULL,
    PRIMARY KEY (bpmn_process_id, message_name)
);
CREATE INDEX message_start_subscription_name_idx ON engine.message_start_subscription (message_name);

-- Running instances started by a message with a correlation key: at most one per process and key.
CREATE TABLE engine.message_start_instance (
    bpmn_process_id      text   NOT NULL,
    correlation_key      text   NOT NULL,
    process_instance_key bigint NOT NULL UNIQUE,
    PRIMARY KEY (bpmn_process_id, correlation_key)
);

-- Due timers only (the Flowable lesson: a small table the scheduler scans by due time).
-- process_instance_key is null for timer start events. repetitions: remaining fires of a cycle
-- after this one (-1 = unbounded), 0 for a single timer; cycle_interval is the ISO duration.
CREATE TABLE engine.timer (
    key                    bigint PRIMARY KEY,
    due_at                 bigint  NOT NULL,
    process_definition_key bigint  NOT NULL,
    bpmn_process_id        text    NOT NULL,
    process_instance_key   bigint,
    element_instance_key   bigint,
    element_id             text    NOT NULL,
    repetitions            integer NOT NULL,
    cycle_interval         text
);
CREATE INDEX timer_due_idx ON engine.timer (due_at);
CREATE INDEX timer_element_instance_idx ON engine.timer (element_instance_key);
CREATE INDEX timer_start_idx ON engine.timer (bpmn_process_id) WHERE process_instance_key IS NULL;
