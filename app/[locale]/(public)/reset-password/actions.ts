'use server'

import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { resetPassword, resetPasswordSchema } from '@/lib/accounts/password-reset'

/** Public: the token from the emailed link decides whose password this is. */
export async function resetPasswordAction(_previous: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const { email } = await resetPassword(resetPasswordSchema.parse(formToObject(form)))
    return { email }
  }, 'accountMail.passwordChanged')
}
