// GET /api/dispatch/:groupId/:date/manifest.csv – the manifests of all the group's runs of the day as one CSV
import { requireRole } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { csvResponse } from '@/lib/dispatch/csv-response'
import { dayManifestCsv } from '@/lib/dispatch/manifest-export'
import { route } from '@/lib/route'

export const GET = route<{ groupId: string; date: string }>(async (_request, { params, locale }) => {
  const actor = await requireRole('COORDINATOR', 'ADMIN')
  const { groupId, date } = boardDaySchema.parse(params)
  return csvResponse(await dayManifestCsv(actor, groupId, date, locale))
})
