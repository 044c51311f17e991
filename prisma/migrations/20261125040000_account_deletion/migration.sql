-- A deleted account keeps an anonymised row (past runs and bookings point at it).
ALTER TABLE "users" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
