// Child process of lib/bookings/booking-crash.test.ts: books seats through the real service with the
// fault-injection pause switched on (POPUTKA_FAULT_BOOKING_PAUSE_MS / _AT in its environment), so
// the test can SIGKILL it while the booking is at that point. Run as `node --import tsx` (one
// process: the `tsx` CLI would put a second node process between the test and this one).
import type { Actor } from '@/lib/auth/permissions'
import { bookSeats, type BookSeatsInput } from '@/lib/bookings/book-seats'

async function main() {
  // Several bookings at once (different runs and riders): one kill then cuts them all short.
  const bookings = JSON.parse(process.argv[2] ?? '[]') as { actor: Actor; input: BookSeatsInput }[]
  const done = await Promise.all(bookings.map(({ actor, input }) => bookSeats(actor, input)))
  process.stdout.write(JSON.stringify({ bookingIds: done.map((b) => b.id) }) + '\n')
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n')
  process.exit(1)
})
