-- Named list views a user saves (the list screen and its URL query state: filters, sort,
-- columns, page), optionally shared with one realm role. Views hold no case data, only the
-- state of a screen, so sharing one reveals nothing its readers could not search for.
CREATE TABLE cases.saved_view (
    id               uuid PRIMARY KEY,
    owner            varchar(100)  NOT NULL,
    name             varchar(80)   NOT NULL,
    screen           varchar(40)   NOT NULL,
    query            varchar(2000) NOT NULL,
    shared_with_role varchar(32),
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL DEFAULT 0
);

-- A user's view names are unique per screen regardless of case ("Overdue" and "overdue" clash).
CREATE UNIQUE INDEX saved_view_owner_name_idx ON cases.saved_view (owner, screen, lower(name));
-- The views shared with a role, for its holders' pickers.
CREATE INDEX saved_view_shared_idx ON cases.saved_view (shared_with_role, screen)
    WHERE shared_with_role IS NOT NULL;
