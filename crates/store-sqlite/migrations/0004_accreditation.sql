-- Stakeholder accreditation with a no-objection period, and meeting registration.
-- Kept in lockstep with store-postgres/migrations/0004_accreditation.sql.

CREATE TABLE accreditation_settings (
    process        TEXT PRIMARY KEY REFERENCES processes (slug),
    objection_days INTEGER NOT NULL CHECK (objection_days >= 0)
);

CREATE TABLE accreditation_applications (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    process            TEXT NOT NULL REFERENCES processes (slug),
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL,
    country            TEXT NOT NULL REFERENCES actors (code),
    website            TEXT NOT NULL,
    ecosoc_status      BOOLEAN NOT NULL,
    description        TEXT NOT NULL,
    applied_at         TEXT NOT NULL,
    objection_deadline TEXT NOT NULL,
    status             TEXT NOT NULL,
    decided_at         TEXT,
    decided_by         INTEGER REFERENCES accounts (id),
    decision_note      TEXT,
    actor              TEXT REFERENCES actors (code)
);
CREATE INDEX accreditation_applications_by_process ON accreditation_applications (process, id);

CREATE TABLE accreditation_objections (
    application_id INTEGER NOT NULL REFERENCES accreditation_applications (id),
    state          TEXT NOT NULL REFERENCES actors (code),
    account_id     INTEGER NOT NULL REFERENCES accounts (id),
    at             TEXT NOT NULL,
    reason         TEXT NOT NULL,
    PRIMARY KEY (application_id, state)
);

CREATE TABLE meeting_registrations (
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    actor         TEXT NOT NULL REFERENCES actors (code),
    registered_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, account_id)
);
