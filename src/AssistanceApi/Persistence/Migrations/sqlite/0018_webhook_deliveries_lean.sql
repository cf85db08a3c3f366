-- Issue 13: a delivery cost the single writer five b-trees on insert, its due index again on each attempt, and an
-- attempt row of its own. Leaner, with nothing shown or guaranteed lost:
-- The due index holds what a claim looks for, pending deliveries; one delivered or failed leaves it.
DROP INDEX ix_webhook_deliveries_due;
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- A subscription's deliveries are listed by event, newest first, on the unique (subscription_id, event_id) key.
DROP INDEX ix_webhook_deliveries_subscription;
-- A delivery's last attempt is kept on its own row; webhook_attempts holds the earlier ones, each moved there when
-- the next attempt is recorded. A delivery delivered at the first try writes no attempt row.
ALTER TABLE webhook_deliveries ADD COLUMN last_attempt_at TEXT NULL;
UPDATE webhook_deliveries SET last_attempt_at = (
    SELECT a.at FROM webhook_attempts a WHERE a.delivery_id = webhook_deliveries.id AND a.attempt = webhook_deliveries.attempt_count)
WHERE attempt_count > 0;
DELETE FROM webhook_attempts WHERE EXISTS (
    SELECT 1 FROM webhook_deliveries d WHERE d.id = webhook_attempts.delivery_id AND d.attempt_count = webhook_attempts.attempt
        AND d.last_attempt_at IS NOT NULL);
