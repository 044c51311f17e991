-- An Idempotency-Key is bound to the request it came with: a SHA-256 (hex) of the method, path and
-- canonical body. Bookings made before this migration have none and replay as before.
ALTER TABLE "bookings" ADD COLUMN "idempotency_fingerprint" TEXT;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_idempotency_fingerprint_format" CHECK ("idempotency_fingerprint" ~ '^[0-9a-f]{64}$');
