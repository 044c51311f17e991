import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'

/** Roles an admin grants; DRIVER comes with a car and PASSENGER is everybody's. */
export const grantableRoles = ['COORDINATOR', 'ADMIN'] as const

export const setUserRoleSchema = z.strictObject({
  userId: z.uuid(),
  role: z.enum(grantableRoles),
  granted: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
})

export type SetUserRoleInput = z.infer<typeof setUserRoleSchema>

export async function setUserRole(actor: Actor, input: SetUserRoleInput) {
  if (!hasRole(actor, 'ADMIN')) throw new AppError('FORBIDDEN')
  if (input.userId === actor.id && input.role === 'ADMIN' && !input.granted) {
    throw new AppError('CONFLICT', { fields: { role: [{ key: 'admin.cannotRevokeSelf' }] } })
  }
  // A change of roles ends the user's sessions (they sign in again and see what they may do now);
  // granting a role they hold, or revoking one they lack, changes nothing and ends nothing.
  const rows = input.granted
    ? await db.$queryRaw<{ id: string; name: string }[]>`
        UPDATE users SET
          session_version = session_version + CASE WHEN ${input.role}::"Role" = ANY(roles) THEN 0 ELSE 1 END,
          roles = CASE WHEN ${input.role}::"Role" = ANY(roles) THEN roles ELSE array_append(roles, ${input.role}::"Role") END,
          updated_at = now()
        WHERE id = ${input.userId}::uuid RETURNING id, name`
    : await db.$queryRaw<{ id: string; name: string }[]>`
        UPDATE users SET
          session_version = session_version + CASE WHEN ${input.role}::"Role" = ANY(roles) THEN 1 ELSE 0 END,
          roles = array_remove(roles, ${input.role}::"Role"),
          updated_at = now()
        WHERE id = ${input.userId}::uuid RETURNING id, name`
  const user = rows[0]
  if (!user) throw new AppError('NOT_FOUND')
  return user
}
