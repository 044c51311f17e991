-- Travellers (the account holder and companions), their stays in Kazakhstan and residence
-- documents (type and dates only, never a number).

CREATE TYPE "DocumentKind" AS ENUM ('TEMPORARY_RESIDENCE', 'PERMANENT_RESIDENCE', 'VISA', 'CITIZENSHIP');
CREATE TYPE "StaySource" AS ENUM ('MANUAL', 'RUN');

CREATE TABLE "travellers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "is_self" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "citizenship" CHAR(2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "travellers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "travellers_citizenship_format" CHECK ("citizenship" ~ '^[A-Z]{2}$')
);
CREATE INDEX "travellers_account_id_idx" ON "travellers"("account_id");
-- One "self" traveller per account.
CREATE UNIQUE INDEX "travellers_one_self_per_account" ON "travellers"("account_id") WHERE "is_self";

CREATE TABLE "stays" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "traveller_id" UUID NOT NULL,
    "entry_on" DATE NOT NULL,
    "exit_on" DATE,
    "source" "StaySource" NOT NULL DEFAULT 'MANUAL',
    "trip_id" UUID,
    "registration_noted_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stays_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stays_exit_after_entry" CHECK ("exit_on" IS NULL OR "exit_on" >= "entry_on")
);
CREATE INDEX "stays_traveller_id_entry_on_idx" ON "stays"("traveller_id", "entry_on");
-- A traveller is in Kazakhstan at most once at a time: one open stay.
CREATE UNIQUE INDEX "stays_one_open_per_traveller" ON "stays"("traveller_id") WHERE "exit_on" IS NULL;

CREATE TABLE "residence_documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "traveller_id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "residence_documents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "residence_documents_dates" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
);
CREATE INDEX "residence_documents_traveller_id_idx" ON "residence_documents"("traveller_id");

ALTER TABLE "travellers" ADD CONSTRAINT "travellers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stays" ADD CONSTRAINT "stays_traveller_id_fkey" FOREIGN KEY ("traveller_id") REFERENCES "travellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stays" ADD CONSTRAINT "stays_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "residence_documents" ADD CONSTRAINT "residence_documents_traveller_id_fkey" FOREIGN KEY ("traveller_id") REFERENCES "travellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
