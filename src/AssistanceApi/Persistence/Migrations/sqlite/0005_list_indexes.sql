-- A filtered page of one side of the exchange (?direction=&status=) in list order: emergencies first, newest first.
CREATE INDEX ix_requests_incoming_status_order ON requests (requested_state, status, emergency, id);
CREATE INDEX ix_requests_outgoing_status_order ON requests (requesting_state, status, emergency, id);
