-- The search index's outbox (issue 19, item 1): each unit of work that
-- changes what the search index holds writes, in the same transaction, what
-- changed (a subject: an item's kind and id, an actor, a range of imported
-- inputs, or a rebuild asked for by `accord reindex`). Every server follows
-- it into its own index, in `seq` order. `seq` is handed out by the one row
-- of `index_outbox` (so changes commit in the order of their numbers, with
-- no gaps); `pruned_through` is the last number pruned away: an index that
-- applied less than that rebuilds from the store.
-- Kept in lockstep with store-postgres/migrations/0025_index_outbox.sql.

CREATE TABLE index_outbox (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq       INTEGER NOT NULL,
    pruned_through INTEGER NOT NULL
);
INSERT INTO index_outbox (id, last_seq, pruned_through) VALUES (1, 0, 0);

CREATE TABLE index_changes (
    seq     INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    process TEXT,
    item    TEXT,
    at      TEXT NOT NULL
);
