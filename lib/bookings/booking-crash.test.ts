// Kill the app process in the middle of a booking: the booking is wholly there or wholly absent.
//
// A child process makes two bookings through the real service with the fault-injection pause of
// book-seats.ts on (a `pg_sleep` inside the booking's one statement, once the seats are taken and
// the rows written — the statement commits only when it ends — or right after it committed). We
// wait until both connections are inside that sleep, SIGKILL the process, wait until PostgreSQL has dropped their backends and every process of
// the child is gone, and look at what is left.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, inject, test } from 'vitest'
import { createRider, createTrip } from '@/lib/testing/factories'

const PAUSE_MS = 4_000 // below Prisma's 5 s interactive-transaction timeout
const BOOKINGS = 2 // bookings cut short by each kill

let monitor: pg.Client

beforeAll(async () => {
  monitor = new pg.Client({ connectionString: inject('databaseUrl') })
  await monitor.connect()
})
afterAll(async () => {
  await monitor.end()
})

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Every process below `pid` (from /proc), so we can prove none outlives the kill. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      /* the process ended while we looked */
    }
  }
  const out: number[] = []
  const queue = [pid]
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child)
      queue.push(child)
    }
  }
  return out
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

type Point = 'in-statement' | 'after-commit'

/** Starts BOOKINGS bookings of 2 seats each (rider + companion, each on its own run) in one child
 * process that pauses them all at `point`, and kills it once every one of them is there. */
async function killBookingsAt(point: Point) {
  const bookings = await Promise.all(
    Array.from({ length: BOOKINGS }, async () => {
      const trip = await createTrip({ seatsTotal: 4 })
      const { rider, travellerIds } = await createRider({ companions: 1 })
      const input = { tripId: trip.id, travellerIds, acknowledgeWarning: false, joinWaitlist: false, idempotencyKey: `crash-${randomUUID()}` }
      return { trip, rider, input }
    }),
  )
  const appName = `crash-${randomUUID().slice(0, 8)}`
  const url = new URL(inject('databaseUrl'))
  url.searchParams.set('application_name', appName)
  // Let the server notice a dead client during the sleep (every 100 ms) rather than when it ends;
  // the outcome is the same either way, the test is just quicker.
  url.searchParams.set('options', '-c client_connection_check_interval=100')
  const payload = JSON.stringify(bookings.map((b) => ({ actor: b.rider, input: b.input })))
  // One process (node --import tsx), not the tsx CLI, which would run the script in a grandchild.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'lib/testing/crash-booking.ts', payload], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: String(BOOKINGS + 1), POPUTKA_FAULT_BOOKING_PAUSE_MS: String(PAUSE_MS), POPUTKA_FAULT_BOOKING_PAUSE_AT: point },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    const backends = await waitFor(`the ${point} pause`, async () => {
      if (child.exitCode !== null) throw new Error(`the child ended before the pause: ${output}`)
      const { rows } = await monitor.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND wait_event = 'PgSleep'`,
        [appName],
      )
      return rows.length === BOOKINGS && rows.map((r) => r.pid)
    }, 20_000)
    // While paused inside the transaction, nobody else sees its seats; after COMMIT everybody does.
    const { rows: during } = await monitor.query<{ id: string; seats_taken: number }>('SELECT id, seats_taken FROM trips WHERE id = ANY($1::uuid[])', [
      bookings.map((b) => b.trip.id),
    ])
    const processes = [child.pid!, ...descendantsOf(child.pid!)]
    child.kill('SIGKILL')
    await exited
    // PostgreSQL rolls back an open transaction when it notices the client is gone (at the latest
    // when the sleep ends and it reads the next command): wait until those backends have exited.
    await waitFor('the killed client’s backends to end', async () => {
      const { rowCount } = await monitor.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [backends])
      return rowCount === 0
    }, PAUSE_MS + 10_000)
    await waitFor('every process of the killed child to end', async () => processes.every((p) => !isAlive(p)), 5_000)
    return bookings.map((b) => ({ ...b, seatsTakenDuringPause: during.find((d) => d.id === b.trip.id)!.seats_taken }))
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}

async function whatIsLeft(tripId: string, riderId: string) {
  const bookings = await monitor.query<{ id: string; status: string; seats: number; idempotency_key: string }>(
    'SELECT id, status, seats, idempotency_key FROM bookings WHERE trip_id = $1',
    [tripId],
  )
  const travellers = await monitor.query(
    'SELECT bt.booking_id FROM booking_travellers bt JOIN bookings b ON b.id = bt.booking_id WHERE b.trip_id = $1',
    [tripId],
  )
  const trip = await monitor.query<{ seats_taken: number }>('SELECT seats_taken FROM trips WHERE id = $1', [tripId])
  const notifications = await monitor.query("SELECT 1 FROM notifications WHERE params->>'tripId' = $1 OR user_id = $2", [tripId, riderId])
  return { bookings: bookings.rows, travellerRows: travellers.rowCount, seatsTaken: trip.rows[0]!.seats_taken, notifications: notifications.rowCount }
}

// The kill points run side by side: each has its own run and rider.
describe.concurrent('killing the app process in the middle of a booking', () => {
  // A statement whose client died is cut short when PostgreSQL notices (client_connection_check_interval,
  // as here, polls during it) — or, if it runs to its end first, commits whole, as any statement
  // does: then the booking is there for the rider's retry with the same Idempotency-Key. Under
  // faketime PostgreSQL's poll does not fire and the statement ends first. Never half of it.
  test('inside the booking statement, with the seats taken and the booking, travellers and notifications written: all of it or nothing', async ({ expect }) => {
    for (const run of await killBookingsAt('in-statement')) {
      expect(run.seatsTakenDuringPause).toBe(0)
      const left = await whatIsLeft(run.trip.id, run.rider.id)
      const nothing = { bookings: [], travellerRows: 0, seatsTaken: 0, notifications: 0 }
      const whole = { bookings: [{ id: expect.any(String), status: 'CONFIRMED', seats: 2, idempotency_key: run.input.idempotencyKey }], travellerRows: 2, seatsTaken: 2, notifications: 2 }
      expect(left).toEqual(left.bookings.length === 0 ? nothing : whole)
    }
  })

  test('right after COMMIT: the booking, its travellers and the seat count are all there', async ({ expect }) => {
    for (const run of await killBookingsAt('after-commit')) {
      expect(run.seatsTakenDuringPause).toBe(2)
      const left = await whatIsLeft(run.trip.id, run.rider.id)
      expect(left.bookings).toEqual([{ id: expect.any(String), status: 'CONFIRMED', seats: 2, idempotency_key: run.input.idempotencyKey }])
      expect(left).toMatchObject({ travellerRows: 2, seatsTaken: 2, notifications: 2 })
    }
  })
})
