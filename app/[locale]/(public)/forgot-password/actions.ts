'use server'

import { headers } from 'next/headers'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requestPasswordReset, requestPasswordResetSchema } from '@/lib/accounts/password-reset'
import { clientIpFrom } from '@/lib/client-ip'

/** Public: the same answer for any address (an account gets a link by email). */
export async function requestPasswordResetAction(_previous: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => requestPasswordReset(requestPasswordResetSchema.parse(formToObject(form)), clientIpFrom(await headers())))
}
