-- Audit events are no longer chained by their writers (who all had to lock audit_chain_head until
-- their commit) but sealed after commit by AuditSealer: a writer inserts the event with an id from
-- a sequence and no position or hashes; the sealer, holding the head row, gives committed events
-- the next positions, their previous hash and their hash, and advances the head. The chain order
-- is the position, which is the sealing order; the id is only the insertion order.

-- The append-only trigger would refuse the backfill below; it is replaced further down.
DROP TRIGGER audit_event_append_only ON cases.audit_event;

-- Events chained under the previous scheme keep their place: their position was their id.
ALTER TABLE cases.audit_event ADD COLUMN position bigint;
UPDATE cases.audit_event SET position = id;
ALTER TABLE cases.audit_event ADD CONSTRAINT audit_event_position_key UNIQUE (position);

ALTER TABLE cases.audit_event ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE cases.audit_event ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE cases.audit_event ADD CONSTRAINT audit_event_sealed_whole CHECK (
    (position IS NULL AND previous_hash IS NULL AND hash IS NULL)
    OR (position IS NOT NULL AND previous_hash IS NOT NULL AND hash IS NOT NULL));

-- New events take their ids from a sequence that continues after the last chained event.
CREATE SEQUENCE cases.audit_event_id_seq OWNED BY cases.audit_event.id;
SELECT setval('cases.audit_event_id_seq', coalesce(max(id), 0) + 1, false) FROM cases.audit_event;
ALTER TABLE cases.audit_event ALTER COLUMN id SET DEFAULT nextval('cases.audit_event_id_seq');

-- What the sealer reads: the events still waiting for their place in the chain, in id order.
CREATE INDEX audit_event_unsealed_idx ON cases.audit_event (id) WHERE hash IS NULL;

-- Still append-only, with one exception: sealing an unsealed event once, i.e. setting its
-- position, previous hash and hash while leaving its content as written. Any other UPDATE and
-- every DELETE is refused (TRUNCATE stays refused by audit_event_no_truncate from V5).
CREATE FUNCTION cases.refuse_audit_event_change_but_sealing() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.hash IS NULL
        AND NEW.position IS NOT NULL
        AND NEW.previous_hash IS NOT NULL
        AND NEW.hash IS NOT NULL
        AND NEW.id IS NOT DISTINCT FROM OLD.id
        AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
        AND NEW.occurred_at IS NOT DISTINCT FROM OLD.occurred_at
        AND NEW.actor IS NOT DISTINCT FROM OLD.actor
        AND NEW.action IS NOT DISTINCT FROM OLD.action
        AND NEW.detail IS NOT DISTINCT FROM OLD.detail THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only (% on audit_event refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON cases.audit_event
    FOR EACH ROW EXECUTE FUNCTION cases.refuse_audit_event_change_but_sealing();
