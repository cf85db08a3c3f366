-- The keyed audit chain (contract section 5). Each event keeps the digest of the request as the change found it and as
-- it left it, and the id of the key that signed it; a null key id is an event of the unkeyed SHA-256 chain written before this script.
ALTER TABLE request_events ADD COLUMN prior_digest TEXT NULL;
ALTER TABLE request_events ADD COLUMN state_digest TEXT NULL;
ALTER TABLE request_events ADD COLUMN key_id TEXT NULL;

-- The chain tip: how many events the chain has, the hash of the last, and a keyed seal over both, so deleting
-- the last events (and the seal with them) shows.
ALTER TABLE requests ADD COLUMN chain_length INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN chain_tip TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN chain_seal TEXT NULL;

UPDATE requests SET
    chain_length = (SELECT COUNT(*) FROM request_events e WHERE e.request_id = requests.id),
    chain_tip = COALESCE((SELECT e.hash FROM request_events e WHERE e.request_id = requests.id ORDER BY e.sequence DESC LIMIT 1), '');
