-- The event outbox and feed (issue 13, ADR 0007). seq: insertion order; position: the feed's order, given to committed
-- rows only (SQLite: at insert, as its one writer commits in that order); dedupe_key: a time-driven event emitted once.
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    position BIGINT NULL UNIQUE,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    request_id TEXT NULL,
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

CREATE INDEX events_occurred_at ON events (occurred_at);
