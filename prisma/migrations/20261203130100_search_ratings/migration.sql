-- The search's rating as counters on the member (issue 13, docs/decisions/009). Measured on the
-- bench's 100,000 runs with 165,000 reviews: adding each result row's driver reviews up inside the
-- search took a search by time from ~0.15 to ~1.2 ms of execution (≈ 550 buffers for 20 rows), and
-- a search sorted by rating 330–650 ms (every run of the week rated, then sorted). The counters are
-- read through the users join the search already makes; `rating_key` orders drivers for the sort
-- by rating, which walks drivers best first and each one's runs through trips(driver_id,
-- departure_at), stopping after a page.
ALTER TABLE "users" ADD COLUMN "rating_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "rating_sum" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "rating_key" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "users" ADD CONSTRAINT "users_rating_counters" CHECK (
    "rating_count" >= 0 AND "rating_sum" >= "rating_count" AND "rating_sum" <= 5 * "rating_count"
    AND "rating_key" = CASE WHEN "rating_count" > 0 THEN round("rating_sum" * 100.0 / "rating_count")::int ELSE 0 END);
CREATE INDEX "users_driver_rating_idx" ON "users"("rating_key" DESC, "rating_count" DESC, "id") WHERE 'DRIVER'::"Role" = ANY("roles");

-- When a review was added into its subject's counters (null: not published into them yet).
ALTER TABLE "reviews" ADD COLUMN "rated_at" TIMESTAMPTZ(3);
-- The reviews the publishing job still has to add up (those whose 14 days ran out).
CREATE INDEX "reviews_unrated_idx" ON "reviews"("visible_at") WHERE "rated_at" IS NULL AND "hidden_at" IS NULL;
