'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { z } from 'zod'
import { actionLocale, formToObject, runAction } from '@/lib/action'
import { requireRole, requireUser } from '@/lib/auth/session'
import { clientIpFrom } from '@/lib/client-ip'
import { createGroup, createGroupSchema } from '@/lib/dispatch/create-group'
import { createInvite } from '@/lib/dispatch/create-invite'
import { joinGroup, joinGroupSchema } from '@/lib/dispatch/join-group'
import { leaveGroup } from '@/lib/dispatch/leave-group'
import { removeMember } from '@/lib/dispatch/remove-member'
import { revokeInvite } from '@/lib/dispatch/revoke-invite'
import { redirect } from '@/lib/i18n/navigation'

const groupIdSchema = z.object({ groupId: z.uuid() })
const inviteFormSchema = z.object({
  groupId: z.uuid(),
  expiresInDays: z.coerce.number().int().min(1).max(30),
  maxUses: z.coerce.number().int().min(1).max(100),
})

export async function createGroupAction(_previous: unknown, form: FormData) {
  const result = await runAction(async () => {
    const actor = await requireRole('COORDINATOR', 'ADMIN')
    return createGroup(actor, createGroupSchema.parse(formToObject(form)))
  })
  if (result.ok) {
    redirect({ href: `/dispatch/groups/${result.data.id}`, locale: await actionLocale() })
  }
  return result
}

export async function createInviteAction(_previous: unknown, form: FormData) {
  return runAction(async () => {
    const actor = await requireRole('COORDINATOR', 'ADMIN')
    const input = inviteFormSchema.parse(formToObject(form))
    const invite = await createInvite(actor, input.groupId, { expiresInHours: input.expiresInDays * 24, maxUses: input.maxUses })
    revalidatePath('/[locale]/(app)/dispatch/groups/[groupId]', 'page')
    return { code: invite.code }
  }, 'groups.inviteCreated')
}

export async function revokeInviteAction(_previous: unknown, form: FormData) {
  return runAction(async () => {
    const actor = await requireRole('COORDINATOR', 'ADMIN')
    const { groupId, inviteId } = z.object({ groupId: z.uuid(), inviteId: z.uuid() }).parse(formToObject(form))
    await revokeInvite(actor, groupId, inviteId)
    revalidatePath('/[locale]/(app)/dispatch/groups/[groupId]', 'page')
  }, 'groups.inviteRevokedDone')
}

export async function removeMemberAction(_previous: unknown, form: FormData) {
  return runAction(async () => {
    const actor = await requireRole('COORDINATOR', 'ADMIN')
    const { groupId, userId } = z.object({ groupId: z.uuid(), userId: z.uuid() }).parse(formToObject(form))
    await removeMember(actor, groupId, userId)
    revalidatePath('/[locale]/(app)/dispatch/groups/[groupId]', 'page')
  }, 'groups.memberRemovedDone')
}

export async function leaveGroupAction(_previous: unknown, form: FormData) {
  const result = await runAction(async () => {
    const actor = await requireUser()
    const { groupId } = groupIdSchema.parse(formToObject(form))
    return leaveGroup(actor, groupId)
  })
  if (result.ok) {
    redirect({ href: '/dispatch', locale: await actionLocale() })
  }
  return result
}

export async function joinGroupAction(_previous: unknown, form: FormData) {
  const result = await runAction(async () => {
    const actor = await requireUser()
    return joinGroup(actor, joinGroupSchema.parse(formToObject(form)), new Date(), clientIpFrom(await headers()))
  })
  if (result.ok) {
    redirect({ href: `/dispatch/groups/${result.data.groupId}`, locale: await actionLocale() })
  }
  return result
}

