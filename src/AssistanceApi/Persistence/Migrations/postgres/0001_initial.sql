-- PostgreSQL twin of sqlite/0001_initial.sql: same tables and names, native types.
-- COLLATE "C" on keys that lists page by, so text order is byte order whatever the database's locale.
CREATE TABLE states (
    code TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    convention_status TEXT NOT NULL,
    as_of DATE NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE provisions (
    id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE offences (
    id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    sort_order INTEGER NOT NULL,
    document TEXT NOT NULL
);

CREATE TABLE clients (
    id UUID NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    state TEXT COLLATE "C" NULL REFERENCES states (code),
    role TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NULL
);

CREATE TABLE requests (
    id UUID NOT NULL PRIMARY KEY,
    reference TEXT NULL UNIQUE,
    requesting_state TEXT COLLATE "C" NOT NULL REFERENCES states (code),
    requested_state TEXT COLLATE "C" NOT NULL REFERENCES states (code),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    emergency BOOLEAN NOT NULL DEFAULT FALSE,
    created_by UUID NOT NULL REFERENCES clients (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    submitted_at TIMESTAMPTZ NULL,
    acknowledged_at TIMESTAMPTZ NULL,
    closed_at TIMESTAMPTZ NULL,
    due_at TIMESTAMPTZ NULL,
    preserved_until TIMESTAMPTZ NULL,
    content TEXT NOT NULL,
    progress TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX ix_requests_outgoing ON requests (requesting_state, id);
CREATE INDEX ix_requests_incoming ON requests (requested_state, status, id);
CREATE INDEX ix_requests_due ON requests (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE reference_counters (
    requesting_state TEXT COLLATE "C" NOT NULL,
    year INTEGER NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (requesting_state, year)
);

CREATE TABLE request_events (
    request_id UUID NOT NULL REFERENCES requests (id),
    sequence BIGINT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    action TEXT NOT NULL,
    actor_state TEXT NULL,
    actor_client UUID NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NULL,
    details TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (request_id, sequence)
);
