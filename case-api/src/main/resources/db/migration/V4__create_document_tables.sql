-- Supporting documents. The bytes live in PostgreSQL (not on a local disk) so that they survive
-- restarts and every case-api replica serves them; the metadata table stays small for listings.
CREATE TABLE cases.case_document (
    id           uuid PRIMARY KEY,
    case_id      uuid         NOT NULL REFERENCES cases.export_case (id) ON DELETE CASCADE,
    filename     varchar(255) NOT NULL,
    content_type varchar(255) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    uploaded_by  varchar(100) NOT NULL,
    uploaded_at  timestamptz  NOT NULL
);

CREATE INDEX case_document_case_idx ON cases.case_document (case_id, uploaded_at);

CREATE TABLE cases.case_document_content (
    document_id uuid PRIMARY KEY REFERENCES cases.case_document (id) ON DELETE CASCADE,
    content     bytea NOT NULL
);
