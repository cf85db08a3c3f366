-- Reference data: one row a State, provision and offence; the document column holds the wire shape.
CREATE TABLE states (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    convention_status TEXT NOT NULL,
    as_of TEXT NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE provisions (
    id TEXT NOT NULL PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE offences (
    id TEXT NOT NULL PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE clients (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    state TEXT NULL REFERENCES states (code),
    role TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);

CREATE TABLE requests (
    id TEXT NOT NULL PRIMARY KEY,
    reference TEXT NULL UNIQUE,
    requesting_state TEXT NOT NULL REFERENCES states (code),
    requested_state TEXT NOT NULL REFERENCES states (code),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    emergency INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES clients (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT NULL,
    acknowledged_at TEXT NULL,
    closed_at TEXT NULL,
    due_at TEXT NULL,
    preserved_until TEXT NULL,
    content TEXT NOT NULL,
    progress TEXT NOT NULL DEFAULT '{}'
);

-- Keyset paging walks id (UUIDv7, time ordered) within one side of the exchange.
CREATE INDEX ix_requests_outgoing ON requests (requesting_state, id);
CREATE INDEX ix_requests_incoming ON requests (requested_state, status, id);
CREATE INDEX ix_requests_due ON requests (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE reference_counters (
    requesting_state TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (requesting_state, year)
);

-- The audit trail: append-only, one hash chain a request; the primary key forbids forks.
CREATE TABLE request_events (
    request_id TEXT NOT NULL REFERENCES requests (id),
    sequence INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    actor_state TEXT NULL,
    actor_client TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NULL,
    details TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (request_id, sequence)
);
