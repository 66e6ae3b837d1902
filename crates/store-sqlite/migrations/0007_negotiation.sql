-- The negotiation phase: drafts, versions (each text a JSON tree), amendments
-- with co-sponsors, support and objections, paragraph statuses, silence
-- procedures and the letters breaking silence.
-- Kept in lockstep with store-postgres/migrations/0007_negotiation.sql.

CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process    TEXT NOT NULL REFERENCES processes (slug),
    slug       TEXT NOT NULL,
    title      TEXT NOT NULL,
    simulated  INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (process, slug)
);

CREATE TABLE draft_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id       INTEGER NOT NULL REFERENCES drafts (id),
    seq            INTEGER NOT NULL,
    label          TEXT NOT NULL,
    issued_on      TEXT NOT NULL,
    body           TEXT NOT NULL,
    changes        TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    issued_by      TEXT NOT NULL,
    issued_at      TEXT NOT NULL,
    UNIQUE (draft_id, seq),
    UNIQUE (draft_id, label),
    UNIQUE (draft_id, content_sha256)
);

CREATE TABLE amendments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id    INTEGER NOT NULL REFERENCES draft_versions (id),
    number        INTEGER NOT NULL,
    proposer      TEXT NOT NULL REFERENCES actors (code),
    operation     TEXT NOT NULL,
    target        TEXT NOT NULL,
    justification TEXT NOT NULL,
    status        TEXT NOT NULL,
    outcome_note  TEXT NOT NULL,
    decided_at    TEXT,
    carried_from  INTEGER REFERENCES amendments (id),
    simulated     INTEGER NOT NULL,
    proposed_by   TEXT NOT NULL,
    proposed_at   TEXT NOT NULL,
    UNIQUE (version_id, number)
);

-- Co-sponsors ('cosponsor'), supporters ('support') and objectors ('object'):
-- one relation per actor and amendment.
CREATE TABLE amendment_actors (
    amendment_id INTEGER NOT NULL REFERENCES amendments (id),
    actor        TEXT NOT NULL REFERENCES actors (code),
    role         TEXT NOT NULL,
    at           TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    PRIMARY KEY (amendment_id, actor)
);

CREATE TABLE paragraph_statuses (
    version_id INTEGER NOT NULL REFERENCES draft_versions (id),
    wid        TEXT NOT NULL,
    status     TEXT NOT NULL,
    options    TEXT NOT NULL,
    set_at     TEXT NOT NULL,
    PRIMARY KEY (version_id, wid)
);

CREATE TABLE silence_procedures (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id INTEGER NOT NULL REFERENCES draft_versions (id),
    deadline   TEXT NOT NULL,
    time_zone  TEXT NOT NULL,
    opened_by  TEXT NOT NULL,
    opened_at  TEXT NOT NULL,
    outcome    TEXT,
    outcome_at TEXT
);
CREATE INDEX silence_procedures_due ON silence_procedures (outcome, deadline);

CREATE TABLE silence_breaks (
    procedure_id INTEGER NOT NULL REFERENCES silence_procedures (id),
    actor        TEXT NOT NULL REFERENCES actors (code),
    letter       TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (procedure_id, actor)
);
