ALTER TABLE requests ADD COLUMN related_request_id UUID NULL;
CREATE INDEX ix_requests_related ON requests (related_request_id) WHERE related_request_id IS NOT NULL;

ALTER TABLE requests ADD COLUMN acknowledge_by TIMESTAMPTZ NULL;
CREATE INDEX ix_requests_acknowledge_by ON requests (acknowledge_by) WHERE status = 'submitted';

CREATE INDEX ix_requests_incoming_emergency ON requests (requested_state, emergency, id);
CREATE INDEX ix_requests_outgoing_emergency ON requests (requesting_state, emergency, id);
CREATE INDEX ix_requests_preserved ON requests (preserved_until) WHERE status = 'preserved';

CREATE TABLE request_refusal_grounds (
    request_id UUID NOT NULL REFERENCES requests (id),
    ground TEXT NOT NULL,
    provision TEXT NOT NULL,
    PRIMARY KEY (request_id, ground)
);

CREATE INDEX ix_requests_submitted ON requests (submitted_at) WHERE submitted_at IS NOT NULL;
