// Who may do what, as data. Services take the actor explicitly and check here; tests hand them a
// plain actor object.
import type { Role } from '@/lib/generated/prisma/enums'
import type { Locale } from '@/lib/i18n/routing'

export type Actor = {
  id: string
  name: string
  email: string
  roles: Role[]
  locale: Locale
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role))
}
