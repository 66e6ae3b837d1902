-- When a state joined or left a group (the United Kingdom left the European
-- Union on 31 January 2020), where the dates are known; and where a
-- process's documents are found by symbol (a URL template with {symbol};
-- none: https://undocs.org/{symbol}).
-- Kept in lockstep with store-sqlite/migrations/0011_membership_and_records.sql.

ALTER TABLE group_members ADD COLUMN joined DATE;
ALTER TABLE group_members ADD COLUMN left_on DATE;
ALTER TABLE group_members ADD CONSTRAINT group_members_dates CHECK (left_on IS NULL OR joined IS NULL OR left_on >= joined);
ALTER TABLE processes ADD COLUMN record_resolver TEXT;
