import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { z } from 'zod'
import '@/components/dispatch/dispatch.css'
import { formatDateTime, formatDay } from '@/lib/format'
import { requirePageUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { listAudit } from '@/lib/dispatch/list-audit'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { isoDate } from '@/lib/trips/trip-input'
import { orNotFound } from '../../page-guards'
import { describeAuditEntry } from './audit-text'

type Params = { locale: Locale; groupId: string }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit')
  return { title: t('title') }
}

export default async function AuditPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, groupId } = await params
  setRequestLocale(locale)
  if (!z.uuid().safeParse(groupId).success) notFound()
  const rawDate = (await searchParams).date
  const date = isoDate.safeParse(rawDate).success ? (rawDate as string) : undefined
  const actor = await requirePageUser(locale, `/dispatch/${groupId}/audit${date ? `?date=${date}` : ''}`)
  const [t, ts, log] = await Promise.all([getTranslations('audit'), getTranslations('trip.status'), orNotFound(listAudit(actor, groupId, { date }))])
  const boardDate = date ?? todayInKz()
  return (
    <div className="stack">
      <div className="dx-toolbar">
        <h1 style={{ margin: 0 }}>{date ? t('titleOn', { date: formatDay(locale, date) }) : t('title')}</h1>
        <div className="dx-links">
          {date ? <Link href={`/dispatch/${groupId}/audit`}>{t('allDays')}</Link> : null}
          <Link href={`/dispatch/${groupId}/${boardDate}`} className="back-link">{t('backToBoard')}</Link>
        </div>
      </div>
      <p className="muted" style={{ margin: 0 }}>{log.group.name} · {t('lead')}</p>
      {log.entries.length === 0 ? <p className="notice info">{t('empty')}</p> : null}
      <ol className="dx-audit" aria-label={t('title')}>
        {log.entries.map((entry) => (
          <li key={entry.id} data-testid="audit-entry" data-action={entry.action}>
            <time dateTime={entry.createdAt}>{formatDateTime(locale, entry.createdAt)}</time>
            <span>{describeAuditEntry(t as never, ts as never, locale, entry, log)}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
