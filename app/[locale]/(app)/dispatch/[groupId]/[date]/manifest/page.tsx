import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/dispatch/dispatch.css'
import { formatDay } from '@/lib/format'
import { ManifestSheet } from '@/components/dispatch/manifest-sheet'
import { PrintButton } from '@/components/dispatch/print-button'
import { requirePageUser } from '@/lib/auth/session'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getDayManifest } from '@/lib/dispatch/get-day-manifest'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { orNotFound } from '../../../page-guards'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manifestPage')
  return { title: t('dayTitleShort') }
}

/** Every manifest of the group's day, one run per printed page. */
export default async function DayManifestPage({ params }: { params: Promise<{ locale: Locale; groupId: string; date: string }> }) {
  const { locale, ...raw } = await params
  setRequestLocale(locale)
  const parsed = boardDaySchema.safeParse(raw)
  if (!parsed.success) notFound()
  const { groupId, date } = parsed.data
  const actor = await requirePageUser(locale, `/dispatch/${groupId}/${date}/manifest`)
  const [t, day] = await Promise.all([getTranslations('manifestPage'), orNotFound(getDayManifest(actor, groupId, date))])
  return (
    <div className="stack">
      <div className="dx-toolbar">
        <h1 style={{ margin: 0 }}>{t('dayTitle', { group: day.group.name, date: formatDay(locale, date) })}</h1>
        <div className="dx-links no-print">
          <PrintButton label={t('print')} />
          <a href={`/api/dispatch/${groupId}/${date}/manifest.csv`} download>{t('csv')}</a>
          <Link href={`/dispatch/${groupId}/${date}`} className="back-link">{t('backToBoard')}</Link>
        </div>
      </div>
      {day.runs.length === 0 ? <p className="notice info">{t('noRuns')}</p> : null}
      {day.runs.map((manifest) => <ManifestSheet key={manifest.trip.id} manifest={manifest} locale={locale} />)}
    </div>
  )
}
