// GET /api/reference – cities, checkpoints with dated sourced statuses, curated pickup points (public)
import { NextResponse } from 'next/server'
import { route } from '@/lib/route'
import { getReferenceData } from '@/lib/trips/get-reference-data'

export const GET = route(async () => NextResponse.json(await getReferenceData(), { headers: { 'Cache-Control': 'public, max-age=60' } }))
