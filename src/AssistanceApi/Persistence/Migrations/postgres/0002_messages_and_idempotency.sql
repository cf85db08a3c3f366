CREATE TABLE request_messages (
    id UUID NOT NULL PRIMARY KEY,
    request_id UUID NOT NULL REFERENCES requests (id),
    sent_at TIMESTAMPTZ NOT NULL,
    from_state TEXT NOT NULL,
    from_client UUID NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NULL,
    text TEXT NOT NULL
);

CREATE INDEX ix_request_messages_request ON request_messages (request_id, id);

CREATE TABLE idempotency_keys (
    client_id UUID NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
