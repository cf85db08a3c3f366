-- A rotated webhook secret keeps signing beside the new one until previous_secret_until (Webhooks:RotationOverlapHours),
-- so a receiver can switch to the new secret without refusing deliveries in between (Standard Webhooks: several
-- space-separated signatures, any of which verifies). Sealed as secret_sealed is.
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_sealed TEXT NULL;
ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_until TIMESTAMPTZ NULL;
