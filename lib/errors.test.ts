import { describe, expect, test } from 'vitest'
import { isDatabaseUnavailable } from './errors'

// Messages as the app logged them while `npm run loadtest` stopped and restarted PostgreSQL under
// load (scenario B) and while the connection pool stayed exhausted under overload (scenario A).
describe('isDatabaseUnavailable', () => {
  test.each([
    { label: 'fast shutdown kills our session', error: { code: 'P2010', message: 'Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`' }, unavailable: true },
    { label: 'server shutting down', error: { message: 'Database error. Code: `57P03`. Message: `the database system is shutting down`' }, unavailable: true },
    { label: 'server starting up', error: { message: 'Database error. Code: `57P03`. Message: `the database system is starting up`' }, unavailable: true },
    { label: 'a raw query on a connection the server closed', error: { code: 'P2010', message: 'Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`' }, unavailable: true },
    { label: 'the server has no connection slot left', error: { code: 'P2037', message: 'Too many database connections opened: sorry, too many clients already' }, unavailable: true },
    { label: 'port closed while it is down', error: { code: 'P1001', message: "Can't reach database server at 127.0.0.1:5432" }, unavailable: true },
    { label: 'pg pool waited past connectionTimeoutMillis', error: new Error('timeout exceeded when trying to connect'), unavailable: true },
    { label: 'no connection for a transaction within maxWait (overload)', error: { code: 'P2028', message: 'Transaction API error: Unable to start a transaction in the given time.' }, unavailable: true },
    { label: 'a cause deeper down', error: new Error('wrapped', { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } }), unavailable: true },
    { label: 'a unique violation is ours to handle', error: { code: 'P2002', message: 'Unique constraint failed on the fields: (`email`)' }, unavailable: false },
    { label: 'a plain bug is not', error: new TypeError("Cannot read properties of undefined (reading 'id')"), unavailable: false },
  ])('$label', ({ error, unavailable }) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable)
  })
})
