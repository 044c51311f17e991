// A member leaves a group (a driver moving on, or a co-coordinator handing over). The last
// coordinator cannot leave: the group would have nobody to run it.
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { dropMembership } from '@/lib/dispatch/remove-member'

export async function leaveGroup(actor: Actor, groupId: string, now: Date = new Date()) {
  return db.$transaction((tx) => dropMembership(tx, actor, groupId, actor.id, 'group.leave', now))
}
