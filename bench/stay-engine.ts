// Benchmark: assessStay against the naive day-by-day reference on generated histories of 20 stays
// over 3 years (deterministic, seeded). Run directly: `npx tsx bench/stay-engine.ts [seconds]`.
// Prints figures; asserts nothing about time (tests assert behaviour, never time).
import { pathToFileURL } from 'node:url'
import { assessStay, formatIsoDate, naiveAssessStay, parseIsoDate, type AssessStayInput, type StayRecord } from '@/lib/stay-rules'

export type StayEngineBench = {
  name: string
  /** assessStay calls per second on one core. */
  opsPerSecond: number
  /** naiveAssessStay calls per second, same inputs, same run. */
  naiveOpsPerSecond: number
  /** opsPerSecond / naiveOpsPerSecond. */
  ratio: number
  /** assessStay calls per second when each history arrives sorted by entry (as a database returns it). */
  chronologicalOpsPerSecond: number
  /** Mean microseconds per assessStay call. */
  microsecondsPerCall: number
  histories: number
  staysPerHistory: number
  yearsOfHistory: number
  seed: number
  /** Histories on which the engine and the reference disagreed (must be 0). */
  mismatches: number
}

const HISTORIES = 1000
const STAYS_PER_HISTORY = 20
const YEARS = 3
const SEED = 20230127

export async function benchStayEngine(options: { seconds?: number; seed?: number } = {}): Promise<StayEngineBench> {
  const seconds = options.seconds ?? 2
  const seed = options.seed ?? SEED
  const inputs = generateStayHistories(seed)
  const chronological = inputs.map((input) => ({ ...input, stays: [...input.stays].sort((a, b) => a.entryOn.localeCompare(b.entryOn)) }))

  // Same answers first: a fast wrong engine is worth nothing.
  let mismatches = 0
  for (const input of inputs) {
    if (JSON.stringify(assessStay(input)) !== JSON.stringify(naiveAssessStay(input))) mismatches++
  }

  // Warm up both (JIT), then alternate short slices of each so that load from other processes
  // hits both alike, and keep the median slice of each.
  measure(assessStay, inputs, 0.2)
  measure(naiveAssessStay, inputs, 0.2)
  const rounds = 10
  const fast: number[] = []
  const naive: number[] = []
  const sorted: number[] = []
  for (let round = 0; round < rounds; round++) {
    await yieldToEventLoop()
    fast.push(measure(assessStay, inputs, seconds / rounds))
    naive.push(measure(naiveAssessStay, inputs, seconds / rounds / 2))
    sorted.push(measure(assessStay, chronological, seconds / rounds / 2))
  }
  const opsPerSecond = median(fast)
  const naiveOpsPerSecond = median(naive)

  return {
    name: 'stay-engine: assessStay, 20 stays over 3 years',
    opsPerSecond: Math.round(opsPerSecond),
    naiveOpsPerSecond: Math.round(naiveOpsPerSecond),
    ratio: Math.round((opsPerSecond / naiveOpsPerSecond) * 10) / 10,
    chronologicalOpsPerSecond: Math.round(median(sorted)),
    microsecondsPerCall: Math.round((1e6 / opsPerSecond) * 100) / 100,
    histories: inputs.length,
    staysPerHistory: STAYS_PER_HISTORY,
    yearsOfHistory: YEARS,
    seed,
    mismatches,
  }
}

let sink = 0

/** Calls per second of `assess` cycling through `inputs` for about `seconds`. */
function measure(assess: (input: AssessStayInput) => { maxStayDays: number }, inputs: readonly AssessStayInput[], seconds: number): number {
  const budgetMs = seconds * 1000
  const started = performance.now()
  let calls = 0
  let elapsed = 0
  do {
    // Check the clock once per batch so timing does not dominate.
    for (let i = 0; i < 64; i++) {
      sink += assess(inputs[calls % inputs.length]!).maxStayDays
      calls++
    }
    elapsed = performance.now() - started
  } while (elapsed < budgetMs)
  return (calls / elapsed) * 1000
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** mulberry32: a small deterministic PRNG, so every run measures the same histories. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CITIZENSHIPS = ['RU', 'RU', 'RU', 'KG', 'BY', 'US', 'DE', 'GB', 'ZZ']

/**
 * The benchmark's histories, each a rider's 3 years: 20 stays of 1–40 days separated by 3–70 days away (scaled to span the 3
 * years), `on` shortly after the last stay or inside it (then half the time still open), 1 in 10
 * with a residence permit.
 */
export function generateStayHistories(seed: number = SEED): AssessStayInput[] {
  const random = createRandom(seed)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const firstOn = parseIsoDate('2025-01-01')!
  const inputs: AssessStayInput[] = []
  for (let h = 0; h < HISTORIES; h++) {
    const on = firstOn + int(0, 730)
    const lengths = Array.from({ length: STAYS_PER_HISTORY }, () => int(0, 39))
    const gaps = Array.from({ length: STAYS_PER_HISTORY }, () => int(3, 70))
    const total = lengths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0)
    const scale = (YEARS * 365) / total
    let day = on - YEARS * 365 + int(-20, 20)
    const stays: StayRecord[] = []
    for (let i = 0; i < STAYS_PER_HISTORY; i++) {
      day += Math.max(1, Math.round(gaps[i]! * scale))
      const entry = Math.min(day, on)
      const exit = Math.min(entry + Math.round(lengths[i]! * scale), on + 10)
      stays.push({ entryOn: formatIsoDate(entry), exitOn: formatIsoDate(exit) })
      day = exit
    }
    const last = stays[stays.length - 1]!
    if (random() < 0.5 && last.entryOn <= formatIsoDate(on)) last.exitOn = null
    // Records arrive in any order (the API allows it; a shuffled history is the slower case).
    for (let i = stays.length - 1; i > 0; i--) {
      const j = int(0, i)
      ;[stays[i], stays[j]] = [stays[j]!, stays[i]!]
    }
    const validFrom = on - int(0, 300)
    const documents = random() < 0.1 ? [{ kind: 'temporary_residence' as const, validFrom: formatIsoDate(validFrom), validTo: formatIsoDate(validFrom + int(30, 400)) }] : []
    inputs.push({ citizenship: CITIZENSHIPS[int(0, CITIZENSHIPS.length - 1)]!, stays, documents, on: formatIsoDate(on) })
  }
  return inputs
}

function printTable(result: StayEngineBench) {
  const rows: [string, string][] = [
    ['histories', `${result.histories} × ${result.staysPerHistory} stays over ${result.yearsOfHistory} years (seed ${result.seed})`],
    ['assessStay', `${result.opsPerSecond.toLocaleString('en-US')} calls/s (${result.microsecondsPerCall} µs/call)`],
    ['  sorted input', `${result.chronologicalOpsPerSecond.toLocaleString('en-US')} calls/s (stays in entry order)`],
    ['naiveAssessStay', `${result.naiveOpsPerSecond.toLocaleString('en-US')} calls/s`],
    ['speed-up', `${result.ratio}×`],
    ['mismatches', String(result.mismatches)],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  console.log(result.name)
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = process.argv[2] === undefined ? undefined : Number(process.argv[2])
  benchStayEngine({ seconds }).then(
    (result) => {
      printTable(result)
      if (result.mismatches > 0 || sink < 0) process.exitCode = 1
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
