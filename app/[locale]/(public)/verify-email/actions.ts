'use server'

import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { verifyEmail, verifyEmailSchema } from '@/lib/accounts/verify-email'

/** Public: the token from the emailed link decides which address is confirmed. */
export async function verifyEmailAction(_previous: ActionResult<{ verified: true }> | null, form: FormData): Promise<ActionResult<{ verified: true }>> {
  return runAction(async () => verifyEmail(verifyEmailSchema.parse(formToObject(form))), 'accountMail.emailVerified')
}
