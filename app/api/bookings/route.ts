// GET /api/bookings – the signed-in rider's bookings with status, share and payment state
import { NextResponse } from 'next/server'
import { requireUser } from '@/lib/auth/session'
import { listMyBookings } from '@/lib/bookings/list-my-bookings'
import { route } from '@/lib/route'

export const GET = route(async () => NextResponse.json({ bookings: await listMyBookings(await requireUser()) }))
