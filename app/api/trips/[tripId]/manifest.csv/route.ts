// GET /api/trips/:tripId/manifest.csv – a run's manifest as CSV (its driver, its group's coordinators)
import { z } from 'zod'
import { requireUser } from '@/lib/auth/session'
import { csvResponse } from '@/lib/dispatch/csv-response'
import { runManifestCsv } from '@/lib/dispatch/manifest-export'
import { route } from '@/lib/route'

const params = z.object({ tripId: z.uuid() })

export const GET = route<{ tripId: string }>(async (_request, { params: raw, locale }) => {
  const actor = await requireUser()
  const { tripId } = params.parse(raw)
  return csvResponse(await runManifestCsv(actor, tripId, locale))
})
