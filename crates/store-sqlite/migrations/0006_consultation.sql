-- The consultation phase: files, statements, the text of items per language,
-- calls for inputs, inputs, recommendations.
-- Kept in lockstep with store-postgres/migrations/0006_consultation.sql.

-- Files by the SHA-256 of their bytes (the bytes are in the blob store).
CREATE TABLE files (
    sha256       TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    stored_at    TEXT NOT NULL
);

CREATE TABLE statements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    process       TEXT NOT NULL REFERENCES processes (slug),
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    agenda_item   INTEGER NOT NULL,
    actor         TEXT NOT NULL REFERENCES actors (code),
    on_behalf_of  TEXT REFERENCES actors (code),
    title         TEXT NOT NULL,
    delivered_on  TEXT NOT NULL,
    distribution  TEXT NOT NULL,
    embargo_until TEXT,
    synthetic     INTEGER NOT NULL,
    entered_by    TEXT NOT NULL,
    entered_at    TEXT NOT NULL
);
CREATE INDEX statements_by_meeting ON statements (meeting_id, id);
CREATE INDEX statements_by_process ON statements (process, id);

-- The text of a document, a statement or an input in one language.
CREATE TABLE texts (
    item_kind         TEXT NOT NULL,
    item_id           INTEGER NOT NULL,
    language          TEXT NOT NULL,
    body              TEXT NOT NULL,
    blocks            TEXT NOT NULL,
    status            TEXT NOT NULL,
    diagnostics       TEXT NOT NULL,
    language_detected INTEGER NOT NULL,
    file_sha256       TEXT REFERENCES files (sha256),
    file_name         TEXT,
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (item_kind, item_id, language)
);

CREATE TABLE consultations (
    process     TEXT NOT NULL REFERENCES processes (slug),
    slug        TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    opens_at    TEXT NOT NULL,
    closes_at   TEXT,
    synthetic   INTEGER NOT NULL,
    PRIMARY KEY (process, slug)
);

CREATE TABLE inputs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    process           TEXT NOT NULL,
    consultation      TEXT NOT NULL,
    author            TEXT,
    organisation      TEXT,
    country           TEXT REFERENCES actors (code),
    language          TEXT NOT NULL,
    language_detected INTEGER NOT NULL,
    body              TEXT NOT NULL,
    external_id       TEXT,
    synthetic         INTEGER NOT NULL,
    distribution      TEXT NOT NULL,
    submitted_at      TEXT NOT NULL,
    FOREIGN KEY (process, consultation) REFERENCES consultations (process, slug),
    UNIQUE (process, external_id)
);
CREATE INDEX inputs_by_consultation ON inputs (process, consultation, id);

CREATE TABLE recommendations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    process     TEXT NOT NULL REFERENCES processes (slug),
    source_kind TEXT NOT NULL,
    source_id   INTEGER NOT NULL,
    language    TEXT NOT NULL,
    passage     TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    themes      TEXT NOT NULL,
    marked_by   TEXT NOT NULL,
    marked_at   TEXT NOT NULL
);
CREATE INDEX recommendations_by_source ON recommendations (source_kind, source_id);
CREATE INDEX recommendations_by_process ON recommendations (process, id);
