// POST /api/no-shows/:id/dispute — the member said not to have come contests it, within 7 days of
// the mark, with a short note for the admin who decides (lib/moderation/decide-no-show.ts). While
// disputed it does not count on their record.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { enforceTrustLimit, trustLimits } from '@/lib/moderation/trust-limits'
import { disputeDeadline } from '@/lib/no-shows/no-show-rules'
import { userText } from '@/lib/validation'

export const disputeNoShowSchema = z.strictObject({ note: userText({ max: 500, multiline: true }).default('') })

export type DisputeNoShowInput = z.input<typeof disputeNoShowSchema>

export async function disputeNoShow(actor: Actor, noShowId: string, raw: DisputeNoShowInput, now: Date = new Date()) {
  const input = disputeNoShowSchema.parse(raw)
  await enforceTrustLimit(trustLimits.reportPerAccount, actor.id)
  const row = await db.noShow.findFirst({ where: { id: noShowId, subjectId: actor.id }, select: { status: true, createdAt: true } })
  if (!row) throw new AppError('NOT_FOUND')
  if (row.status !== 'STANDING') throw new AppError('NO_SHOW_NOT_DISPUTABLE', { status: 409 })
  if (now > disputeDeadline(row.createdAt)) throw new AppError('DISPUTE_WINDOW_CLOSED', { status: 409 })
  // Conditional: a dispute racing an admin's decision or a second dispute changes nothing twice.
  const updated = await db.noShow.updateMany({ where: { id: noShowId, subjectId: actor.id, status: 'STANDING' }, data: { status: 'DISPUTED', disputedAt: now, disputeNote: input.note } })
  if (updated.count === 0) throw new AppError('NO_SHOW_NOT_DISPUTABLE', { status: 409 })
  return { id: noShowId, status: 'DISPUTED' as const }
}
