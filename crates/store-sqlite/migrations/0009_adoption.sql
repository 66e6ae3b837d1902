-- Adoption and follow-up: adoptions of a draft version at a meeting (by
-- consensus or recorded vote, with the ballots on record and the statements
-- made about it), pledges on the adopted text's objectives and their
-- progress reports.
-- Kept in lockstep with store-postgres/migrations/0009_adoption.sql.

CREATE TABLE adoptions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process    TEXT NOT NULL REFERENCES processes (slug),
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    version_id INTEGER NOT NULL REFERENCES draft_versions (id),
    title      TEXT NOT NULL,
    adopted_on TEXT NOT NULL,
    symbol     TEXT,
    method     TEXT NOT NULL,
    -- A recorded vote's rule and official totals (NULL for consensus); a vote
    -- being taken is open, its totals counted when it closes.
    majority   TEXT,
    vote_open  INTEGER NOT NULL DEFAULT 0,
    yes        INTEGER,
    no         INTEGER,
    abstain    INTEGER,
    not_voting INTEGER,
    endorses   INTEGER REFERENCES adoptions (id),
    note       TEXT,
    entered_by TEXT NOT NULL,
    entered_at TEXT NOT NULL
);
CREATE INDEX adoptions_by_process ON adoptions (process, id);

-- One row per member state whose vote is on record; the others are "not recorded".
CREATE TABLE ballots (
    adoption_id INTEGER NOT NULL REFERENCES adoptions (id),
    state       TEXT NOT NULL REFERENCES actors (code),
    vote        TEXT NOT NULL,
    PRIMARY KEY (adoption_id, state)
);

CREATE TABLE adoption_statements (
    adoption_id  INTEGER NOT NULL REFERENCES adoptions (id),
    statement_id INTEGER NOT NULL REFERENCES statements (id),
    kind         TEXT NOT NULL,
    PRIMARY KEY (adoption_id, statement_id)
);

CREATE TABLE pledges (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    process     TEXT NOT NULL REFERENCES processes (slug),
    actor       TEXT NOT NULL REFERENCES actors (code),
    objectives  TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    made_on     TEXT NOT NULL,
    status      TEXT NOT NULL,
    meeting_id  INTEGER REFERENCES meetings (id),
    synthetic   INTEGER NOT NULL,
    entered_by  TEXT NOT NULL,
    entered_at  TEXT NOT NULL
);
CREATE INDEX pledges_by_process ON pledges (process, id);

-- The objectives of each pledge, for the page of one objective.
CREATE TABLE pledge_objectives (
    process   TEXT NOT NULL REFERENCES processes (slug),
    objective INTEGER NOT NULL,
    pledge_id INTEGER NOT NULL REFERENCES pledges (id),
    PRIMARY KEY (process, objective, pledge_id)
);

CREATE TABLE progress_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    pledge_id   INTEGER NOT NULL REFERENCES pledges (id),
    reported_on TEXT NOT NULL,
    status      TEXT NOT NULL,
    body        TEXT NOT NULL,
    entered_by  TEXT NOT NULL,
    entered_at  TEXT NOT NULL
);
CREATE INDEX progress_reports_by_pledge ON progress_reports (pledge_id, id);
