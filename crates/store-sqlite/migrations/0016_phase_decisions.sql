-- Phases as decisions: the plan (start_date, end_date) stays; the facts the
-- secretariat decided (opened on, extended to, closed on) are kept beside it,
-- and every decision or change of plan in the phase's history (who, when,
-- why, each field before and after, as JSON).
-- Kept in lockstep with store-postgres/migrations/0016_phase_decisions.sql.

ALTER TABLE phases ADD COLUMN opened_on TEXT;
ALTER TABLE phases ADD COLUMN extended_to TEXT;
ALTER TABLE phases ADD COLUMN closed_on TEXT;

CREATE TABLE phase_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    process    TEXT NOT NULL,
    phase      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    at         TEXT NOT NULL,
    by_name    TEXT NOT NULL,
    reason     TEXT,
    changes    TEXT NOT NULL,
    FOREIGN KEY (process, phase) REFERENCES phases (process, kind)
);
CREATE INDEX phase_changes_by_process ON phase_changes (process, id);
