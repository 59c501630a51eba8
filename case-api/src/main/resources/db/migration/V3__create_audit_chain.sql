-- An append-only audit trail. Every event hashes its own content together with the previous
-- event's hash, so altering, removing or reordering an event breaks the chain from there on.
CREATE TABLE cases.audit_event (
    id            bigint PRIMARY KEY,
    case_id       uuid,
    occurred_at   timestamptz  NOT NULL,
    actor         varchar(100) NOT NULL,
    action        varchar(64)  NOT NULL,
    detail        text         NOT NULL,
    previous_hash char(64)     NOT NULL,
    hash          char(64)     NOT NULL
);

CREATE INDEX audit_event_case_idx ON cases.audit_event (case_id, id);

-- One row: the last position and hash of the chain. Writers lock it (SELECT ... FOR UPDATE), so
-- events are chained in commit order even with many case-api replicas.
CREATE TABLE cases.audit_chain_head (
    id            integer PRIMARY KEY CHECK (id = 1),
    last_position bigint   NOT NULL,
    last_hash     char(64) NOT NULL
);

INSERT INTO cases.audit_chain_head (id, last_position, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
