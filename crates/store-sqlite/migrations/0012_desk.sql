-- The secretariat's desk: a meeting's status (scheduled or cancelled) and
-- the history of its changes (edited, postponed, rescheduled, cancelled:
-- who, when, why, each field before and after, as JSON); a call for inputs
-- closed early keeps the reason.
-- Kept in lockstep with store-postgres/migrations/0011_desk.sql.

ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'scheduled';

CREATE TABLE meeting_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    kind       TEXT NOT NULL,
    at         TEXT NOT NULL,
    by_name    TEXT NOT NULL,
    reason     TEXT,
    changes    TEXT NOT NULL
);
CREATE INDEX meeting_changes_by_meeting ON meeting_changes (meeting_id, id);

ALTER TABLE consultations ADD COLUMN closed_reason TEXT;
