-- Trust between strangers (issue 13, docs/decisions/009-trust-and-moderation.md): public-profile
-- fields, suspension, late cancellations, double-blind reviews, no-shows both ways, blocks,
-- reports, and invitations for co-coordinators.

CREATE TYPE "TripRole" AS ENUM ('DRIVER', 'RIDER');
CREATE TYPE "NoShowStatus" AS ENUM ('STANDING', 'DISPUTED', 'UPHELD', 'OVERTURNED');
CREATE TYPE "ReportTarget" AS ENUM ('MEMBER', 'TRIP', 'REVIEW');
CREATE TYPE "ReportReason" AS ENUM ('UNSAFE', 'HARASSMENT', 'FRAUD', 'FAKE_PROFILE', 'OFFENSIVE', 'NO_SHOW', 'OTHER');
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'DISMISSED', 'ACTIONED');
CREATE TYPE "ReportResolution" AS ENUM ('DISMISS', 'HIDE_REVIEW', 'WARN', 'SUSPEND');

-- The public profile's own fields, and suspension by an admin.
ALTER TABLE "users" ADD COLUMN "languages" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "about" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "suspended_at" TIMESTAMPTZ(3),
    ADD COLUMN "suspension_reason" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_about_length" CHECK (char_length("about") <= 500);

ALTER TABLE "trips" ADD COLUMN "late_cancellation" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "group_invites" ADD COLUMN "role" "GroupRole" NOT NULL DEFAULT 'DRIVER';

CREATE TABLE "reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "booking_id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "author_role" "TripRole" NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "visible_at" TIMESTAMPTZ(3) NOT NULL,
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by_id" UUID,
    "reply" TEXT,
    "replied_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reviews_rating" CHECK ("rating" BETWEEN 1 AND 5),
    CONSTRAINT "reviews_not_self" CHECK ("author_id" <> "subject_id"),
    CONSTRAINT "reviews_text_length" CHECK (char_length("comment") <= 1000 AND char_length(coalesce("reply", '')) <= 1000)
);
CREATE UNIQUE INDEX "reviews_booking_id_author_role_key" ON "reviews"("booking_id", "author_role");
CREATE INDEX "reviews_author_id_idx" ON "reviews"("author_id");
CREATE INDEX "reviews_trip_id_idx" ON "reviews"("trip_id");
-- A member's visible reviews: the profile lists them newest first, and the search adds up each
-- driver's ratings per result row from this index alone (subject, visible_at, rating), without
-- reading the table. Hidden reviews are never read here, so they are left out of it.
CREATE INDEX "reviews_subject_visible_idx" ON "reviews"("subject_id", "visible_at", "rating") WHERE "hidden_at" IS NULL;

CREATE TABLE "no_shows" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "booking_id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "absent_role" "TripRole" NOT NULL,
    "subject_id" UUID NOT NULL,
    "reporter_id" UUID,
    "status" "NoShowStatus" NOT NULL DEFAULT 'STANDING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disputed_at" TIMESTAMPTZ(3),
    "dispute_note" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,

    CONSTRAINT "no_shows_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "no_shows_booking_id_absent_role_key" ON "no_shows"("booking_id", "absent_role");
CREATE INDEX "no_shows_subject_id_idx" ON "no_shows"("subject_id");
CREATE INDEX "no_shows_status_disputed_at_idx" ON "no_shows"("status", "disputed_at");

CREATE TABLE "blocks" (
    "blocker_id" UUID NOT NULL,
    "blocked_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("blocker_id", "blocked_id"),
    CONSTRAINT "blocks_not_self" CHECK ("blocker_id" <> "blocked_id")
);
CREATE INDEX "blocks_blocked_id_idx" ON "blocks"("blocked_id");

CREATE TABLE "reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reporter_id" UUID NOT NULL,
    "target" "ReportTarget" NOT NULL,
    "subject_id" UUID NOT NULL,
    "trip_id" UUID,
    "review_id" UUID,
    "reason" "ReportReason" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution" "ReportResolution",
    "resolution_note" TEXT,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reports_comment_length" CHECK (char_length("comment") <= 1000),
    -- A run's report names the run, a review's names the review; a member's names neither.
    CONSTRAINT "reports_target" CHECK (
        ("target" = 'MEMBER' AND "trip_id" IS NULL AND "review_id" IS NULL)
        OR ("target" = 'TRIP' AND "trip_id" IS NOT NULL AND "review_id" IS NULL)
        OR ("target" = 'REVIEW' AND "review_id" IS NOT NULL AND "trip_id" IS NULL))
);
CREATE INDEX "reports_status_created_at_idx" ON "reports"("status", "created_at");
CREATE INDEX "reports_subject_id_idx" ON "reports"("subject_id");
CREATE INDEX "reports_reporter_id_idx" ON "reports"("reporter_id");

ALTER TABLE "reviews" ADD CONSTRAINT "reviews_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "no_shows" ADD CONSTRAINT "no_shows_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "no_shows" ADD CONSTRAINT "no_shows_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "no_shows" ADD CONSTRAINT "no_shows_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "no_shows" ADD CONSTRAINT "no_shows_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "no_shows" ADD CONSTRAINT "no_shows_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocker_id_fkey" FOREIGN KEY ("blocker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocked_id_fkey" FOREIGN KEY ("blocked_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reports" ADD CONSTRAINT "reports_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
