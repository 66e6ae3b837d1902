-- People and access: accounts, role grants, sessions, API tokens, password
-- resets, and the hash-chained audit log with its head.
-- Kept in lockstep with store-postgres/migrations/0002_access.sql.

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

CREATE TABLE role_grants (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    role       TEXT NOT NULL,
    process    TEXT REFERENCES processes (slug),
    actor      TEXT REFERENCES actors (code)
);
CREATE INDEX role_grants_by_account ON role_grants (account_id);

-- Sessions and tokens are stored by the SHA-256 of the secret the client holds.
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    expires_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    account_id INTEGER,
    by_whom    TEXT NOT NULL,
    acting_for TEXT,
    action     TEXT NOT NULL,
    process    TEXT,
    targets    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);

-- The last entry's number and hash, updated with every append: appends
-- serialise on this row, and a removed tail shows against it.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
