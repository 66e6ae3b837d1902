-- The secretariat's desk, continued: a withdrawn document keeps the reason
-- (NULL while it stands), and the history of changes to documents (and
-- the other records the desk changes, by their subject, `document:12`):
-- who, when, why, each field before and after, as JSON.
-- Kept in lockstep with store-postgres/migrations/0017_desk_documents.sql.

ALTER TABLE documents ADD COLUMN withdrawn_reason TEXT;

CREATE TABLE record_changes (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    process  TEXT NOT NULL,
    subject  TEXT NOT NULL,
    kind     TEXT NOT NULL,
    at       TEXT NOT NULL,
    by_name  TEXT NOT NULL,
    reason   TEXT,
    changes  TEXT NOT NULL
);
CREATE INDEX record_changes_by_subject ON record_changes (process, subject, id);
