'use server'
// "Sign out everywhere" in Profile: every session of the account ends at once, this one included
// (lib/auth/revoke-sessions.ts), and this browser's session cookie is dropped.
import { cookies } from 'next/headers'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { revokeSessions } from '@/lib/auth/revoke-sessions'
import { requireUser } from '@/lib/auth/session'

/** The form's confirmation (a hidden field inside the step that asks): nothing ends by accident. */
const signOutEverywhereSchema = z.strictObject({ confirm: z.literal('everywhere') })

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token']

export async function signOutEverywhereAction(_previous: ActionResult<{ signedOut: true }> | null, form: FormData): Promise<ActionResult<{ signedOut: true }>> {
  return runAction(async () => {
    const actor = await requireUser()
    signOutEverywhereSchema.parse(formToObject(form))
    await revokeSessions(actor.id)
    const jar = await cookies()
    for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name)
    return { signedOut: true as const }
  }, 'sessions.signedOutEverywhere')
}
