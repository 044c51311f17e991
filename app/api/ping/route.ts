// GET /api/ping – a constant answer with no database work: liveness of the process itself, and the
// framework's ceiling that `npm run bench` measures other routes against
import { NextResponse } from 'next/server'

export const dynamic = 'force-static'

const body = { ok: true, service: 'poputka' }

export function GET() {
  return NextResponse.json(body)
}
