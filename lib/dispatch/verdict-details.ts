// What a coordinator may learn about a party's legal check: each traveller's VERDICT, never the
// reasons (they reveal the rider's days in the country and documents). Used in refusals and
// warnings of coordinator actions instead of the rider-facing checkDetails().
import type { TravellerCheck } from '@/lib/bookings/legal-check'

export function verdictDetails(checks: Pick<TravellerCheck, 'travellerId' | 'name' | 'verdict'>[]) {
  return { travellers: checks.map((c) => ({ travellerId: c.travellerId, name: c.name, verdict: c.verdict })) }
}
