// GET /api/dispatch/:groupId/audit?date=YYYY-MM-DD – the group's audit log (its coordinators): who, what, when, before/after
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireRole } from '@/lib/auth/session'
import { listAudit, listAuditSchema } from '@/lib/dispatch/list-audit'
import { readQuery, route } from '@/lib/route'

const params = z.object({ groupId: z.uuid() })

export const GET = route<{ groupId: string }>(async (request, { params: raw }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId } = params.parse(raw)
  return NextResponse.json(await listAudit(actor, groupId, readQuery(request, listAuditSchema)), { headers: { 'Cache-Control': 'private, no-cache' } })
})
