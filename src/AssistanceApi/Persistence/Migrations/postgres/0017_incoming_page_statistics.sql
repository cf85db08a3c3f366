-- DEU's incoming page of submitted requests must walk its own index (issue 16), yet with 100,000 drafts addressed to
-- it by other States the planner took ix_requests_acknowledge_by, reading every State's submitted requests: it took
-- requested_state and status as independent, so DEU looked to own almost all rows and few submitted ones (110 expected,
-- 414 in fact). Statistics on the pair give it the true count, and the page walks ix_requests_incoming_visible_status.
CREATE STATISTICS st_requests_requested_state_status (dependencies, mcv) ON requested_state, status FROM requests;
-- Should an estimate still go wrong, a page must not fall back on another State's requests: this index now holds only
-- what its queries (the acknowledgement sweep, the overdue filter) ask for, a deadline, which a page never implies.
DROP INDEX ix_requests_acknowledge_by;
CREATE INDEX ix_requests_acknowledge_by ON requests (acknowledge_by) WHERE status = 'submitted' AND acknowledge_by IS NOT NULL;
ANALYZE requests;
