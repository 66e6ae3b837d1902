-- The stocktaking: background jobs with their progress; analysis runs
-- (derived, rebuilt at will: campaigns, each item's theme, clusters); and
-- the secretariat's decisions kept across runs (theme labels, dismissed
-- suggestions, paragraphs that answer a recommendation).
-- Kept in lockstep with store-postgres/migrations/0008_stocktaking.sql.

-- The analysis reads a process's inputs in id order.
CREATE INDEX inputs_by_process ON inputs (process, id);

CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    process     TEXT NOT NULL REFERENCES processes (slug),
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    done        INTEGER NOT NULL,
    total       INTEGER,
    message     TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX jobs_by_process ON jobs (process, id);

-- A run is written in pieces, then marked complete; readers see only the
-- latest complete run of a process.
CREATE TABLE analysis_runs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    process         TEXT NOT NULL REFERENCES processes (slug),
    job_id          INTEGER REFERENCES jobs (id),
    taxonomy        TEXT NOT NULL,
    threshold       REAL NOT NULL,
    inputs          INTEGER NOT NULL,
    statements      INTEGER NOT NULL,
    campaign_inputs INTEGER NOT NULL,
    campaigns       INTEGER NOT NULL,
    assigned        INTEGER NOT NULL,
    labels          INTEGER NOT NULL,
    seconds         REAL NOT NULL,
    stats           TEXT NOT NULL,
    complete        INTEGER NOT NULL,
    finished_at     TEXT NOT NULL
);
CREATE INDEX analysis_runs_by_process ON analysis_runs (process, complete, id);

CREATE TABLE campaigns (
    run_id         INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    number         INTEGER NOT NULL,
    size           INTEGER NOT NULL,
    variants       INTEGER NOT NULL,
    representative INTEGER NOT NULL,
    language       TEXT NOT NULL,
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL,
    theme          TEXT,
    PRIMARY KEY (run_id, number)
);

CREATE TABLE campaign_inputs (
    run_id   INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    input_id INTEGER NOT NULL,
    number   INTEGER NOT NULL,
    PRIMARY KEY (run_id, input_id)
);
CREATE INDEX campaign_inputs_by_campaign ON campaign_inputs (run_id, number, input_id);

CREATE TABLE theme_assignments (
    run_id     INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    item_kind  TEXT NOT NULL,
    item_id    INTEGER NOT NULL,
    theme      TEXT,
    confidence REAL NOT NULL,
    PRIMARY KEY (run_id, item_kind, item_id)
);
CREATE INDEX theme_assignments_by_theme ON theme_assignments (run_id, theme, item_kind);

CREATE TABLE theme_clusters (
    run_id          INTEGER NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    theme           TEXT NOT NULL,
    number          INTEGER NOT NULL,
    inputs          INTEGER NOT NULL,
    key_phrases     TEXT NOT NULL,
    representatives TEXT NOT NULL,
    PRIMARY KEY (run_id, theme, number)
);

CREATE TABLE theme_labels (
    process     TEXT NOT NULL REFERENCES processes (slug),
    item_kind   TEXT NOT NULL,
    item_id     INTEGER NOT NULL,
    theme       TEXT NOT NULL,
    labelled_by TEXT NOT NULL,
    labelled_at TEXT NOT NULL,
    PRIMARY KEY (process, item_kind, item_id),
    FOREIGN KEY (process, theme) REFERENCES themes (process, code)
);

CREATE TABLE dismissals (
    item_kind    TEXT NOT NULL,
    item_id      INTEGER NOT NULL,
    language     TEXT NOT NULL,
    start_char   INTEGER NOT NULL,
    dismissed_by TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (item_kind, item_id, language, start_char)
);

CREATE TABLE coverage_links (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id),
    draft_id          INTEGER NOT NULL REFERENCES drafts (id),
    wid               TEXT NOT NULL,
    linked_by         TEXT NOT NULL,
    linked_at         TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, draft_id, wid)
);
CREATE INDEX coverage_links_by_draft ON coverage_links (draft_id, wid);
