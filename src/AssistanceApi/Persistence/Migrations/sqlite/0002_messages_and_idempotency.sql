-- Correspondence between the two authorities about one request (Art. 40(25) status inquiries, clarifications).
CREATE TABLE request_messages (
    id TEXT NOT NULL PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES requests (id),
    sent_at TEXT NOT NULL,
    from_state TEXT NOT NULL,
    from_client TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NULL,
    text TEXT NOT NULL
);

CREATE INDEX ix_request_messages_request ON request_messages (request_id, id);

-- Idempotency-Key: the first response to a key is replayed for 24 hours; one row per client and key.
CREATE TABLE idempotency_keys (
    client_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
