-- Foundation: accounts and roles, cars, cities, checkpoints with dated statuses, pickup points,
-- runs (trips) and rate-limit counters.

CREATE TYPE "Role" AS ENUM ('PASSENGER', 'DRIVER', 'COORDINATOR', 'ADMIN');
CREATE TYPE "CoordinatePrecision" AS ENUM ('SETTLEMENT', 'ESTIMATE', 'ROUGH');
CREATE TYPE "CheckpointState" AS ENUM ('OPEN', 'CLOSED', 'CARGO_ONLY');
CREATE TYPE "PricingMode" AS ENUM ('PER_SEAT', 'SHARED_COST');
CREATE TYPE "ApprovalMode" AS ENUM ('INSTANT', 'MANUAL');
CREATE TYPE "TripStatus" AS ENUM ('SCHEDULED', 'BOARDING', 'DEPARTED', 'AT_BORDER', 'RETURNED', 'COMPLETED', 'CANCELLED');

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "password_hash" TEXT NOT NULL,
    "roles" "Role"[] DEFAULT ARRAY['PASSENGER']::"Role"[],
    "locale" TEXT NOT NULL DEFAULT 'ru',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_lower" CHECK ("email" = lower("email")),
    CONSTRAINT "users_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^\+7[0-9]{10}$'),
    CONSTRAINT "users_locale_known" CHECK ("locale" IN ('ru', 'en'))
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "cars" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "owner_id" UUID NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "cars_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cars_seats_range" CHECK ("seats" BETWEEN 1 AND 8)
);
CREATE INDEX "cars_owner_id_idx" ON "cars"("owner_id");

CREATE TABLE "cities" (
    "id" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "is_origin" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "cities_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "checkpoints" (
    "id" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "other_side_ru" TEXT NOT NULL,
    "other_side_en" TEXT NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "destination_city_id" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "coordinate_precision" "CoordinatePrecision" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "checkpoints_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "checkpoint_statuses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "checkpoint_id" TEXT NOT NULL,
    "state" "CheckpointState" NOT NULL,
    "from_on" DATE NOT NULL,
    "to_on" DATE,
    "verified" BOOLEAN NOT NULL,
    "note_ru" TEXT NOT NULL,
    "note_en" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "checkpoint_statuses_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "checkpoint_statuses_dates" CHECK ("to_on" IS NULL OR "to_on" >= "from_on")
);
CREATE INDEX "checkpoint_statuses_checkpoint_id_from_on_idx" ON "checkpoint_statuses"("checkpoint_id", "from_on");

CREATE TABLE "pickup_points" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "city_id" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pickup_points_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "pickup_points_city_id_idx" ON "pickup_points"("city_id");

CREATE TABLE "trips" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "driver_id" UUID NOT NULL,
    "car_id" UUID NOT NULL,
    "origin_city_id" TEXT NOT NULL,
    "pickup_point_id" UUID,
    "pickup_label" TEXT NOT NULL,
    "pickup_lat" DOUBLE PRECISION NOT NULL,
    "pickup_lng" DOUBLE PRECISION NOT NULL,
    "checkpoint_id" TEXT NOT NULL,
    "destination_city_id" TEXT NOT NULL,
    "departure_at" TIMESTAMPTZ(3) NOT NULL,
    "departure_on" DATE NOT NULL,
    "round_trip" BOOLEAN NOT NULL,
    "return_at" TIMESTAMPTZ(3),
    "return_on" DATE,
    "seats_total" INTEGER NOT NULL,
    "seats_taken" INTEGER NOT NULL DEFAULT 0,
    "pricing_mode" "PricingMode" NOT NULL,
    "price_per_seat_tenge" INTEGER,
    "total_cost_tenge" INTEGER,
    "driver_shares" BOOLEAN NOT NULL DEFAULT false,
    "min_riders" INTEGER NOT NULL DEFAULT 1,
    "approval_mode" "ApprovalMode" NOT NULL,
    "request_ttl_hours" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "TripStatus" NOT NULL DEFAULT 'SCHEDULED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trips_pkey" PRIMARY KEY ("id"),
    -- The seat invariant lives in the database: no code path can oversell a run.
    CONSTRAINT "trips_seats_range" CHECK ("seats_total" BETWEEN 1 AND 8),
    CONSTRAINT "trips_seats_taken_range" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "seats_total"),
    CONSTRAINT "trips_return_matches_kind" CHECK (
        ("round_trip" AND "return_at" IS NOT NULL AND "return_on" IS NOT NULL AND "return_at" > "departure_at" AND "return_on" >= "departure_on")
        OR (NOT "round_trip" AND "return_at" IS NULL AND "return_on" IS NULL)
    ),
    CONSTRAINT "trips_pricing_matches_mode" CHECK (
        ("pricing_mode" = 'PER_SEAT' AND "price_per_seat_tenge" > 0 AND "total_cost_tenge" IS NULL)
        OR ("pricing_mode" = 'SHARED_COST' AND "total_cost_tenge" > 0 AND "price_per_seat_tenge" IS NULL)
    ),
    CONSTRAINT "trips_min_riders_range" CHECK ("min_riders" >= 1 AND "min_riders" <= "seats_total"),
    CONSTRAINT "trips_request_ttl" CHECK (("approval_mode" = 'MANUAL') = ("request_ttl_hours" IS NOT NULL) AND ("request_ttl_hours" IS NULL OR "request_ttl_hours" BETWEEN 1 AND 72))
);
CREATE INDEX "trips_departure_on_origin_city_id_departure_at_idx" ON "trips"("departure_on", "origin_city_id", "departure_at");
CREATE INDEX "trips_driver_id_departure_at_idx" ON "trips"("driver_id", "departure_at");

CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

ALTER TABLE "cars" ADD CONSTRAINT "cars_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_destination_city_id_fkey" FOREIGN KEY ("destination_city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "checkpoint_statuses" ADD CONSTRAINT "checkpoint_statuses_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pickup_points" ADD CONSTRAINT "pickup_points_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "cars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_origin_city_id_fkey" FOREIGN KEY ("origin_city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_destination_city_id_fkey" FOREIGN KEY ("destination_city_id") REFERENCES "cities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_pickup_point_id_fkey" FOREIGN KEY ("pickup_point_id") REFERENCES "pickup_points"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "trips" ADD CONSTRAINT "trips_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
