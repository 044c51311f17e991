// One-time tokens: email verification, password reset, Telegram linking. The token travels in a
// link; only its SHA-256 is stored, so a copy of the database (or the admin's outbox page) cannot
// be turned into a working link. Using a token is one conditional UPDATE — unused, unexpired, of
// that purpose — so it works exactly once even when two requests race.
//
// Tokens for links sent by email are derived from the delivery they go out with
// (HMAC(NEXTAUTH_SECRET, purpose + delivery id)): a retried delivery sends the same link rather
// than minting a second valid one, and nothing secret is stored in the outbox.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { env } from '@/lib/env'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import type { TokenPurpose } from '@/lib/generated/prisma/enums'

type Tx = Prisma.TransactionClient | PrismaClient

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60_000,
  EMAIL_VERIFY: 7 * 24 * 60 * 60_000,
  TELEGRAM_LINK: 15 * 60_000,
}

/** A token's shape in a URL or a /start parameter (Telegram allows [A-Za-z0-9_-], up to 64). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The token a delivery's link carries: the same on every retry of that delivery. */
export function deliveryToken(purpose: TokenPurpose, deliveryId: string): string {
  return createHmac('sha256', env.NEXTAUTH_SECRET).update(`${purpose}:${deliveryId}`).digest('base64url')
}

/** Stores a token's hash (again: a retried delivery pushes the expiry forward, if still unused). */
export async function issueToken(tx: Tx, input: { userId: string; purpose: TokenPurpose; token: string; email?: string | null; now?: Date }): Promise<Date> {
  const expiresAt = new Date((input.now ?? new Date()).getTime() + TOKEN_LIFETIME_MS[input.purpose])
  await tx.$executeRaw`
    INSERT INTO auth_tokens (user_id, purpose, token_hash, email, expires_at)
    VALUES (${input.userId}::uuid, ${input.purpose}::"TokenPurpose", ${hashToken(input.token)}, ${input.email ?? null}, ${expiresAt})
    ON CONFLICT (token_hash) DO UPDATE SET expires_at = excluded.expires_at WHERE auth_tokens.used_at IS NULL`
  return expiresAt
}

/** Uses a token: its user (and address), or null when unknown, used, expired or of another purpose. */
export async function consumeToken(tx: Tx, purpose: TokenPurpose, token: string, now: Date = new Date()): Promise<{ userId: string; email: string | null } | null> {
  if (!TOKEN_PATTERN.test(token)) return null
  const [row] = await tx.$queryRaw<{ user_id: string; email: string | null }[]>`
    UPDATE auth_tokens SET used_at = ${now}
    WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose}::"TokenPurpose" AND used_at IS NULL AND expires_at > ${now}
    RETURNING user_id, email`
  return row ? { userId: row.user_id, email: row.email } : null
}

/** Whether a token would be accepted now (a page shows the form only for a live link). */
export async function isTokenLive(tx: Tx, purpose: TokenPurpose, token: string, now: Date = new Date()): Promise<boolean> {
  if (!TOKEN_PATTERN.test(token)) return false
  const found = await tx.authToken.findFirst({ where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } }, select: { id: true } })
  return Boolean(found)
}
