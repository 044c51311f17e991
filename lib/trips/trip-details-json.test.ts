// GET /api/trips/:id is public: an anonymous visitor gets what the run's page shows them and nothing
// more — no driver's account id, no coordinator group, no series, no seat count of the car.
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '@/lib/db'
import { createGroup, createTrip } from '@/lib/testing/factories'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }))
// Pages' redirect helper (imported through lib/auth/session); a route handler never redirects.
vi.mock('@/lib/i18n/navigation', () => ({ redirect: () => { throw new Error('redirect in a route handler') } }))
const { GET } = await import('@/app/api/trips/[tripId]/route')

beforeEach(() => {
  session.userId = null
})

async function details(tripId: string) {
  const response = await GET(new NextRequest(`http://localhost/api/trips/${tripId}`), { params: Promise.resolve({ tripId }) })
  expect(response.status).toBe(200)
  return { text: await response.clone().text(), body: (await response.json()) as Record<string, unknown> }
}

/** What the run's page shows an anonymous visitor (app/[locale]/(public)/trips/[tripId]/page.tsx). */
const PUBLIC_KEYS = [
  'approvalMode', 'bookable', 'car', 'checkpoint', 'departureAt', 'departureOn', 'destinationCity', 'driver', 'driverShares', 'id',
  'isManager', 'minRiders', 'notes', 'originCity', 'ownBooking', 'pickupLabel', 'pickupLat', 'pickupLng', 'pickupPoint',
  'pricePerSeatTenge', 'pricingMode', 'quote', 'requestTtlHours', 'returnAt', 'roundTrip', 'seatsLeft', 'seatsTaken', 'seatsTotal',
  'status', 'totalCostTenge',
].sort()

describe('GET /api/trips/:id for an anonymous visitor', () => {
  test('carries no internal ids (driver account, group, series) and only the fields the page shows', async () => {
    const { group, drivers } = await createGroup({ drivers: 1 })
    const { driver, car } = drivers[0]!
    const today = new Date()
    const series = await db.tripSeries.create({
      data: { driverId: driver.id, template: {}, weekdays: [1], departureTime: '07:00', startsOn: today, generatedThrough: today },
    })
    const trip = await createTrip({ driverId: driver.id, carId: car.id, groupId: group.id, notes: 'У главного входа', seriesId: series.id })
    const { text, body } = await details(trip.id)

    expect(Object.keys(body).sort()).toEqual(PUBLIC_KEYS)
    for (const value of [driver.id, group.id, car.id, series.id]) expect(text, `${value} in the public JSON`).not.toContain(value)
    expect(body).not.toHaveProperty('driverId')
    expect(body).not.toHaveProperty('groupId')
    expect(body).not.toHaveProperty('seriesId')
    expect(body.driver).not.toHaveProperty('name')
    expect(body.car).toEqual({ make: 'Toyota', model: 'Camry', colour: 'white', plate: null })
    expect(body.originCity).toEqual({ nameRu: 'Алматы', nameEn: 'Almaty' })
    expect(Object.keys(body.checkpoint as object).sort()).toEqual(['coordinatePrecision', 'lat', 'lng', 'nameEn', 'nameRu', 'otherSideEn', 'otherSideRu', 'status'])
    expect(Object.keys(body.destinationCity as object).sort()).toEqual(['lat', 'lng', 'nameEn', 'nameRu'])
    expect(body).toMatchObject({ id: trip.id, notes: 'У главного входа', isManager: false, ownBooking: null, bookable: true, seatsLeft: 4 })
  })

  test('the driver still sees the plate and that it is their run', async () => {
    const trip = await createTrip()
    session.userId = trip.driverId
    const { body, text } = await details(trip.id)
    expect(body.isManager).toBe(true)
    expect((body.car as { plate: string | null }).plate).toMatch(/^T/)
    expect(text).not.toContain('"driverId"')
  })
})
