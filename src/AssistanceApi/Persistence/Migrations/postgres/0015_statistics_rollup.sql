-- Statistics without a scan (issue 16): counts of submitted requests by submission day (UTC), pair of States, kind
-- and status, and of refusal grounds by the same keys, kept in the transaction of every change (RequestStore) so
-- the report sums a few thousand rows instead of reading every request. Rows whose count fell to 0 may stay.
-- Concurrent writers add with INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n, which locks the row, so no
-- increment is lost. The backfill counts what is already stored, so an upgraded database reports what the scan did.
CREATE TABLE request_counts (
    day DATE NOT NULL,
    requesting_state TEXT COLLATE "C" NOT NULL,
    requested_state TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, requesting_state, requested_state, kind, status)
);

CREATE TABLE refusal_ground_counts (
    day DATE NOT NULL,
    requesting_state TEXT COLLATE "C" NOT NULL,
    requested_state TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    ground TEXT NOT NULL,
    provision TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, requesting_state, requested_state, kind, ground, provision)
);

-- Writers wait while the backfill counts, so no change slips between the count and the table.
LOCK TABLE requests, request_refusal_grounds IN SHARE MODE;

INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n)
SELECT (submitted_at AT TIME ZONE 'UTC')::date, requesting_state, requested_state, kind, status, COUNT(*)
FROM requests WHERE submitted_at IS NOT NULL
GROUP BY 1, requesting_state, requested_state, kind, status;

INSERT INTO refusal_ground_counts (day, requesting_state, requested_state, kind, ground, provision, n)
SELECT (r.submitted_at AT TIME ZONE 'UTC')::date, r.requesting_state, r.requested_state, r.kind, g.ground, g.provision, COUNT(*)
FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
WHERE r.submitted_at IS NOT NULL
GROUP BY 1, r.requesting_state, r.requested_state, r.kind, g.ground, g.provision;

-- Days to acknowledgement and to completion are medians and p90s, which no count can give exactly: the report reads
-- the few columns they need from this covering index (an index-only scan in submission order, never the rows), which
-- replaces the plain submission-time index.
DROP INDEX ix_requests_submitted;
CREATE INDEX ix_requests_statistics ON requests (submitted_at) INCLUDE (acknowledged_at, closed_at, status, requesting_state, requested_state, kind)
    WHERE submitted_at IS NOT NULL;
