// What a driver typing into the publish form is told (issue 14): a decimal price is "whole tenge",
// never "required"; too many seats says the car's own number, as the hint beside the field does.
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isAppError } from '@/lib/errors'
import { fieldMessagesFromZod } from '@/lib/validation'
import { parsePublishForm } from './trip-form-input'

const form = (overrides: Record<string, string> = {}) => ({
  carId: '6f1c1f5e-8a4b-4a43-9a43-0c2d3b6e7f10', originCityId: 'almaty', pickupPointId: '0b7a8a2e-1a8c-4d8e-8f4b-2f0d9c1e3a55',
  checkpointId: 'korday', destinationCityId: 'bishkek', departureOn: '2026-12-10', departureTime: '07:00',
  seatsTotal: '4', pricingMode: 'PER_SEAT', pricePerSeatTenge: '4500', approvalMode: 'INSTANT', notes: '',
  ...overrides,
})

function fieldErrors(run: () => unknown): Record<string, string[]> {
  try {
    run()
  } catch (error) {
    if (error instanceof z.ZodError) return Object.fromEntries(Object.entries(fieldMessagesFromZod(error)).map(([k, v]) => [k, v.map((m) => m.key)]))
    if (isAppError(error)) return Object.fromEntries(Object.entries(error.options.fields ?? {}).map(([k, v]) => [k, v.map((m) => m.key)]))
    throw error
  }
  return {}
}

describe('parsePublishForm', () => {
  test.each([
    { label: '4500.50', price: '4500.50' },
    { label: '4500,50 (a comma)', price: '4500,50' },
  ])('a price of $label is "whole tenge", not "required"', ({ price }) => {
    expect(fieldErrors(() => parsePublishForm(form({ pricePerSeatTenge: price }), 4))).toEqual({ pricePerSeatTenge: ['validation.wholeTenge'] })
  })

  test('"4 500" with a space is 4500', () => {
    expect(parsePublishForm(form({ pricePerSeatTenge: '4 500' }), 4).pricePerSeatTenge).toBe(4500)
  })

  test.each([{ seats: '5' }, { seats: '1000' }])('$seats seats in a 4-seat car: "not more than 4"', ({ seats }) => {
    expect(fieldErrors(() => parsePublishForm(form({ seatsTotal: seats }), 4))).toEqual({ seatsTotal: ['validation.seatsAboveCar'] })
  })
})
