-- Camunda user tasks (zeebe:userTask): no job, a task row that the REST user-task API reads and
-- changes. Written in the command's transaction (the row is the task's state, as engine.job is a
-- job's), so a task is searchable the moment its creating command answered. Finished tasks stay
-- with state COMPLETED or CANCELED and their completion date: the history the search serves.
CREATE TABLE engine.user_task (
    key                     bigint PRIMARY KEY,
    element_instance_key    bigint      NOT NULL,
    process_instance_key    bigint      NOT NULL,
    process_definition_key  bigint      NOT NULL,
    bpmn_process_id         text        NOT NULL,
    process_version         integer     NOT NULL,
    element_id              text        NOT NULL,
    name                    text,
    tenant_id               text        NOT NULL DEFAULT '<default>',
    -- CREATED (open), COMPLETED, CANCELED
    state                   text        NOT NULL,
    assignee                text,
    candidate_groups        text[]      NOT NULL DEFAULT '{}',
    candidate_users         text[]      NOT NULL DEFAULT '{}',
    due_date                timestamptz,
    follow_up_date          timestamptz,
    priority                integer     NOT NULL DEFAULT 50,
    external_form_reference text,
    custom_headers          jsonb       NOT NULL DEFAULT '{}',
    creation_date           timestamptz NOT NULL,
    completion_date         timestamptz
);
-- tasks of an instance (search by processInstanceKey, key-sorted cursors)
CREATE INDEX user_task_pi_idx ON engine.user_task (process_instance_key, key);
-- SetVariables on a task's element instance finds its process instance here
CREATE INDEX user_task_element_idx ON engine.user_task (element_instance_key);
-- a task list: open (or finished) tasks by state, key-sorted
CREATE INDEX user_task_state_idx ON engine.user_task (state, key);
-- "my tasks": open tasks of one assignee
CREATE INDEX user_task_assignee_idx ON engine.user_task (assignee, key) WHERE state = 'CREATED';
-- "tasks of my groups" / "tasks offered to me": array containment (= ANY, &&)
CREATE INDEX user_task_candidate_groups_idx ON engine.user_task USING gin (candidate_groups);
CREATE INDEX user_task_candidate_users_idx ON engine.user_task USING gin (candidate_users);
