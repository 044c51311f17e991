// DELETE /api/account – delete the signed-in user's account (password confirmation; past bookings stay anonymised)
import { NextResponse } from 'next/server'
import { deleteAccount, deleteAccountSchema } from '@/lib/accounts/delete-account'
import { requireUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/route'

export const DELETE = route(async (request) => {
  const actor = await requireUser()
  return NextResponse.json(await deleteAccount(actor, await readJson(request, deleteAccountSchema)))
})
