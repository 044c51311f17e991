// GET /api/ping – a constant answer with no database work: liveness of the process itself, and the
// framework's ceiling that `npm run bench` measures other routes against
import { NextResponse } from 'next/server'

// Dynamic on purpose: a request runs the same handler path as any other API route.
export const dynamic = 'force-dynamic'

const body = { ok: true, service: 'poputka' }

export function GET() {
  return NextResponse.json(body)
}
