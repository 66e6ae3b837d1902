-- The secretariat's desk for themes: a withdrawn theme keeps the reason
-- (NULL while it stands). Nothing new is filed under a withdrawn theme;
-- what was filed under it keeps it. Its history is in record_changes
-- (subject `theme:{code}`).
-- Kept in lockstep with store-postgres/migrations/0020_themes_desk.sql.

ALTER TABLE themes ADD COLUMN withdrawn_reason TEXT;
