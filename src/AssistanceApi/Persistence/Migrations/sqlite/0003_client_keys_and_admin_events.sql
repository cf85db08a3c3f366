-- Generated keys carry a short public prefix: the lookup uses it, the secret is compared as a hash in constant time.
ALTER TABLE clients ADD COLUMN key_prefix TEXT NULL;
CREATE UNIQUE INDEX ux_clients_key_prefix ON clients (key_prefix) WHERE key_prefix IS NOT NULL;

-- What the secretariat changed: directory entries, clients and keys. Append-only.
CREATE TABLE admin_events (
    id TEXT NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor_client TEXT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL
);
