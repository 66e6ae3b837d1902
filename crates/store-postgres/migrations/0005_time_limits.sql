-- Time limits a meeting sets for a category of speakers, instead of the usual.
-- Kept in lockstep with store-sqlite/migrations/0005_time_limits.sql.

CREATE TABLE time_limits (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    category   TEXT NOT NULL,
    seconds    INTEGER NOT NULL CHECK (seconds BETWEEN 15 AND 3600),
    PRIMARY KEY (meeting_id, category)
);
