-- Bookings with their travellers' legal checks, the waitlist, payment marks, recurring runs and
-- in-app notifications.

CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'EXPIRED', 'CANCELLED');
CREATE TYPE "PaymentState" AS ENUM ('OWED', 'PAID', 'CONFIRMED', 'DISPUTED');
CREATE TYPE "Verdict" AS ENUM ('OK', 'WARN', 'BLOCKED');
CREATE TYPE "BoardingState" AS ENUM ('PENDING', 'BOARDED', 'NO_SHOW');

CREATE TABLE "trip_series" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "driver_id" UUID NOT NULL,
    "template" JSONB NOT NULL,
    "weekdays" INTEGER[],
    "departure_time" TEXT NOT NULL,
    "return_time" TEXT,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "generated_through" DATE NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trip_series_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "trip_series_weekdays" CHECK ("weekdays" <@ ARRAY[1,2,3,4,5,6,7] AND cardinality("weekdays") >= 1),
    CONSTRAINT "trip_series_times" CHECK ("departure_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ("return_time" IS NULL OR "return_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'))
);
CREATE INDEX "trip_series_driver_id_idx" ON "trip_series"("driver_id");

ALTER TABLE "trips" ADD COLUMN "series_id" UUID;
ALTER TABLE "trips" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3);
ALTER TABLE "trips" ADD COLUMN "completed_at" TIMESTAMPTZ(3);
-- The most one seat can cost: the per-seat price, or the shared-cost cap per seat
-- (docs/decisions/003-shared-cost-cap.md); kept by the app on publish and edit, used to sort by price.
ALTER TABLE "trips" ADD COLUMN "seat_price_tenge" INTEGER;
UPDATE "trips" SET "seat_price_tenge" = CASE
    WHEN "pricing_mode" = 'PER_SEAT' THEN "price_per_seat_tenge"
    ELSE ceil("total_cost_tenge"::numeric / ("min_riders" + CASE WHEN "driver_shares" THEN 1 ELSE 0 END))::int
END;
ALTER TABLE "trips" ALTER COLUMN "seat_price_tenge" SET NOT NULL;
ALTER TABLE "trips" ADD CONSTRAINT "trips_seat_price_positive" CHECK ("seat_price_tenge" > 0);
CREATE UNIQUE INDEX "trips_series_id_departure_on_key" ON "trips"("series_id", "departure_on");

CREATE TABLE "bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "trip_id" UUID NOT NULL,
    "rider_id" UUID,
    "status" "BookingStatus" NOT NULL,
    "seats" INTEGER NOT NULL,
    "quoted_tenge" INTEGER NOT NULL,
    "cap_tenge" INTEGER NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "rule_version" TEXT NOT NULL,
    "warning_acknowledged" BOOLEAN NOT NULL DEFAULT false,
    "idempotency_key" TEXT,
    "payment_state" "PaymentState" NOT NULL DEFAULT 'OWED',
    "paid_at" TIMESTAMPTZ(3),
    "payment_confirmed_at" TIMESTAMPTZ(3),
    "changed_by_driver_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bookings_seats_range" CHECK ("seats" BETWEEN 1 AND 8),
    CONSTRAINT "bookings_money" CHECK ("quoted_tenge" >= 0 AND "cap_tenge" >= "quoted_tenge"),
    CONSTRAINT "bookings_blocked_never_sold" CHECK ("verdict" <> 'BLOCKED'),
    CONSTRAINT "bookings_idempotency_key_length" CHECK ("idempotency_key" IS NULL OR length("idempotency_key") BETWEEN 8 AND 200)
);
CREATE UNIQUE INDEX "bookings_rider_id_idempotency_key_key" ON "bookings"("rider_id", "idempotency_key");
CREATE INDEX "bookings_trip_id_status_created_at_idx" ON "bookings"("trip_id", "status", "created_at");
CREATE INDEX "bookings_rider_id_created_at_idx" ON "bookings"("rider_id", "created_at");
-- One live booking per rider per run (a second request adds to nothing; they edit the first).
CREATE UNIQUE INDEX "bookings_one_live_per_rider_and_trip" ON "bookings"("trip_id", "rider_id") WHERE "status" IN ('PENDING', 'CONFIRMED', 'WAITLISTED');

CREATE TABLE "booking_travellers" (
    "booking_id" UUID NOT NULL,
    "traveller_id" UUID,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "reasons" JSONB NOT NULL,
    "check_inputs" JSONB NOT NULL,
    "boarding" "BoardingState" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "booking_travellers_pkey" PRIMARY KEY ("booking_id", "position")
);
CREATE INDEX "booking_travellers_traveller_id_idx" ON "booking_travellers"("traveller_id");

CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

ALTER TABLE "trip_series" ADD CONSTRAINT "trip_series_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "trip_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_rider_id_fkey" FOREIGN KEY ("rider_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "booking_travellers" ADD CONSTRAINT "booking_travellers_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "booking_travellers" ADD CONSTRAINT "booking_travellers_traveller_id_fkey" FOREIGN KEY ("traveller_id") REFERENCES "travellers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
