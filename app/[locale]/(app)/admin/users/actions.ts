'use server'

import { revalidatePath } from 'next/cache'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { setUserRole, setUserRoleSchema } from '@/lib/accounts/set-user-role'
import { requireRole } from '@/lib/auth/session'

export async function setUserRoleAction(_previous: ActionResult<{ name: string }> | null, form: FormData): Promise<ActionResult<{ name: string }>> {
  return runAction(async () => {
    const actor = await requireRole('ADMIN')
    const user = await setUserRole(actor, setUserRoleSchema.parse(formToObject(form)))
    revalidatePath('/[locale]/admin/users', 'page')
    return { name: user.name }
  })
}
