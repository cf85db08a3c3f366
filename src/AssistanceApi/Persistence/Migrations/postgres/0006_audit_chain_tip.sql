-- PostgreSQL twin of sqlite/0006_audit_chain_tip.sql.
ALTER TABLE request_events ADD COLUMN prior_digest TEXT NULL;
ALTER TABLE request_events ADD COLUMN state_digest TEXT NULL;
ALTER TABLE request_events ADD COLUMN key_id TEXT NULL;

ALTER TABLE requests ADD COLUMN chain_length BIGINT NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN chain_tip TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN chain_seal TEXT NULL;

UPDATE requests SET
    chain_length = (SELECT COUNT(*) FROM request_events e WHERE e.request_id = requests.id),
    chain_tip = COALESCE((SELECT e.hash FROM request_events e WHERE e.request_id = requests.id ORDER BY e.sequence DESC LIMIT 1), '');
