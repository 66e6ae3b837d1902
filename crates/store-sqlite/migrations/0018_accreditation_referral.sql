-- Accreditation with objections (issue 17, item 4): an application a member
-- state objected to is referred to the body the process's rules name (the
-- plenary unless the secretariat chose the bureau), and that body's decision
-- (date, meeting, reference) is kept with the application.
-- Kept in lockstep with store-postgres/migrations/0018_accreditation_referral.sql.

-- The process's accreditation rules: the no-objection period (unset: the
-- usual one) and the deciding body, each set on its own. SQLite cannot drop
-- a NOT NULL, so the table is copied (nothing refers to it).
CREATE TABLE accreditation_settings_0018 (
    process        TEXT PRIMARY KEY REFERENCES processes (slug),
    objection_days INTEGER CHECK (objection_days >= 0),
    deciding_body  TEXT NOT NULL DEFAULT 'plenary'
);
INSERT INTO accreditation_settings_0018 (process, objection_days)
    SELECT process, objection_days FROM accreditation_settings;
DROP TABLE accreditation_settings;
ALTER TABLE accreditation_settings_0018 RENAME TO accreditation_settings;

ALTER TABLE accreditation_applications ADD COLUMN referred_to TEXT;
ALTER TABLE accreditation_applications ADD COLUMN body_decision_date TEXT;
ALTER TABLE accreditation_applications ADD COLUMN body_decision_meeting INTEGER REFERENCES meetings (id);
ALTER TABLE accreditation_applications ADD COLUMN body_decision_reference TEXT;

-- Applications objected to and still undecided were waiting for a decision
-- the secretariat could no longer take alone: they go to the plenary.
UPDATE accreditation_applications SET status = 'referred', referred_to = 'plenary'
 WHERE status = 'pending'
   AND EXISTS (SELECT 1 FROM accreditation_objections o WHERE o.application_id = accreditation_applications.id);
