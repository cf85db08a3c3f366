-- The admin log: a hash chain per State (log = the State's code) of every client created, rotated or revoked and
-- every directory change, and one chain for the secretariat's own clients (log = 'secretariat'). Events written
-- before this migration have no log and stay outside every chain.
ALTER TABLE admin_events ADD COLUMN log TEXT NULL;
ALTER TABLE admin_events ADD COLUMN sequence INTEGER NULL;
ALTER TABLE admin_events ADD COLUMN actor_state TEXT NULL;
ALTER TABLE admin_events ADD COLUMN actor_role TEXT NULL;
ALTER TABLE admin_events ADD COLUMN previous_hash TEXT NULL;
ALTER TABLE admin_events ADD COLUMN hash TEXT NULL;

-- One event per place in a log: two writers can never fork a chain.
CREATE UNIQUE INDEX ux_admin_events_log_sequence ON admin_events (log, sequence) WHERE log IS NOT NULL;

-- Whether a State already has an active state-admin, and a State's clients, without a scan.
CREATE INDEX ix_clients_state_role ON clients (state, role);
