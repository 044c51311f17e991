// POST /api/reports – report a member, a run or a review to the admins (reason and comment)
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { createReport, createReportSchema } from '@/lib/moderation/create-report'
import { readJson, route } from '@/lib/route'

export const POST = route(async (request) => {
  const actor = await requireUser()
  return NextResponse.json(await createReport(actor, await readJson(request, createReportSchema)), { status: 201 })
})
