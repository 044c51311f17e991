// Account mail through a real SMTP server started here: the address confirmation link, password
// reset (1 hour, single use, other links voided, the owner told), and registration that answers
// the same for a taken address. A database of this file's own (a delivery worker runs here).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { randomUUID } from 'node:crypto'
import { findSessionUser } from '@/lib/auth/session-user'
import { signInWithPassword } from '@/lib/auth/sign-in'
import { db } from '@/lib/db'
import { deliverDue } from '@/lib/notifications/delivery/deliver-due'
import { createEmailSender, type EmailSender } from '@/lib/notifications/delivery/senders'
import { createUser, TEST_PASSWORD } from '@/lib/testing/factories'
import { withOwnDatabase } from '@/lib/testing/own-database'
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink'
import { requestPasswordReset, resetPassword } from './password-reset'
import { registerUser, registerUserSchema } from './register-user'
import { requestEmailVerification, verifyEmail } from './verify-email'

withOwnDatabase('account_mail')
let smtp: SmtpSink
let email: EmailSender

beforeAll(async () => {
  smtp = await startSmtpSink()
  email = createEmailSender({ smtpUrl: smtp.url, from: 'Poputka <no-reply@poputka.test>' })
})
afterAll(async () => {
  email?.close()
  await smtp?.close()
})

const ip = () => `test-${randomUUID()}`

