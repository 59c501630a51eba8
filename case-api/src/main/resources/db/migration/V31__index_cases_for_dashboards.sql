-- Counts per status and ageing of open cases read only this index (drafts are never counted).
CREATE INDEX export_case_submitted_status_idx ON cases.export_case (status, submitted_at)
    WHERE submitted_at IS NOT NULL;
