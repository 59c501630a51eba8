-- Licences issued on approval. Numbers (LIC-<year>-<6 digits>) come from their own sequence and
-- are never reused. One licence per case: the unique case_id makes a retried issue job find the
-- licence it already issued instead of issuing a second one.
CREATE SEQUENCE cases.licence_number_sequence START WITH 1 INCREMENT BY 1;

CREATE TABLE cases.licence (
    id                   uuid PRIMARY KEY,
    number               varchar(32)  NOT NULL,
    case_id              uuid         NOT NULL REFERENCES cases.export_case (id),
    case_reference       varchar(32)  NOT NULL,
    holder_organisation  varchar(100) NOT NULL,
    holder_contact_name  varchar(200),
    holder_contact_email varchar(320),
    status               varchar(16)  NOT NULL,
    valid_from           date         NOT NULL,
    valid_until          date         NOT NULL,
    issued_at            timestamptz  NOT NULL,
    issued_by            varchar(100) NOT NULL,
    status_reason        text,
    status_changed_at    timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT licence_number_unique UNIQUE (number),
    CONSTRAINT licence_case_unique UNIQUE (case_id),
    CONSTRAINT licence_validity_ordered CHECK (valid_until >= valid_from),
    CONSTRAINT licence_status_known
        CHECK (status IN ('ISSUED', 'SUSPENDED', 'REVOKED', 'EXHAUSTED', 'EXPIRED'))
);

CREATE INDEX licence_holder_idx ON cases.licence (holder_organisation, issued_at);
CREATE INDEX licence_expiry_idx ON cases.licence (valid_until) WHERE status IN ('ISSUED', 'SUSPENDED');

-- What the licence allows per item: at most quantity_limit units, at most value_limit in total.
CREATE TABLE cases.licence_item (
    licence_id     uuid           NOT NULL REFERENCES cases.licence (id) ON DELETE CASCADE,
    position       integer        NOT NULL,
    description    text           NOT NULL,
    eccn           varchar(32)    NOT NULL,
    quantity_limit numeric(19, 4) NOT NULL,
    unit           varchar(32)    NOT NULL,
    value_limit    numeric(19, 4) NOT NULL,
    currency       varchar(3)     NOT NULL,
    PRIMARY KEY (licence_id, position)
);

CREATE TABLE cases.licence_destination (
    licence_id   uuid       NOT NULL REFERENCES cases.licence (id) ON DELETE CASCADE,
    position     integer    NOT NULL,
    country_code varchar(2) NOT NULL,
    PRIMARY KEY (licence_id, position)
);

-- End users, ultimate end users and consignees named on the licence, copied from the case.
CREATE TABLE cases.licence_party (
    licence_id   uuid         NOT NULL REFERENCES cases.licence (id) ON DELETE CASCADE,
    position     integer      NOT NULL,
    role         varchar(32)  NOT NULL,
    name         varchar(200) NOT NULL,
    address      text,
    country_code varchar(2),
    PRIMARY KEY (licence_id, position)
);

CREATE TABLE cases.licence_condition (
    licence_id uuid    NOT NULL REFERENCES cases.licence (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    text       text    NOT NULL,
    PRIMARY KEY (licence_id, position)
);

-- The PDF rendered once at issue, so every download returns the same bytes.
CREATE TABLE cases.licence_document (
    licence_id uuid PRIMARY KEY REFERENCES cases.licence (id) ON DELETE CASCADE,
    sha256     char(64) NOT NULL,
    content    bytea    NOT NULL
);
