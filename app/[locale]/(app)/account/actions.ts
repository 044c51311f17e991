'use server'

import { revalidatePath } from 'next/cache'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { addCar, addCarSchema } from '@/lib/accounts/add-car'
import { deleteAccount, deleteAccountSchema } from '@/lib/accounts/delete-account'
import { requireUser } from '@/lib/auth/session'
import { updateProfile, updateProfileSchema } from '@/lib/profiles/update-profile'

export async function addCarAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = addCarSchema.parse(formToObject(form))
    const car = await addCar(actor, input)
    revalidatePath('/[locale]/account', 'page')
    return { id: car.id }
  }, 'account.carAdded')
}

export async function deleteAccountAction(_previous: ActionResult<{ deleted: boolean }> | null, form: FormData): Promise<ActionResult<{ deleted: boolean }>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    return deleteAccount(actor, deleteAccountSchema.parse({ password: data.password ?? '', confirm: data.confirm === 'on' }))
  }, 'account.deleted')
}

/** The public profile form. Issue 12 adds the phone here (and to updateProfileSchema). */
export async function updateProfileAction(_previous: ActionResult<unknown> | null, form: FormData): Promise<ActionResult<unknown>> {
  return runAction(async () => {
    const actor = await requireUser()
    const data = formToObject(form)
    const input = updateProfileSchema.parse({ name: data.name ?? '', languages: data.languages ?? [], about: data.about ?? '' })
    const profile = await updateProfile(actor, input)
    revalidatePath('/[locale]/(app)/account', 'page')
    revalidatePath('/[locale]/(public)/users/[userId]', 'page')
    return profile
  }, 'profile.saved')
}
