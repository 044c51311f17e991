// POST /api/reports — report a member, a run or a review to the admins, with a reason from the
// list and a comment. The report is about a member (a run's driver, a review's author), so the
// admin queue can show everything said about one person together. A review can be reported only
// once it is visible to the reporter. The same open report twice is recorded once.
import { z } from 'zod'
import type { Actor } from '@/lib/auth/permissions'
import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { ReportReason } from '@/lib/generated/prisma/enums'
import { enforceTrustLimit, trustLimits } from '@/lib/moderation/trust-limits'
import { userText } from '@/lib/validation'

export const REPORT_REASONS = Object.values(ReportReason)

const common = {
  reason: z.enum(ReportReason, { message: 'v.choice' }),
  comment: userText({ max: 1000, multiline: true }).default(''),
}

export const createReportSchema = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('MEMBER'), userId: z.uuid(), ...common }),
  z.strictObject({ target: z.literal('TRIP'), tripId: z.uuid(), ...common }),
  z.strictObject({ target: z.literal('REVIEW'), reviewId: z.uuid(), ...common }),
])

export type CreateReportInput = z.input<typeof createReportSchema>

async function subjectOf(input: z.infer<typeof createReportSchema>, now: Date): Promise<string> {
  if (input.target === 'MEMBER') {
    const user = await db.user.findFirst({ where: { id: input.userId, deletedAt: null }, select: { id: true } })
    if (!user) throw new AppError('NOT_FOUND')
    return user.id
  }
  if (input.target === 'TRIP') {
    const trip = await db.trip.findUnique({ where: { id: input.tripId }, select: { driverId: true } })
    if (!trip) throw new AppError('NOT_FOUND')
    return trip.driverId
  }
  const review = await db.review.findFirst({ where: { id: input.reviewId, hiddenAt: null, visibleAt: { lte: now } }, select: { authorId: true } })
  if (!review) throw new AppError('NOT_FOUND')
  return review.authorId
}

export async function createReport(actor: Actor, raw: CreateReportInput, now: Date = new Date()) {
  const input = createReportSchema.parse(raw)
  await enforceTrustLimit(trustLimits.reportPerAccount, actor.id)
  const subjectId = await subjectOf(input, now)
  if (subjectId === actor.id) throw new AppError('REPORT_SELF', { status: 409 })
  const target = {
    target: input.target,
    tripId: input.target === 'TRIP' ? input.tripId : null,
    reviewId: input.target === 'REVIEW' ? input.reviewId : null,
  }
  const open = await db.report.findFirst({ where: { reporterId: actor.id, subjectId, status: 'OPEN', ...target }, select: { id: true } })
  if (open) return { id: open.id, duplicate: true }
  const report = await db.report.create({
    data: { reporterId: actor.id, subjectId, ...target, reason: input.reason, comment: input.comment, createdAt: now },
    select: { id: true },
  })
  return { id: report.id, duplicate: false }
}
