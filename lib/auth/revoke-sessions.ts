// Ends every session of a user, on every device, at their next request: the user's session version
// moves on and no token made at an older one is accepted (lib/auth/session-user.ts). Called when the
// user signs out everywhere, when an admin changes their roles, when the account is deleted — and
// for any other feature that must end a person's sessions (a password reset).
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'

export async function revokeSessions(userId: string, client: Prisma.TransactionClient = db): Promise<void> {
  await client.$executeRaw`UPDATE users SET session_version = session_version + 1 WHERE id = ${userId}::uuid`
}
