-- The search read tables learn the tenant of every row, so the REST searches answer each caller
-- only with the tenants it may use (Zeebe's multi-tenancy: what belongs to one tenant is invisible
-- to another's requests). The projector fills the column from the process definition of the row;
-- rows projected before this migration take it from their definition here.
ALTER TABLE engine.search_element_instance ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.search_variable ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.search_incident ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';

UPDATE engine.search_element_instance e SET tenant_id = d.tenant_id
    FROM engine.process_definition d
    WHERE d.key = e.process_definition_key AND d.tenant_id <> '<default>';
UPDATE engine.search_incident i SET tenant_id = d.tenant_id
    FROM engine.process_definition d
    WHERE d.key = i.process_definition_key AND d.tenant_id <> '<default>';
UPDATE engine.search_variable v SET tenant_id = e.tenant_id
    FROM engine.search_element_instance e
    WHERE e.key = v.process_instance_key AND e.tenant_id <> '<default>';

-- process-instance search of a caller limited to its tenants, newest or oldest keys first
CREATE INDEX search_process_instance_tenant_idx ON engine.search_element_instance (tenant_id, key)
    WHERE element_type = 'PROCESS';
