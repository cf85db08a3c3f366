ALTER TABLE clients ADD COLUMN key_prefix TEXT NULL;
CREATE UNIQUE INDEX ux_clients_key_prefix ON clients (key_prefix) WHERE key_prefix IS NOT NULL;

CREATE TABLE admin_events (
    id UUID NOT NULL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_client UUID NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL
);
