// Sessions end when they should. A session is a JWT (next-auth) carrying the user's id, the user's
// session version when it was made (`sv`) and an id of its own (`sid`); every request checks both
// against the database in the one statement that also reads the user (findSessionUser). Signing out
// ends that session (its id is recorded until the token would have expired); signing out
// everywhere, an admin's change of roles and deleting the account end them all (the version moves).
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { deleteAccount } from '@/lib/accounts/delete-account'
import { setUserRole } from '@/lib/accounts/set-user-role'
import { db } from '@/lib/db'
import { createUser, TEST_PASSWORD } from '@/lib/testing/factories'
import { statementCounter } from '@/lib/testing/statement-count'
import { endSession } from './end-session'
import { purgeEndedSessions } from './purge-ended-sessions'
import { revokeSessions } from './revoke-sessions'
import { findSessionUser } from './session-user'
import { signInWithPassword } from './sign-in'

const ip = () => `ip-${randomUUID()}`
const inAMonth = () => Math.floor(Date.now() / 1000) + 30 * 24 * 3600

/** The claims next-auth's jwt callback writes at sign-in (lib/auth/options.ts). */
async function signIn(email: string) {
  const outcome = await signInWithPassword({ email, password: TEST_PASSWORD }, ip())
  if (!outcome.ok) throw new Error('sign-in failed')
  return { uid: outcome.user.id, sv: outcome.user.sessionVersion, sid: randomUUID(), exp: inAMonth() }
}

describe('a session', () => {
  test('works while nothing has ended it; two devices are two sessions', async () => {
    const user = await createUser()
    const phone = await signIn(user.email)
    const laptop = await signIn(user.email)
    expect(await findSessionUser(phone)).toMatchObject({ id: user.id, email: user.email })
    expect(await findSessionUser(laptop)).toMatchObject({ id: user.id })
  })

  test('sign-out ends that session only — the other device stays signed in', async () => {
    const user = await createUser()
    const phone = await signIn(user.email)
    const laptop = await signIn(user.email)
    await endSession(phone)
    expect(await findSessionUser(phone)).toBeNull()
    expect(await findSessionUser(laptop)).toMatchObject({ id: user.id })
    // Ending it twice (a double click) is harmless.
    await endSession(phone)
  })

  test('signing out everywhere ends every session; a new sign-in works', async () => {
    const user = await createUser()
    const sessions = [await signIn(user.email), await signIn(user.email)]
    await revokeSessions(user.id)
    for (const s of sessions) expect(await findSessionUser(s)).toBeNull()
    expect(await findSessionUser(await signIn(user.email))).toMatchObject({ id: user.id })
  })

  test('an admin’s change of roles ends the user’s sessions; a change that changes nothing does not', async () => {
    const admin = await createUser({ roles: ['PASSENGER', 'ADMIN'] })
    const user = await createUser({ roles: ['PASSENGER', 'COORDINATOR'] })
    const before = await signIn(user.email)
    await setUserRole(admin, { userId: user.id, role: 'COORDINATOR', granted: true }) // has it already
    expect(await findSessionUser(before)).toMatchObject({ id: user.id })
    await setUserRole(admin, { userId: user.id, role: 'COORDINATOR', granted: false })
    expect(await findSessionUser(before)).toBeNull()
    const after = await signIn(user.email)
    expect(await findSessionUser(after)).toMatchObject({ roles: ['PASSENGER'] })
    await setUserRole(admin, { userId: user.id, role: 'ADMIN', granted: true })
    expect(await findSessionUser(after)).toBeNull()
  })

  test('deleting the account ends every session', async () => {
    const user = await createUser()
    const session = await signIn(user.email)
    await deleteAccount(user, { password: TEST_PASSWORD, confirm: true })
    expect(await findSessionUser(session)).toBeNull()
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).toEqual({ sessionVersion: 1 })
  })

  test('a token from before session versions (no sv, no sid) works until the first revocation; signing it out ends them all', async () => {
    const user = await createUser()
    const legacy = { uid: user.id }
    expect(await findSessionUser(legacy)).toMatchObject({ id: user.id })
    await endSession(legacy)
    expect(await findSessionUser(legacy)).toBeNull()
  })

  test.each([
    { label: 'an id that is not a UUID', claims: { uid: 'not-a-uuid' } },
    { label: 'a session id that is not a UUID', claims: { uid: randomUUID(), sid: 'x' } },
    { label: 'a version that is not a whole number', claims: { uid: randomUUID(), sv: 1.5 } },
    { label: 'no such user', claims: { uid: randomUUID(), sv: 0, sid: randomUUID() } },
  ])('$label: no user', async ({ claims }) => {
    expect(await findSessionUser(claims)).toBeNull()
  })

  test('ended sessions are forgotten once their token would have expired anyway', async () => {
    const user = await createUser()
    const expired = { ...(await signIn(user.email)), exp: Math.floor(Date.now() / 1000) - 60 }
    const live = await signIn(user.email)
    await endSession(expired)
    await endSession(live)
    await purgeEndedSessions()
    expect(await db.revokedSession.count({ where: { id: expired.sid } })).toBe(0)
    expect(await db.revokedSession.count({ where: { id: live.sid } })).toBe(1)
  })
})

describe('the check costs one statement', () => {
  const countQueries = statementCounter()

  test('the user, the version and the ended sessions are read together', async () => {
    const user = await createUser()
    const session = await signIn(user.email)
    await findSessionUser(session) // warm
    let found: unknown
    expect(await countQueries(async () => (found = await findSessionUser(session)))).toBe(1)
    expect(found).toMatchObject({ id: user.id })
  })
})
