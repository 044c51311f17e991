'use server'

import { headers } from 'next/headers'
import { runAction, formToObject, type ActionResult } from '@/lib/action'
import { registerUser, registerUserSchema } from '@/lib/accounts/register-user'
import { clientIpFrom } from '@/lib/client-ip'

export async function registerAction(_previous: ActionResult<{ email: string }> | null, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async (locale) => {
    const input = registerUserSchema.parse({ ...formToObject(form), locale })
    // The same answer for a new address and a registered one (lib/accounts/register-user.ts).
    return registerUser(input, clientIpFrom(await headers()))
  }, 'auth.registered')
}
