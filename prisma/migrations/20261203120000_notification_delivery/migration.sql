-- Reaching people outside the app (issue 12): the notifications table becomes an outbox with one
-- delivery row per (notification, channel) — the delivery key — for email and Telegram; one-time
-- tokens for email verification, password reset and Telegram linking; each user's channels and the
-- kinds of notice they want on each; a booking's last change (before → after) until accepted.

CREATE TYPE "NotificationTopic" AS ENUM ('BOOKINGS', 'RUN_CHANGES', 'REMINDERS', 'ACCOUNT');
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'TELEGRAM');
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');
CREATE TYPE "TokenPurpose" AS ENUM ('EMAIL_VERIFY', 'PASSWORD_RESET', 'TELEGRAM_LINK');

ALTER TABLE "users"
    ADD COLUMN "email_verified_at" TIMESTAMPTZ(3),
    ADD COLUMN "phone_verified_at" TIMESTAMPTZ(3),
    ADD COLUMN "telegram_chat_id" BIGINT,
    ADD COLUMN "telegram_username" TEXT,
    ADD COLUMN "telegram_linked_at" TIMESTAMPTZ(3),
    ADD COLUMN "telegram_shared" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "email_topics" "NotificationTopic"[] DEFAULT ARRAY['BOOKINGS', 'RUN_CHANGES', 'REMINDERS']::"NotificationTopic"[],
    ADD COLUMN "telegram_topics" "NotificationTopic"[] DEFAULT ARRAY['BOOKINGS', 'RUN_CHANGES', 'REMINDERS']::"NotificationTopic"[];
-- One Telegram chat belongs to one account at a time.
CREATE UNIQUE INDEX "users_telegram_chat_id_key" ON "users"("telegram_chat_id");

ALTER TABLE "bookings" ADD COLUMN "change_summary" JSONB;

ALTER TABLE "notifications"
    ADD COLUMN "topic" "NotificationTopic" NOT NULL DEFAULT 'BOOKINGS',
    ADD COLUMN "dedupe_key" TEXT;
-- Reminders are written with a key; ON CONFLICT DO NOTHING makes them once-only across restarts
-- and app processes.
CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"("dedupe_key");

CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "notification_id" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "remote_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_deliveries_attempts_check" CHECK ("attempts" >= 0),
    -- A row being sent always says until when its sender holds it.
    CONSTRAINT "notification_deliveries_lease_check" CHECK ("status" <> 'SENDING' OR "locked_until" IS NOT NULL),
    CONSTRAINT "notification_deliveries_sent_check" CHECK (("status" = 'SENT') = ("sent_at" IS NOT NULL))
);
-- The delivery key: one row per notice and channel.
CREATE UNIQUE INDEX "notification_deliveries_notification_id_channel_key" ON "notification_deliveries"("notification_id", "channel");
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "auth_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "auth_tokens_token_hash_key" ON "auth_tokens"("token_hash");
CREATE INDEX "auth_tokens_user_id_purpose_idx" ON "auth_tokens"("user_id", "purpose");
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Phones of any country, stored E.164 (lib/phone.ts validates with libphonenumber-js; the database
-- keeps the shape): + and 7 to 15 digits, the first not 0.
ALTER TABLE "users" DROP CONSTRAINT "users_phone_format";
ALTER TABLE "users" ADD CONSTRAINT "users_phone_format" CHECK ("phone" IS NULL OR "phone" ~ '^\+[1-9][0-9]{6,14}$');
