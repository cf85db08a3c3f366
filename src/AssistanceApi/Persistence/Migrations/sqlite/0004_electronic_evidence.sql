-- The preservation a follow-up request or a disclosure builds on (Arts. 42, 43), as a column so the
-- preservation clock can see whether a follow-up is pending.
ALTER TABLE requests ADD COLUMN related_request_id TEXT NULL;
CREATE INDEX ix_requests_related ON requests (related_request_id) WHERE related_request_id IS NOT NULL;

-- When the requested State should have acknowledged receipt.
ALTER TABLE requests ADD COLUMN acknowledge_by TEXT NULL;
CREATE INDEX ix_requests_acknowledge_by ON requests (acknowledge_by) WHERE status = 'submitted';

-- Emergencies first, then newest: the order of every list.
CREATE INDEX ix_requests_incoming_emergency ON requests (requested_state, emergency, id);
CREATE INDEX ix_requests_outgoing_emergency ON requests (requesting_state, emergency, id);
CREATE INDEX ix_requests_preserved ON requests (preserved_until) WHERE status = 'preserved';

-- Refusal grounds, one row each, for statistics by provision.
CREATE TABLE request_refusal_grounds (
    request_id TEXT NOT NULL REFERENCES requests (id),
    ground TEXT NOT NULL,
    provision TEXT NOT NULL,
    PRIMARY KEY (request_id, ground)
);

-- Statistics select requests by submission time.
CREATE INDEX ix_requests_submitted ON requests (submitted_at) WHERE submitted_at IS NOT NULL;
