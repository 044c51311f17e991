-- Issue 11, legal stay second pass.
-- A dual citizen records the passport they cross with in "citizenship" (the regime follows it) and
-- their other citizenship here.
ALTER TABLE "travellers" ADD COLUMN "other_citizenship" CHAR(2);
ALTER TABLE "travellers" ADD CONSTRAINT "travellers_other_citizenship_differs"
  CHECK ("other_citizenship" IS NULL OR "other_citizenship" <> "citizenship");

-- Live bookings are checked again when a stay, a document or a run's dates change, and once a day:
-- the day of the last re-check (the daily sweep skips bookings already checked that day) and when
-- the verdict last got worse (shown to the rider until a re-check finds it no worse again).
ALTER TABLE "bookings" ADD COLUMN "legal_rechecked_on" DATE;
ALTER TABLE "bookings" ADD COLUMN "verdict_worsened_at" TIMESTAMPTZ(3);

-- A blocked verdict is never sold; it can only be a later re-check's finding, which is flagged.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_blocked_never_sold";
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_blocked_never_sold"
  CHECK ("verdict" <> 'BLOCKED' OR "verdict_worsened_at" IS NOT NULL);
