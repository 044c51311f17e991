'use server'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import { markNotificationsRead, markNotificationsReadSchema } from '@/lib/notifications/list-notifications'

/** "Mark all as read" (a plain form, no ids) or the ones the page showed (`ids[]`). */
export async function markNotificationsReadAction(_previous: ActionResult<{ marked: number }> | null, form: FormData): Promise<ActionResult<{ marked: number }>> {
  return runAction(async () => {
    const actor = await requireUser()
    const raw = formToObject(form)
    const input = markNotificationsReadSchema.parse(z.object({ ids: z.array(z.string()).optional() }).parse(raw))
    const result = await markNotificationsRead(actor, input)
    revalidatePath('/[locale]/(app)/notifications', 'page')
    return result
  }, 'notificationsPage.markedRead')
}
