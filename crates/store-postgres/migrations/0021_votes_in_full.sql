-- Votes in full (issue 17, item 6): statements, after a vote, of how a
-- member state intended to vote, kept beside its ballot (never changing the
-- ballot or the totals), one per state per vote; the member states present
-- at a vote (a JSON array of codes; NULL: not recorded).
-- Kept in lockstep with store-sqlite/migrations/0021_votes_in_full.sql.

CREATE TABLE vote_intentions (
    adoption_id BIGINT NOT NULL REFERENCES adoptions (id),
    state       TEXT NOT NULL REFERENCES actors (code),
    vote        TEXT NOT NULL,
    entered_by  TEXT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (adoption_id, state)
);

ALTER TABLE adoptions ADD COLUMN present JSONB;
