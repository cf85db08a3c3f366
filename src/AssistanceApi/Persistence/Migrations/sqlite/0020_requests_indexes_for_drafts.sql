-- Issue 16: writing a draft cost SQLite's single writer six b-trees, two of them read by nothing a draft needs:
-- ix_requests_outgoing (requesting_state, id) serves no query since 0008: every outgoing page walks
-- ix_requests_outgoing_visible or ix_requests_outgoing_visible_status (the query-plan tests name the index each uses).
-- ix_requests_statistics held an entry for every draft, whose submitted_at is NULL: the statistics read only requests
-- submitted in their window (submitted_at >= @start), which the same index limited to submitted requests serves.
-- PostgreSQL's indexes are unchanged.
DROP INDEX ix_requests_outgoing;
DROP INDEX ix_requests_statistics;
CREATE INDEX ix_requests_statistics ON requests (submitted_at, acknowledged_at, closed_at, status, requesting_state, requested_state, kind)
    WHERE submitted_at IS NOT NULL;
