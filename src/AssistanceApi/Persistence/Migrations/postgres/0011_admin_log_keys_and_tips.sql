-- The admin logs are keyed like the request chains (HMAC under Audit:ChainKey, key_id naming the key) and each log's
-- tip (length and last hash) is kept and sealed, so neither a rewritten chain nor a deleted tail passes for valid.
ALTER TABLE admin_events ADD COLUMN key_id TEXT NULL;

CREATE TABLE admin_log_tips (
    log TEXT NOT NULL PRIMARY KEY,
    length BIGINT NOT NULL,
    seal TEXT NOT NULL
);
