// Counting the statements a piece of work sends to PostgreSQL, in a test: every query through any
// pg client of this process (Prisma's adapter included) is counted while the test file runs.
// Call once at the top of a file or describe block; it installs and removes itself with the hooks.
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

export function statementCounter(): (work: () => Promise<unknown>) => Promise<number> {
  let statements = 0
  const originalQuery = pg.Client.prototype.query
  beforeAll(() => {
    pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
      statements++
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof originalQuery
  })
  afterAll(() => {
    pg.Client.prototype.query = originalQuery
  })
  return async (work) => {
    const before = statements
    await work()
    return statements - before
  }
}
