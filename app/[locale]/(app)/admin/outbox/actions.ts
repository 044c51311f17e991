'use server'

import { revalidatePath } from 'next/cache'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireRole } from '@/lib/auth/session'
import { retryDelivery, retryDeliverySchema } from '@/lib/notifications/list-outbox'

export async function retryDeliveryAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireRole('ADMIN')
    const result = await retryDelivery(actor, retryDeliverySchema.parse(formToObject(form)))
    revalidatePath('/[locale]/admin/outbox', 'page')
    return result
  }, 'outbox.retried')
}
