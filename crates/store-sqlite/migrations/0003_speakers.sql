-- Delegations, group chairs and their designated speakers, and speakers' lists.
-- Kept in lockstep with store-postgres/migrations/0003_speakers.sql.

CREATE TABLE delegations (
    process   TEXT NOT NULL REFERENCES processes (slug),
    state     TEXT NOT NULL REFERENCES actors (code),
    head_name TEXT NOT NULL,
    PRIMARY KEY (process, state)
);

-- The state that chairs a group in a process (e.g. the EU presidency).
CREATE TABLE group_chairs (
    process    TEXT NOT NULL REFERENCES processes (slug),
    group_code TEXT NOT NULL REFERENCES actors (code),
    chair      TEXT NOT NULL REFERENCES actors (code),
    PRIMARY KEY (process, group_code)
);

-- Who may take the floor for a group, as designated by the chair's delegation.
CREATE TABLE group_speakers (
    process       TEXT NOT NULL REFERENCES processes (slug),
    group_code    TEXT NOT NULL REFERENCES actors (code),
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    designated_by INTEGER NOT NULL REFERENCES accounts (id),
    PRIMARY KEY (process, group_code, account_id)
);

CREATE TABLE inscriptions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
    agenda_item  INTEGER NOT NULL,
    actor        TEXT NOT NULL REFERENCES actors (code),
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    category     TEXT NOT NULL,
    status       TEXT NOT NULL,
    inscribed_at TEXT NOT NULL,
    UNIQUE (meeting_id, agenda_item, actor, category)
);
CREATE INDEX inscriptions_by_meeting ON inscriptions (meeting_id, agenda_item);
