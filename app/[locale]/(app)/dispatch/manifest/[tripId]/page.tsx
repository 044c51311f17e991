import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { z } from 'zod'
import '@/components/dispatch/dispatch.css'
import { ManifestSheet } from '@/components/dispatch/manifest-sheet'
import { PrintButton } from '@/components/dispatch/print-button'
import { requirePageUser } from '@/lib/auth/session'
import { isoFromDbDate } from '@/lib/dates/kz-date'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { getManifest } from '@/lib/trips/get-manifest'
import { orNotFound } from '../../page-guards'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manifestPage')
  return { title: t('title') }
}

/** A run's printable manifest: its driver's and its group's coordinators'. */
export default async function RunManifestPage({ params }: { params: Promise<{ locale: Locale; tripId: string }> }) {
  const { locale, tripId } = await params
  setRequestLocale(locale)
  if (!z.uuid().safeParse(tripId).success) notFound()
  const actor = await requirePageUser(locale, `/dispatch/manifest/${tripId}`)
  const [t, manifest] = await Promise.all([getTranslations('manifestPage'), orNotFound(getManifest(actor, tripId))])
  const on = isoFromDbDate(manifest.trip.departureOn)
  return (
    <div className="stack">
      <div className="dx-toolbar no-print">
        <h1 style={{ margin: 0 }}>{t('title')}</h1>
        <div className="dx-links">
          <PrintButton label={t('print')} />
          <a href={`/api/trips/${tripId}/manifest.csv`} download>{t('csv')}</a>
          {manifest.trip.groupId ? <Link href={`/dispatch/${manifest.trip.groupId}/${on}`} className="back-link">{t('backToBoard')}</Link> : null}
        </div>
      </div>
      <ManifestSheet manifest={manifest} locale={locale} />
    </div>
  )
}
