-- Issue 16: an event cost SQLite's single writer six b-trees (the table by seq, sqlite_sequence, and unique indexes on
-- position, id and dedupe_key, plus occurred_at), where three keep every guarantee:
-- On SQLite the feed's position is given at insert (its one writer commits in that order), so it can be the rowid:
-- seq, its AUTOINCREMENT counter and the separate position index go. Positions are still MAX + 1 and retention keeps
-- the newest event, so a position is never given twice.
-- dedupe_key is set only on time-driven events: a partial unique index holds those, not a NULL entry for every event.
-- PostgreSQL keeps seq (its sequencer positions committed rows in seq order, ADR 0007) and its table is unchanged.
ALTER TABLE events RENAME TO events_before_0019;

CREATE TABLE events (
    position INTEGER PRIMARY KEY,
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
    dedupe_key TEXT NULL
);

INSERT INTO events (position, id, type, occurred_at, request_id, reference, requesting_state, requested_state, kind, status,
                    actor_state, actor_role, audience, data, dedupe_key)
SELECT position, id, type, occurred_at, request_id, reference, requesting_state, requested_state, kind, status,
       actor_state, actor_role, audience, data, dedupe_key
FROM events_before_0019 ORDER BY seq;

DROP TABLE events_before_0019;

CREATE INDEX events_occurred_at ON events (occurred_at);
CREATE UNIQUE INDEX events_dedupe_key ON events (dedupe_key) WHERE dedupe_key IS NOT NULL;
