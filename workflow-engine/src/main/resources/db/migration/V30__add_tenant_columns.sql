-- Tenants, as Zeebe documents them: every deployed resource belongs to one tenant, and so do the
-- instances, jobs, messages and subscriptions that come from it. A request names its tenant (or
-- the tenants of a worker); what belongs to another tenant is invisible to it. Rows written
-- before tenants existed belong to the default tenant '<default>'.

-- Versions are counted per tenant and process id.
ALTER TABLE engine.process_definition ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.process_definition DROP CONSTRAINT process_definition_bpmn_process_id_version_key;
ALTER TABLE engine.process_definition ADD CONSTRAINT process_definition_tenant_version_key
    UNIQUE (tenant_id, bpmn_process_id, version);

-- Decisions likewise; a business rule task finds its decision in its own process's tenant.
ALTER TABLE engine.decision_requirements ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.decision_requirements DROP CONSTRAINT decision_requirements_decision_requirements_id_version_key;
ALTER TABLE engine.decision_requirements ADD CONSTRAINT decision_requirements_tenant_version_key
    UNIQUE (tenant_id, decision_requirements_id, version);
ALTER TABLE engine.decision ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.decision DROP CONSTRAINT decision_decision_id_version_key;
ALTER TABLE engine.decision ADD CONSTRAINT decision_tenant_version_key
    UNIQUE (tenant_id, decision_id, version);

-- A worker activates only jobs of its tenants. The activation index stays (type, due_at): the
-- type already narrows the scan to the jobs one worker pool competes for, and the tenant is a
-- filter on those rows.
ALTER TABLE engine.job ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.failed_job ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';

-- A message correlates only to subscriptions and starts only processes of its own tenant.
ALTER TABLE engine.message ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
DROP INDEX engine.message_name_key_idx;
CREATE INDEX message_name_key_idx ON engine.message (name, correlation_key, tenant_id, expires_at);
ALTER TABLE engine.message_subscription ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
DROP INDEX engine.message_subscription_name_key_idx;
CREATE INDEX message_subscription_name_key_idx
    ON engine.message_subscription (name, correlation_key, tenant_id);
ALTER TABLE engine.message_start_subscription ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.message_start_subscription DROP CONSTRAINT message_start_subscription_pkey;
ALTER TABLE engine.message_start_subscription ADD PRIMARY KEY (tenant_id, bpmn_process_id, message_name);
ALTER TABLE engine.message_start_instance ADD COLUMN tenant_id text NOT NULL DEFAULT '<default>';
ALTER TABLE engine.message_start_instance DROP CONSTRAINT message_start_instance_pkey;
ALTER TABLE engine.message_start_instance ADD PRIMARY KEY (tenant_id, bpmn_process_id, correlation_key);
