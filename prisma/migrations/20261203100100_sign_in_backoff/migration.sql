-- Sign-in attempts on one account (from any address) are admitted with growing delays after the
-- first few failures: the time of the last admitted attempt decides when the next one may be tried.
ALTER TABLE "rate_limits" ADD COLUMN "last_hit_at" TIMESTAMPTZ(3);
