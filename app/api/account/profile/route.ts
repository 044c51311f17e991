// PATCH /api/account/profile – edit one's public profile: name, languages, about
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { updateProfile, updateProfileSchema } from '@/lib/profiles/update-profile'
import { readJson, route } from '@/lib/route'

export const PATCH = route(async (request) => {
  const actor = await requireUser()
  return NextResponse.json(await updateProfile(actor, await readJson(request, updateProfileSchema)))
})
