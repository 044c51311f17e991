import { describe, expect, test } from 'vitest'
import { checkpointStatuses } from '@/prisma/reference-data'
import { availabilityOn } from './checkpoint-status'

const periods = (id: string) => checkpointStatuses.filter((s) => s.checkpointId === id)

describe('availabilityOn (seeded statuses)', () => {
  test.each([
    { label: 'Korday is open', id: 'korday', on: '2026-11-26', expected: { open: true } },
    { label: 'Kaplanbek is open after its 2025-01-27 reopening', id: 'kaplanbek', on: '2025-01-27', expected: { open: true } },
    { label: 'Kaplanbek had no status before reopening', id: 'kaplanbek', on: '2025-01-26', expected: { open: false, reason: 'NO_STATUS' } },
    { label: 'Zhibek Zholy open before closing', id: 'zhibek-zholy', on: '2025-02-04', expected: { open: true } },
    { label: 'Zhibek Zholy closed from 2025-02-05, reopening announced', id: 'zhibek-zholy', on: '2025-02-05', expected: { open: false, reason: 'CLOSED', reopensOn: '2026-07-31', reopeningVerified: false } },
    { label: 'Zhibek Zholy after the announced date: not confirmed, not sold', id: 'zhibek-zholy', on: '2026-11-26', expected: { open: false, reason: 'UNCONFIRMED', reopensOn: '2026-07-31', reopeningVerified: false } },
    { label: 'Karasu is cargo only', id: 'karasu', on: '2026-11-26', expected: { open: false, reason: 'CARGO_ONLY' } },
    { label: "Aisha-Bibi: foreigners' access unconfirmed", id: 'aisha-bibi', on: '2026-11-26', expected: { open: false, reason: 'UNCONFIRMED', reopensOn: null } },
  ])('$label', ({ id, on, expected }) => {
    expect(availabilityOn(periods(id), on)).toMatchObject(expected)
  })
})
