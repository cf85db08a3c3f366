-- Webhook subscriptions: a client's URL that receives the events its owner may see, signed with a secret kept only
-- encrypted (AES-GCM under a key derived from Audit:ChainKey; secret_sealed is "keyId:base64(nonce|ciphertext|tag)").
-- types is a JSON array of event types, NULL for all.
CREATE TABLE webhook_subscriptions (
    id UUID NOT NULL PRIMARY KEY,
    owner_client_id UUID NOT NULL,
    owner_state TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    url TEXT NOT NULL,
    types TEXT NULL,
    description TEXT NULL,
    secret_sealed TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    disabled_at TIMESTAMPTZ NULL,
    disabled_reason TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_webhook_subscriptions_owner ON webhook_subscriptions (owner_state, id);

-- One event to one subscription; event_id is the webhook-id every attempt of it carries.
CREATE TABLE webhook_deliveries (
    id UUID NOT NULL PRIMARY KEY,
    subscription_id UUID NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id UUID NOT NULL,
    event_type TEXT NOT NULL,
    event_position BIGINT NULL,
    payload TEXT NOT NULL,
    attempt_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    next_attempt_at TIMESTAMPTZ NULL,
    locked_until TIMESTAMPTZ NULL,
    last_status_code INTEGER NULL,
    last_duration_ms INTEGER NULL,
    last_error TEXT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    delivered_at TIMESTAMPTZ NULL,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

-- Each attempt as GET .../deliveries shows it.
CREATE TABLE webhook_attempts (
    delivery_id UUID NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    status_code INTEGER NULL,
    duration_ms INTEGER NOT NULL,
    error TEXT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- How far the dispatcher has fanned events out to deliveries (the events' feed position).
CREATE TABLE webhook_dispatch_cursor (
    name TEXT NOT NULL PRIMARY KEY,
    position BIGINT NOT NULL
);
INSERT INTO webhook_dispatch_cursor (name, position) VALUES ('events', 0);
