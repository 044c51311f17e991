// GET /api/trips/:id is public: an anonymous visitor gets what the run's page shows them and nothing
// more — no coordinator group, no series, no car id; the driver only as their public profile (id,
// first name, rating: what the page links and shows), never an email, phone, citizenship or a date
// of travel.
import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '@/lib/db'
import { createGroup, createTrip } from '@/lib/testing/factories'

const session = vi.hoisted(() => ({ userId: null as string | null }))
vi.mock('@/lib/auth/session-token', () => ({ readSessionClaims: async () => (session.userId ? { uid: session.userId } : null) }))
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
  'approvalMode', 'bookable', 'car', 'checkpoint', 'departureAt', 'departureOn', 'destinationCity', 'driver', 'driverContact', 'driverShares', 'id',
  'isManager', 'minRiders', 'notes', 'originCity', 'ownBooking', 'pickupLabel', 'pickupLat', 'pickupLng', 'pickupPoint',
  'pricePerSeatTenge', 'pricingMode', 'quote', 'requestTtlHours', 'returnAt', 'roundTrip', 'seatsLeft', 'seatsTaken', 'seatsTotal',
  'status', 'totalCostTenge',
].sort()

describe('GET /api/trips/:id for an anonymous visitor', () => {
  test('carries no internal ids (group, series, car) and only the fields the page shows; the driver as a public profile', async () => {
    const { group, drivers } = await createGroup({ drivers: 1 })
    const { driver, car } = drivers[0]!
    const today = new Date()
    const series = await db.tripSeries.create({
      data: { driverId: driver.id, template: {}, weekdays: [1], departureTime: '07:00', startsOn: today, generatedThrough: today },
    })
    const trip = await createTrip({ driverId: driver.id, carId: car.id, groupId: group.id, notes: 'У главного входа', seriesId: series.id })
    await db.user.update({ where: { id: driver.id }, data: { phone: '+77011234567' } })
    const { text, body } = await details(trip.id)

    expect(Object.keys(body).sort()).toEqual(PUBLIC_KEYS)
    for (const value of [group.id, car.id, series.id]) expect(text, `${value} in the public JSON`).not.toContain(value)
    // The driver's id only as the public profile's, once; nothing of the account beyond the first name.
    expect(body.driver).toEqual({ id: driver.id, firstName: driver.name.split(' ')[0], rating: { average: null, count: 0 } })
    expect(text.split(driver.id).length - 1).toBe(1)
    for (const value of [driver.email, '+77011234567', 'citizenship', 'stays', 'travelDates']) expect(text, `${value} in the public JSON`).not.toContain(value)
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
