import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

export const listUsersSchema = z.object({ q: z.string().trim().max(100).optional() })

/** Admin: users matching a name or email fragment, newest first. */
export async function listUsers(actor: Actor, input: z.infer<typeof listUsersSchema>) {
  if (!hasRole(actor, 'ADMIN')) throw new AppError('FORBIDDEN')
  const q = input.q
  return db.user.findMany({
    where: q ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {},
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, name: true, email: true, roles: true },
  })
}