async function deliver() {
  while ((await deliverDue({ email })).claimed > 0) {
    // until the outbox is empty
  }
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}\\?token=([A-Za-z0-9_-]+)`).exec(text)
  if (!match) throw new Error(`no ${path} link in:\n${text}`)
  return match[1]!
}

describe('password reset', () => {
  test('a link by email sets a new password once; the old password and the other links stop working; the owner is told', async () => {
    const user = await createUser()
    await requestPasswordReset({ email: user.email }, ip())
    await requestPasswordReset({ email: user.email }, ip())
    await deliver()
    const mails = smtp.to(user.email).filter((m) => m.subject === 'Сброс пароля в Попутке')
    expect(mails).toHaveLength(2)
    expect(mails[0]!.text).toContain('Ссылка действует 1 час и только один раз.')
    const [first, second] = mails.map((m) => linkIn(m.text, '/reset-password'))
    // Only the token's hash is stored.
    expect(await db.authToken.count({ where: { tokenHash: first } })).toBe(0)

    await resetPassword({ token: first!, password: 'a-brand-new-password' })
    await expect(resetPassword({ token: first!, password: 'yet-another-password' })).rejects.toMatchObject({ code: 'LINK_INVALID' })
    await expect(resetPassword({ token: second!, password: 'yet-another-password' })).rejects.toMatchObject({ code: 'LINK_INVALID' })
    expect((await signInWithPassword({ email: user.email, password: 'a-brand-new-password' }, ip())).ok).toBe(true)
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())).ok).toBe(false)
    // The link proved the address is theirs; the owner hears about the change.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull()
    await deliver()
    expect(smtp.to(user.email).map((m) => m.subject)).toContain('Пароль в Попутке изменён')
  })

  test('a reset ends every session issued before it (whoever held the old password is out); a new sign-in works', async () => {
    const user = await createUser()
    /** The claims next-auth's jwt callback writes at sign-in (lib/auth/options.ts). */
    const session = async (password: string) => {
      const outcome = await signInWithPassword({ email: user.email, password }, ip())
      if (!outcome.ok) throw new Error('sign-in failed')
      return { uid: outcome.user.id, sv: outcome.user.sessionVersion, sid: randomUUID(), exp: Math.floor(Date.now() / 1000) + 3600 }
    }
    const [phone, laptop] = [await session(TEST_PASSWORD), await session(TEST_PASSWORD)]
    expect(await findSessionUser(phone)).toMatchObject({ id: user.id })
    await requestPasswordReset({ email: user.email }, ip())
    await deliver()
    const token = linkIn(smtp.to(user.email).find((m) => m.subject === 'Сброс пароля в Попутке')!.text, '/reset-password')
    // Asking for a link ends nothing; using it does.
    expect(await findSessionUser(laptop)).toMatchObject({ id: user.id })
    await resetPassword({ token, password: 'a-brand-new-password' })
    expect(await findSessionUser(phone)).toBeNull()
    expect(await findSessionUser(laptop)).toBeNull()
    expect(await findSessionUser(await session('a-brand-new-password'))).toMatchObject({ id: user.id })
  })

  test('a reset that fails ends no session', async () => {
    const user = await createUser()
    const outcome = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip())
    if (!outcome.ok) throw new Error('sign-in failed')
    const claims = { uid: outcome.user.id, sv: outcome.user.sessionVersion, sid: randomUUID(), exp: Math.floor(Date.now() / 1000) + 3600 }
    await expect(resetPassword({ token: 'N0tAL1veT0ken'.repeat(4), password: 'a-brand-new-password' })).rejects.toMatchObject({ code: 'LINK_INVALID' })
    expect(await findSessionUser(claims)).toMatchObject({ id: user.id })
  })

  test('a link is good for 1 hour', async () => {
    const user = await createUser()
    await requestPasswordReset({ email: user.email }, ip())
    await deliver()
    const token = linkIn(smtp.to(user.email).at(-1)!.text, '/reset-password')
    await expect(resetPassword({ token, password: 'a-brand-new-password' }, new Date(Date.now() + 61 * 60_000))).rejects.toMatchObject({ code: 'LINK_INVALID' })
    await expect(resetPassword({ token, password: 'a-brand-new-password' }, new Date(Date.now() + 59 * 60_000))).resolves.toMatchObject({ userId: user.id })
  })

  test('an unknown address gets the same answer and no mail; an account gets at most 3 mails an hour', async () => {
    const nobody = `nobody-${randomUUID().slice(0, 8)}@test.poputka.kz`
    expect(await requestPasswordReset({ email: nobody }, ip())).toEqual({ email: nobody })
    const user = await createUser()
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email: user.email }, ip())).toEqual({ email: user.email })
    await deliver()
    expect(smtp.to(nobody)).toHaveLength(0)
    expect(smtp.to(user.email)).toHaveLength(3)
  })
})

describe('confirming an address', () => {
  test('registration sends a link; the link confirms that address once', async () => {
    const address = `reg-${randomUUID().slice(0, 8)}@test.poputka.kz`
    await registerUser(registerUserSchema.parse({ name: 'Дина', email: address, password: 'long-enough-pw', locale: 'en' }), ip())
    await deliver()
    const mail = await smtp.waitFor((m) => m.to.includes(address))
    expect(mail.subject).toBe('Confirm your email address for Poputka')
    const token = linkIn(mail.text, '/en/verify-email')
    await verifyEmail({ token })
    expect((await db.user.findUniqueOrThrow({ where: { email: address } })).emailVerifiedAt).not.toBeNull()
    await expect(verifyEmail({ token })).rejects.toMatchObject({ code: 'LINK_INVALID' })
  })

  test('a link sent to an old address does not confirm a changed one', async () => {
    const user = await createUser()
    await requestEmailVerification(user)
    await deliver()
    const token = linkIn(smtp.to(user.email).at(-1)!.text, '/verify-email')
    await db.user.update({ where: { id: user.id }, data: { email: `changed-${randomUUID().slice(0, 8)}@test.poputka.kz` } })
    await expect(verifyEmail({ token })).rejects.toMatchObject({ code: 'LINK_INVALID' })
  })

  test('a taken address at registration: the owner gets "someone tried", the caller the same answer', async () => {
    const owner = await createUser()
    expect(await registerUser(registerUserSchema.parse({ name: 'X', email: owner.email, password: 'long-enough-pw' }), ip())).toEqual({ email: owner.email })
    await deliver()
    const mails = smtp.to(owner.email)
    expect(mails.map((m) => m.subject)).toEqual(['Попытка регистрации с вашим адресом'])
    expect(mails[0]!.text).toContain('/forgot-password')
  })
})
