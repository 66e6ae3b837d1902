-- The endorsing resolution as its own text (issue 17, item 1): a draft is a
-- negotiating text or a draft resolution, and may carry its document symbol
-- (a draft resolution's "A/73/L.66"). An endorsement adopts a version of a
-- resolution of its own; the app checks it (endorsement_needs_its_own_text).
-- Kept in lockstep with store-postgres/migrations/0022_resolution_drafts.sql.

ALTER TABLE drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'negotiating_text'
    CHECK (kind IN ('negotiating_text', 'resolution'));
ALTER TABLE drafts ADD COLUMN symbol TEXT;
