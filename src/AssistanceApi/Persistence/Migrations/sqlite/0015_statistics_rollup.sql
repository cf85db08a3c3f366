-- Statistics without a scan (issue 16): counts of submitted requests by submission day (UTC), pair of States, kind
-- and status, and of refusal grounds by the same keys, kept in the transaction of every change (RequestStore) so
-- the report sums a few thousand rows instead of reading every request. Rows whose count fell to 0 may stay.
-- The backfill counts what is already stored, so an upgraded database reports what the scan reported.
CREATE TABLE request_counts (
    day TEXT NOT NULL,
    requesting_state TEXT NOT NULL,
    requested_state TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, requesting_state, requested_state, kind, status)
) WITHOUT ROWID;

CREATE TABLE refusal_ground_counts (
    day TEXT NOT NULL,
    requesting_state TEXT NOT NULL,
    requested_state TEXT NOT NULL,
    kind TEXT NOT NULL,
    ground TEXT NOT NULL,
    provision TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, requesting_state, requested_state, kind, ground, provision)
) WITHOUT ROWID;

INSERT INTO request_counts (day, requesting_state, requested_state, kind, status, n)
SELECT substr(submitted_at, 1, 10), requesting_state, requested_state, kind, status, COUNT(*)
FROM requests WHERE submitted_at IS NOT NULL
GROUP BY substr(submitted_at, 1, 10), requesting_state, requested_state, kind, status;

INSERT INTO refusal_ground_counts (day, requesting_state, requested_state, kind, ground, provision, n)
SELECT substr(r.submitted_at, 1, 10), r.requesting_state, r.requested_state, r.kind, g.ground, g.provision, COUNT(*)
FROM request_refusal_grounds g JOIN requests r ON r.id = g.request_id
WHERE r.submitted_at IS NOT NULL
GROUP BY substr(r.submitted_at, 1, 10), r.requesting_state, r.requested_state, r.kind, g.ground, g.provision;

-- Days to acknowledgement and to completion are medians and p90s, which no count can give exactly: the report reads
-- the few columns they need from this covering index (in submission order, never the rows), which replaces the
-- plain submission-time index.
DROP INDEX ix_requests_submitted;
CREATE INDEX ix_requests_statistics ON requests (submitted_at, acknowledged_at, closed_at, status, requesting_state, requested_state, kind)
    WHERE submitted_at IS NOT NULL;
