// Tests derive "today" from Node's clock while SQL uses now(): the two must agree, also when the
// suite runs with the clock moved (npm test runs it again under faketime +400d).
import { expect, test } from 'vitest'
import { db } from '@/lib/db'

test('the database clock agrees with the test process clock', async () => {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`
  expect(Math.abs(row!.now.getTime() - Date.now())).toBeLessThan(60_000)
})
