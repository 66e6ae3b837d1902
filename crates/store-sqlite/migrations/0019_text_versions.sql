-- Statements checked (issue 17, item 7): an upload beside typed text keeps
-- both versions, and a text that looks like another language than the one
-- declared is flagged.
-- Kept in lockstep with store-postgres/migrations/0019_text_versions.sql.

-- The language the detector says a text is in, when it is sure and that is
-- not the declared one.
ALTER TABLE texts ADD COLUMN looks_like TEXT;

-- The other version of an item's text in a language (typed beside a file,
-- or a file beside typed text): `texts` holds the one that stands. The
-- choice between them, once made, is who chose and when.
CREATE TABLE other_versions (
    item_kind         TEXT NOT NULL,
    item_id           INTEGER NOT NULL,
    language          TEXT NOT NULL,
    body              TEXT NOT NULL,
    blocks            TEXT NOT NULL,
    status            TEXT NOT NULL,
    diagnostics       TEXT NOT NULL,
    language_detected INTEGER NOT NULL,
    looks_like        TEXT,
    file_sha256       TEXT REFERENCES files (sha256),
    file_name         TEXT,
    updated_at        TEXT NOT NULL,
    chosen_by         TEXT,
    chosen_at         TEXT,
    PRIMARY KEY (item_kind, item_id, language),
    FOREIGN KEY (item_kind, item_id, language) REFERENCES texts (item_kind, item_id, language)
);
