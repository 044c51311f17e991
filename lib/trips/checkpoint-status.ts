// Which checkpoints take passenger runs on a date. Statuses are data with dates and sources
// (prisma/reference-data.ts); the status on a date is the period containing it that starts latest.
export type StatusPeriod = {
  state: 'OPEN' | 'CLOSED' | 'CARGO_ONLY'
  fromOn: string
  toOn: string | null
  verified: boolean
}

export type CheckpointAvailability =
  | { open: true }
  | { open: false; reason: 'CLOSED'; reopensOn: string | null; reopeningVerified: boolean }
  | { open: false; reason: 'CARGO_ONLY' | 'UNCONFIRMED' | 'NO_STATUS'; reopensOn: string | null; reopeningVerified: boolean }

export function statusOn(periods: StatusPeriod[], on: string): StatusPeriod | null {
  let best: StatusPeriod | null = null
  for (const p of periods) {
    if (p.fromOn <= on && (p.toOn === null || p.toOn >= on) && (!best || p.fromOn > best.fromOn)) best = p
  }
  return best
}

/** Open to passenger runs on `on`: an OPEN period that someone verified. An announced reopening
 * nobody confirmed is not sold (Zhibek Zholy, 2026-07-31). */
export function availabilityOn(periods: StatusPeriod[], on: string): CheckpointAvailability {
  const current = statusOn(periods, on)
  // The next period that would open it, for the refusal message.
  const next = periods
    .filter((p) => p.state === 'OPEN' && p.fromOn > on)
    .sort((a, b) => a.fromOn.localeCompare(b.fromOn))[0]
  // An unverified opening counts as an announced REopening only after a closure (Zhibek Zholy);
  // an unverified period with no closure before it (Aisha-Bibi's foreigners' access) has no date.
  const reopening = current?.state === 'OPEN' && !current.verified && periods.some((p) => p.state === 'CLOSED' && p.fromOn < current.fromOn)
  const announced = current?.state === 'OPEN' && !current.verified ? (reopening ? current : undefined) : next
  const reopensOn = announced?.fromOn ?? null
  const reopeningVerified = announced?.verified ?? false
  if (!current) return { open: false, reason: 'NO_STATUS', reopensOn, reopeningVerified }
  if (current.state === 'OPEN') return current.verified ? { open: true } : { open: false, reason: 'UNCONFIRMED', reopensOn, reopeningVerified }
  if (current.state === 'CARGO_ONLY') return { open: false, reason: 'CARGO_ONLY', reopensOn, reopeningVerified }
  return { open: false, reason: 'CLOSED', reopensOn, reopeningVerified }
}
