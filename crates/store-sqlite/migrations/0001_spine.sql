-- The spine: actors, processes, phases, meetings, themes, document metadata.
-- Kept in lockstep with store-postgres/migrations/0001_spine.sql.
-- Dates are ISO 8601 text (YYYY-MM-DD), instants RFC 3339 text, lists JSON text.

CREATE TABLE actors (
    code            TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    official_name   TEXT,
    iso2            TEXT,
    m49             INTEGER,
    region          TEXT,
    subregion       TEXT,
    un_member_since INTEGER
);
CREATE INDEX actors_by_kind ON actors (kind, code);

CREATE TABLE group_members (
    group_code  TEXT NOT NULL REFERENCES actors (code),
    member_code TEXT NOT NULL REFERENCES actors (code),
    PRIMARY KEY (group_code, member_code),
    CHECK (group_code <> member_code)
);
CREATE INDEX group_members_by_member ON group_members (member_code);

CREATE TABLE processes (
    slug            TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    mandate         TEXT NOT NULL,
    languages       TEXT NOT NULL,
    co_facilitators TEXT NOT NULL,
    secretariat     TEXT NOT NULL,
    meeting_kinds   TEXT NOT NULL
);

CREATE TABLE phases (
    process    TEXT NOT NULL REFERENCES processes (slug),
    kind       TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT,
    note       TEXT,
    PRIMARY KEY (process, kind),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process    TEXT NOT NULL REFERENCES processes (slug),
    slug       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    number     INTEGER,
    title      TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    venue      TEXT,
    chairs     TEXT NOT NULL,
    note       TEXT,
    UNIQUE (process, slug),
    CHECK (end_date >= start_date)
);
CREATE INDEX meetings_by_date ON meetings (process, start_date, id);

CREATE TABLE agenda_items (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    number     INTEGER NOT NULL,
    title      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, number)
);

CREATE TABLE themes (
    process  TEXT NOT NULL REFERENCES processes (slug),
    code     TEXT NOT NULL,
    taxonomy TEXT NOT NULL,
    number   INTEGER,
    title    TEXT NOT NULL,
    PRIMARY KEY (process, code)
);

CREATE TABLE meeting_themes (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    process    TEXT NOT NULL,
    theme_code TEXT NOT NULL,
    PRIMARY KEY (meeting_id, theme_code),
    FOREIGN KEY (process, theme_code) REFERENCES themes (process, code)
);

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    process       TEXT NOT NULL REFERENCES processes (slug),
    slug          TEXT NOT NULL,
    symbol        TEXT UNIQUE,
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    date          TEXT NOT NULL,
    languages     TEXT NOT NULL,
    distribution  TEXT NOT NULL,
    embargo_until TEXT,
    meeting_id    INTEGER REFERENCES meetings (id),
    UNIQUE (process, slug)
);
CREATE INDEX documents_by_date ON documents (process, date, id);
