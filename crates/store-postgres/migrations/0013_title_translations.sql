-- Process and meeting titles in other official languages (issue 16, item 6):
-- a JSON object, language code → title; empty where none was given.
ALTER TABLE processes ADD COLUMN title_translations JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE meetings ADD COLUMN title_translations JSONB NOT NULL DEFAULT '{}'::jsonb;
