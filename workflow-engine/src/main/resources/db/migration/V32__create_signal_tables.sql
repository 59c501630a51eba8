-- Signals, as Zeebe documents them: a broadcast reaches every signal catch event (intermediate,
-- boundary, event sub-process start) waiting for its name in its tenant, and starts one instance
-- of every process whose latest version has a signal start event of that name.

-- Signal subscriptions of waiting element instances live with the message subscriptions (they open
-- and close with the same owners); a signal has no correlation key.
ALTER TABLE engine.message_subscription ADD COLUMN signal boolean NOT NULL DEFAULT false;
CREATE INDEX message_subscription_signal_idx ON engine.message_subscription (name, tenant_id)
    WHERE signal;

-- Signal start events of the latest version of each process (a redeploy replaces them).
CREATE TABLE engine.signal_start_subscription (
    tenant_id              text   NOT NULL,
    bpmn_process_id        text   NOT NULL,
    signal_name            text   NOT NULL,
    process_definition_key bigint NOT NULL,
    element_id             text   NOT NULL,
    PRIMARY KEY (tenant_id, bpmn_process_id, signal_name)
);
CREATE INDEX signal_start_subscription_name_idx
    ON engine.signal_start_subscription (signal_name, tenant_id);

-- A signal until every instance it must reach has had it. A signal thrown by a process instance is
-- written in that instance's transaction (broadcast = false) and broadcast right after its commit,
-- or by the message scheduler if the replica stopped in between.
CREATE TABLE engine.signal (
    key       bigint  PRIMARY KEY,
    name      text    NOT NULL,
    variables text    NOT NULL,
    tenant_id text    NOT NULL,
    broadcast boolean NOT NULL
);
CREATE INDEX signal_not_broadcast_idx ON engine.signal (key) WHERE NOT broadcast;

-- The subscriptions a broadcast signal found waiting and still has to trigger, each instance in its
-- own transaction (a catch event entered after the broadcast is not reached).
CREATE TABLE engine.signal_pending (
    signal_key           bigint NOT NULL,
    process_instance_key bigint NOT NULL,
    subscription_key     bigint NOT NULL,
    PRIMARY KEY (signal_key, subscription_key)
);
CREATE INDEX signal_pending_instance_idx ON engine.signal_pending (signal_key, process_instance_key);
