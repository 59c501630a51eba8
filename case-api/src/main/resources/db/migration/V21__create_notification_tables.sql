-- The notification outbox: rows are written in the transaction of the case event they report,
-- read in-app, and e-mailed by a scheduled sender. A notification is addressed to one user, to a
-- role, or to the applicants of an organisation.
CREATE TABLE cases.notification (
    id                    uuid PRIMARY KEY,
    recipient_kind        varchar(16)  NOT NULL,
    recipient             varchar(100) NOT NULL,
    type                  varchar(48)  NOT NULL,
    case_id               uuid,
    case_reference        varchar(32),
    subject               varchar(300) NOT NULL,
    body                  text         NOT NULL,
    created_at            timestamptz  NOT NULL,
    email_state           varchar(16)  NOT NULL,
    email_attempts        integer      NOT NULL DEFAULT 0,
    email_next_attempt_at timestamptz,
    email_last_error      text,
    email_sent_at         timestamptz,
    CONSTRAINT notification_recipient_kind_known
        CHECK (recipient_kind IN ('USER', 'ROLE', 'ORGANISATION')),
    CONSTRAINT notification_email_state_known
        CHECK (email_state IN ('PENDING', 'SENT', 'FAILED', 'DISABLED'))
);

CREATE INDEX notification_recipient_idx ON cases.notification (recipient_kind, recipient, created_at);
CREATE INDEX notification_case_idx ON cases.notification (case_id);
-- The sender scans only what it may send now.
CREATE INDEX notification_email_due_idx ON cases.notification (email_next_attempt_at)
    WHERE email_state = 'PENDING';

-- Read state per user: a role's or organisation's notification is read by each user separately.
CREATE TABLE cases.notification_read (
    notification_id uuid         NOT NULL REFERENCES cases.notification (id) ON DELETE CASCADE,
    username        varchar(100) NOT NULL,
    read_at         timestamptz  NOT NULL,
    PRIMARY KEY (notification_id, username)
);

-- Users seen in authenticated requests, so that role and organisation recipients resolve to
-- e-mail addresses. Refreshed from each user's token.
CREATE TABLE cases.directory_user (
    username     varchar(100) PRIMARY KEY,
    display_name varchar(200),
    email        varchar(320),
    organisation varchar(100),
    roles        text[]       NOT NULL,
    last_seen_at timestamptz  NOT NULL
);

CREATE INDEX directory_user_organisation_idx ON cases.directory_user (organisation);
CREATE INDEX directory_user_roles_idx ON cases.directory_user USING gin (roles);
