-- A version's text in the other official languages: per language, the words
-- of each node keyed by its wId (a JSON object), and the translated title.
-- Kept in lockstep with store-sqlite/migrations/0010_expressions.sql.

CREATE TABLE version_expressions (
    version_id BIGINT NOT NULL REFERENCES draft_versions (id),
    language   TEXT NOT NULL,
    title      TEXT NOT NULL,
    nodes      JSONB NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (version_id, language)
);
