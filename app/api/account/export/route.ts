// GET /api/account/export – everything the platform holds about the signed-in user, as a JSON download
import { NextResponse } from 'next/server'
import { exportAccountData } from '@/lib/accounts/export-account-data'
import { requireUser } from '@/lib/auth/session'
import { route } from '@/lib/route'

export const GET = route(async () => {
  const data = await exportAccountData(await requireUser())
  return NextResponse.json(data, {
    headers: { 'Content-Disposition': `attachment; filename="poputka-data-${new Date().toISOString().slice(0, 10)}.json"`, 'Cache-Control': 'no-store' },
  })
})
