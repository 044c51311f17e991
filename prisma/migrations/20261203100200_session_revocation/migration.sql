-- Sessions end server-side (docs/decisions/006-sessions.md). A session (a next-auth JWT) carries the
-- user's session version from when it was made: moving the version on ends all of the user's
-- sessions (sign out everywhere, a change of roles, deleting the account, a password reset). A
-- signed-out session's own id is kept until its token would have expired anyway.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "revoked_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");
CREATE INDEX "revoked_sessions_user_id_idx" ON "revoked_sessions"("user_id");

ALTER TABLE "revoked_sessions" ADD CONSTRAINT "revoked_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
