-- A State's inbox holds no draft and no discarded request. Drafts other States address to it are not its to see,
-- and a page of its incoming list must not walk past them row by row: the incoming indexes leave them out
-- (issue 11). The list's predicates repeat these WHERE clauses word for word, so the planner may use them.
-- Discarded drafts are invisible to everyone, so the outgoing side leaves them out too.
DROP INDEX ix_requests_incoming;
DROP INDEX ix_requests_incoming_emergency;
DROP INDEX ix_requests_incoming_status_order;
CREATE INDEX ix_requests_incoming_visible ON requests (requested_state, emergency, id) WHERE status NOT IN ('draft', 'discarded');
CREATE INDEX ix_requests_incoming_visible_status ON requests (requested_state, status, emergency, id) WHERE status NOT IN ('draft', 'discarded');
DROP INDEX ix_requests_outgoing_emergency;
DROP INDEX ix_requests_outgoing_status_order;
CREATE INDEX ix_requests_outgoing_visible ON requests (requesting_state, emergency, id) WHERE status <> 'discarded';
CREATE INDEX ix_requests_outgoing_visible_status ON requests (requesting_state, status, emergency, id) WHERE status <> 'discarded';
-- A 24/7 point of contact handles only the expedited kinds (Arts. 41–43): its pages walk indexes without the rest.
CREATE INDEX ix_requests_incoming_expedited ON requests (requested_state, emergency, id) WHERE status NOT IN ('draft', 'discarded') AND kind <> 'mutual-legal-assistance';
CREATE INDEX ix_requests_outgoing_expedited ON requests (requesting_state, emergency, id) WHERE status <> 'discarded' AND kind <> 'mutual-legal-assistance';
