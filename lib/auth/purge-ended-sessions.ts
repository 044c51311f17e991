// Signed-out sessions are remembered only while their tokens could still be presented.
import { db } from '@/lib/db'

export async function purgeEndedSessions(now: Date = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM revoked_sessions WHERE expires_at < ${now}`
}
