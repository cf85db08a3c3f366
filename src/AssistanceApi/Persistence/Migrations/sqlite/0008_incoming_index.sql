-- A State's inbox holds no draft and no discarded request. Drafts other States address to it are not its to see,
-- and a page of its incoming list must not walk past them row by row: the incoming indexes leave them out
-- (issue 11). The list's incoming predicate repeats this WHERE word for word, so the planner may use them.
DROP INDEX ix_requests_incoming;
DROP INDEX ix_requests_incoming_emergency;
DROP INDEX ix_requests_incoming_status_order;
CREATE INDEX ix_requests_incoming_visible ON requests (requested_state, emergency, id) WHERE status NOT IN ('draft', 'discarded');
CREATE INDEX ix_requests_incoming_visible_status ON requests (requested_state, status, emergency, id) WHERE status NOT IN ('draft', 'discarded');
