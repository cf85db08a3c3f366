-- The event outbox and feed (issue 13, ADR 0007). seq: insertion order; position: the feed's order, given by the
-- sequencer to committed rows only, in seq order; dedupe_key: a time-driven event emitted once.
CREATE TABLE events (
    seq BIGSERIAL PRIMARY KEY,
    position BIGINT NULL UNIQUE,
    id UUID NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    request_id UUID NULL,
    reference TEXT NULL,
    requesting_state TEXT NULL,
    requested_state TEXT NULL,
    kind TEXT NULL,
    status TEXT NULL,
    actor_state TEXT NULL,
    actor_role TEXT NULL,
    audience TEXT NOT NULL,
    data TEXT NOT NULL,
    dedupe_key TEXT NULL UNIQUE
);

-- What the sequencer numbers next.
CREATE INDEX events_unpositioned ON events (seq) WHERE position IS NULL;
CREATE INDEX events_occurred_at ON events (occurred_at);
