-- Several servers on one database (issue 19, item 1): a running job is held
-- by one server at a time through a lease (its owner and until when), which
-- the holder renews while it runs; a job whose lease ran out is taken over
-- by another server when it can be started again from its arguments (JSON),
-- at most a few times (attempts), or failed. The throttles' events (failed
-- sign-ins, inputs sent) per (throttle, key), so every server counts them
-- (PostgreSQL only uses it; SQLite's one server keeps them in memory).
-- Kept in lockstep with store-postgres/migrations/0024_jobs_across_servers.sql.

ALTER TABLE jobs ADD COLUMN args TEXT;
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_until TEXT;
ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_by_lease ON jobs (status, lease_until);

CREATE TABLE throttle_keys (
    throttle TEXT NOT NULL,
    key      TEXT NOT NULL,
    -- The events still in the window, oldest first (a JSON array of times).
    events   TEXT NOT NULL,
    last_at  TEXT NOT NULL,
    PRIMARY KEY (throttle, key)
);
CREATE INDEX throttle_keys_by_age ON throttle_keys (throttle, last_at);
