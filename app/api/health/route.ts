// GET /api/health – liveness and database reachability, for monitoring
import { NextResponse } from 'next/server'
import { db } from '@/lib/db'

export const dynamic = 'force-dynamic'

export async function GET() {
  const started = performance.now()
  try {
    await db.$queryRaw`SELECT 1`
    return NextResponse.json({ status: 'ok', database: 'up', databaseMs: Math.round(performance.now() - started) })
  } catch {
    return NextResponse.json({ status: 'degraded', database: 'down' }, { status: 503, headers: { 'Retry-After': '5' } })
  }
}
