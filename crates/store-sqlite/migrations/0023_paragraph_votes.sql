-- Votes in full, parts 3 and 4 (issue 17, item 6): separate votes on
-- paragraphs before the vote on the whole (GA rules of procedure, rule 89),
-- one per paragraph of a version per meeting, the vote kept whole (majority,
-- totals, ballots, presence) as JSON and its result (retained or deleted)
-- computed from it; oral amendments and oral revisions moved from the floor,
-- with who moved them, the words read out, the outcome and the vote if any.
-- Kept in lockstep with store-postgres/migrations/0023_paragraph_votes.sql.

CREATE TABLE paragraph_votes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    process      TEXT NOT NULL REFERENCES processes (slug),
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
    version_id   INTEGER NOT NULL REFERENCES draft_versions (id),
    paragraph    TEXT NOT NULL,
    number       TEXT NOT NULL,
    requested_by TEXT NOT NULL REFERENCES actors (code),
    voted_on     TEXT NOT NULL,
    vote         TEXT NOT NULL,
    result       TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (meeting_id, version_id, paragraph)
);
CREATE INDEX paragraph_votes_by_meeting ON paragraph_votes (meeting_id, id);

CREATE TABLE oral_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process    TEXT NOT NULL REFERENCES processes (slug),
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    version_id INTEGER NOT NULL REFERENCES draft_versions (id),
    paragraph  TEXT NOT NULL,
    number     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    moved_by   TEXT NOT NULL REFERENCES actors (code),
    moved_on   TEXT NOT NULL,
    text       TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    vote       TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX oral_changes_by_meeting ON oral_changes (meeting_id, id);
