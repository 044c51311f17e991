// An admin closes a report from the queue: dismiss it, hide the reported review (it leaves the
// profile, the rating and the search at once, and every open report of it closes), warn the
// member (they are told, with the admin's note), or suspend them (suspend-user.ts). Each decision
// is in the moderation log.
import { z } from 'zod'
import { hasRole, type Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { logModeration } from '@/lib/moderation/moderation-log'
import { suspendUserInTx } from '@/lib/moderation/suspend-user'
import { notify } from '@/lib/notifications/notify'
import { userText } from '@/lib/validation'

export const resolveReportSchema = z.strictObject({
  reportId: z.uuid(),
  decision: z.enum(['DISMISS', 'HIDE_REVIEW', 'WARN', 'SUSPEND']),
  note: userText({ max: 500, multiline: true }).default(''),
})

export type ResolveReportInput = z.input<typeof resolveReportSchema>

export async function resolveReport(admin: Actor, raw: ResolveReportInput, now: Date = new Date()) {
  const input = resolveReportSchema.parse(raw)
  if (!hasRole(admin, 'ADMIN')) throw new AppError('FORBIDDEN')
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM reports WHERE id = ${input.reportId}::uuid FOR UPDATE`
    if (!locked[0]) throw new AppError('NOT_FOUND')
    const report = await tx.report.findUniqueOrThrow({ where: { id: input.reportId }, select: { status: true, target: true, subjectId: true, reviewId: true, tripId: true } })
    if (report.status !== 'OPEN') throw new AppError('REPORT_CLOSED', { status: 409 })
    if (input.decision === 'HIDE_REVIEW' && !report.reviewId) {
      throw new AppError('VALIDATION', { fields: { decision: [{ key: 'validation.notAReview' }] } })
    }
    const close = { status: input.decision === 'DISMISS' ? ('DISMISSED' as const) : ('ACTIONED' as const), resolvedAt: now, resolvedById: admin.id, resolution: input.decision, resolutionNote: input.note || null }
    if (input.decision === 'DISMISS') {
      await tx.report.update({ where: { id: input.reportId }, data: close })
      await logModeration(tx, { actorId: admin.id, action: 'moderation.dismiss', entityType: 'report', entityId: input.reportId, after: { note: input.note } })
    } else if (input.decision === 'HIDE_REVIEW') {
      // Hidden, and taken out of the search's rating if it was counted there.
      await tx.$executeRaw`
        WITH hidden AS (
          UPDATE reviews SET hidden_at = ${now}, hidden_by_id = ${admin.id}::uuid
          WHERE id = ${report.reviewId}::uuid AND hidden_at IS NULL
          RETURNING subject_id, rating, rated_at
        )
        UPDATE users u SET rating_count = u.rating_count - 1, rating_sum = u.rating_sum - h.rating,
          rating_key = CASE WHEN u.rating_count > 1 THEN round((u.rating_sum - h.rating) * 100.0 / (u.rating_count - 1))::int ELSE 0 END
        FROM hidden h WHERE u.id = h.subject_id AND h.rated_at IS NOT NULL`
      // Every open report of that review is answered by hiding it.
      await tx.report.updateMany({ where: { reviewId: report.reviewId!, status: 'OPEN' }, data: close })
      await notify(tx, [{ userId: report.subjectId, kind: 'REVIEW_HIDDEN', params: { note: input.note } }])
      await logModeration(tx, { actorId: admin.id, action: 'moderation.hideReview', entityType: 'review', entityId: report.reviewId!, after: { reportId: input.reportId, note: input.note } })
    } else if (input.decision === 'WARN') {
      await tx.report.update({ where: { id: input.reportId }, data: close })
      await notify(tx, [{ userId: report.subjectId, kind: 'MODERATION_WARNING', params: { note: input.note } }])
      await logModeration(tx, { actorId: admin.id, action: 'moderation.warn', entityType: 'user', entityId: report.subjectId, after: { reportId: input.reportId, note: input.note } })
    } else {
      await suspendUserInTx(tx, admin, report.subjectId, input.note, now)
      await tx.report.updateMany({ where: { subjectId: report.subjectId, status: 'OPEN' }, data: close })
    }
    return { reportId: input.reportId, decision: input.decision }
  })
}
