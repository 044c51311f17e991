'use server'
// The moderation queue's decisions (admins only): close a report (dismiss, hide the review, warn,
// suspend), decide a disputed no-show, lift a suspension.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireRole } from '@/lib/auth/session'
import { decideNoShow, decideNoShowSchema } from '@/lib/moderation/decide-no-show'
import { resolveReport, resolveReportSchema } from '@/lib/moderation/resolve-report'
import { reinstateUser } from '@/lib/moderation/suspend-user'

function revalidate() {
  revalidatePath('/[locale]/(app)/admin/moderation', 'page')
}

export async function resolveReportAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const admin = await requireRole('ADMIN')
    const result = await resolveReport(admin, resolveReportSchema.parse(formToObject(form)))
    revalidate()
    return result
  }, 'moderation.done')
}

export async function decideNoShowAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const admin = await requireRole('ADMIN')
    const result = await decideNoShow(admin, decideNoShowSchema.parse(formToObject(form)))
    revalidate()
    return result
  }, 'moderation.done')
}

export async function reinstateUserAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const admin = await requireRole('ADMIN')
    const { userId } = z.object({ userId: z.uuid() }).parse(formToObject(form))
    const result = await reinstateUser(admin, userId)
    revalidate()
    return result
  }, 'moderation.done')
}
