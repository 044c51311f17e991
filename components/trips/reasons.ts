// Reads the legal-check results a booking carries — in an action's `details` (LEGAL_BLOCKED /
// LEGAL_WARNING refusals) or in a booking traveller's stored `reasons` JSON — without trusting
// their shape: anything unreadable is left out rather than crashing the page.
export type Severity = 'info' | 'warn' | 'block'
export type Verdict = 'OK' | 'WARN' | 'BLOCKED'
export type CheckReason = { code: string; severity: Severity; params: Record<string, string | number> }
export type TravellerVerdict = { name: string; verdict: Verdict; reasons: CheckReason[] }

const SEVERITIES: readonly string[] = ['info', 'warn', 'block']
const VERDICTS: readonly string[] = ['OK', 'WARN', 'BLOCKED']
const ORDER: Record<Severity, number> = { block: 0, warn: 1, info: 2 }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A stored or returned list of engine reasons, most serious first. */
export function readReasons(value: unknown): CheckReason[] {
  if (!Array.isArray(value)) return []
  const reasons: CheckReason[] = []
  for (const item of value) {
    if (!isRecord(item) || typeof item.code !== 'string') continue
    const severity = typeof item.severity === 'string' && SEVERITIES.includes(item.severity) ? (item.severity as Severity) : 'info'
    const params: Record<string, string | number> = {}
    if (isRecord(item.params)) {
      for (const [key, v] of Object.entries(item.params)) if (typeof v === 'string' || typeof v === 'number') params[key] = v
    }
    reasons.push({ code: item.code, severity, params })
  }
  return reasons.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
}

/** `details.travellers` of a LEGAL_BLOCKED / LEGAL_WARNING refusal. */
export function readTravellerVerdicts(details: unknown): TravellerVerdict[] {
  if (!isRecord(details) || !Array.isArray(details.travellers)) return []
  const out: TravellerVerdict[] = []
  for (const t of details.travellers) {
    if (!isRecord(t) || typeof t.name !== 'string') continue
    const verdict = typeof t.verdict === 'string' && VERDICTS.includes(t.verdict) ? (t.verdict as Verdict) : 'OK'
    out.push({ name: t.name, verdict, reasons: readReasons(t.reasons) })
  }
  return out
}
