-- An adoption decided "as it stands": the meeting adopted the text with
-- paragraphs not agreed, and those paragraphs (their numbers, a JSON array)
-- are kept with the adoption.
-- Kept in lockstep with store-sqlite/migrations/0015_adoption_as_it_stands.sql.

ALTER TABLE adoptions ADD COLUMN as_it_stands BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE adoptions ADD COLUMN not_agreed JSONB NOT NULL DEFAULT '[]';
CREATE INDEX adoptions_by_version ON adoptions (version_id, meeting_id);
