-- Audit events are appended, never changed. The hash chain detects tampering by anyone; this
-- trigger stops the application's own role from doing it by accident.
CREATE FUNCTION cases.refuse_audit_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit events are append-only (% on audit_event refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON cases.audit_event
    FOR EACH ROW EXECUTE FUNCTION cases.refuse_audit_event_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON cases.audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION cases.refuse_audit_event_change();
