// Every kind of notice on main is delivered: it has a topic (so it gets delivery rows), an in-app
// line (account mail aside) and an email/Telegram text in Russian, English and Kazakh — none is
// silently dropped or sent as a bare message key.
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import en from '@/messages/en.json'
import kk from '@/messages/kk.json'
import ru from '@/messages/ru.json'
import { createUser } from '@/lib/testing/factories'
import { renderNotice } from './delivery/render-message'
import { NOTIFICATION_TOPICS, topicOf } from './notify'

const kinds = Object.keys(NOTIFICATION_TOPICS)
const catalogues = { ru, en, kk } as Record<string, { notifications: Record<string, string>; deliver: { subject: Record<string, string> } }>

describe('every notification kind', () => {
  test('includes the kind issue 11 added, and each has a topic', () => {
    expect(kinds).toContain('BOOKING_LEGAL_WORSENED')
    for (const kind of kinds) expect(topicOf(kind)).not.toBeNull()
  })

  test.each(Object.keys(catalogues))('%s: an in-app line (but account mail) and an email/Telegram subject', (locale) => {
    const missing: string[] = []
    for (const kind of kinds) {
      if (NOTIFICATION_TOPICS[kind as keyof typeof NOTIFICATION_TOPICS] !== 'ACCOUNT' && !catalogues[locale]!.notifications[kind]) missing.push(`notifications.${kind}`)
      if (!catalogues[locale]!.deliver.subject[kind]) missing.push(`deliver.subject.${kind}`)
    }
    expect(missing).toEqual([])
  })

  test.each(['ru', 'en', 'kk'])('%s: each renders to a subject and lines with no message key left in them', async (locale) => {
    const reader = await createUser({ name: 'Айгерім' })
    for (const kind of kinds) {
      const params = { tripId: randomUUID(), bookingId: randomUUID(), route: 'Алматы → Бишкек', departureAt: new Date().toISOString(), seats: 2, pending: 1, rider: 'Ерлан', verdict: 'WARN', name: 'Ерлан', exitOn: '2027-01-10', dueOn: '2027-01-10', daysLeft: 3, reason: 'Пробки', changes: [], published: 1, upheld: 1, note: 'Будьте вежливы' }
      const message = await renderNotice({ id: randomUUID(), kind, params, createdAt: new Date() }, { ...reader, locale }, { deliveryId: randomUUID(), channel: 'EMAIL' })
      const text = [message.subject, ...message.lines].join('\n')
      expect({ kind, subject: message.subject.length > 5 }).toEqual({ kind, subject: true })
      expect({ kind, keys: text.match(/\b(deliver|changes|notifications)\.[A-Za-z_.]+/g) }).toEqual({ kind, keys: null })
    }
  })
})
