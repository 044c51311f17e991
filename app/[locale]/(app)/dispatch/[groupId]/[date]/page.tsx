import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/dispatch/dispatch.css'
import { formatDay } from '@/lib/format'
import { hasRole } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { addDaysIso } from '@/lib/dates/kz-date'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getDayBoard } from '@/lib/dispatch/get-day-board'
import type { Locale } from '@/lib/i18n/routing'
import { availabilityOn } from '@/lib/trips/checkpoint-status'
import { getReferenceData } from '@/lib/trips/get-reference-data'
import { orNotFound } from '../../page-guards'
import { QueryProvider } from '@/components/query-provider'
import { Board } from './board'
import type { OpenRunOptions } from './open-run-form'
import { localText, placeName, type PlaceNames } from '@/lib/i18n/place-name'

type Params = { locale: Locale; groupId: string; date: string }

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { locale, date } = await params
  const t = await getTranslations('board')
  return { title: /^\d{4}-\d{2}-\d{2}$/.test(date) ? t('title', { date: formatDay(locale, date, false) }) : t('titleShort') }
}

export default async function DayBoardPage({ params }: { params: Promise<Params> }) {
  const { locale, ...raw } = await params
  setRequestLocale(locale)
  const parsed = boardDaySchema.safeParse(raw)
  if (!parsed.success) notFound()
  const { groupId, date } = parsed.data
  const actor = await requirePageUser(locale, `/dispatch/${groupId}/${date}`)
  // Anyone but the group's coordinators (and admins) gets "not found" from the service. A busy day
  // comes without each run's confirmed parties (they load when a run is opened): a small page.
  const board = await orNotFound(getDayBoard(actor, groupId, date, { parties: 'auto' }))
  const reference = await getReferenceData()
  const name = (v: PlaceNames) => placeName(locale, v)
  const options: OpenRunOptions = {
    origins: reference.cities.filter((c) => c.isOrigin).map((c) => ({ id: c.id, name: name(c) })),
    pickupPoints: reference.pickupPoints.map((p) => ({ id: p.id, cityId: p.cityId, name: name(p) })),
    checkpoints: reference.checkpoints
      .filter((c) => availabilityOn(c.statuses, date).open)
      .map((c) => ({ id: c.id, name: `${name(c)} — ${localText(locale, c.otherSideRu, c.otherSideEn)}`, countryCode: c.countryCode, destinationCityId: c.destinationCityId })),
    destinations: reference.cities.filter((c) => !c.isOrigin).map((c) => ({ id: c.id, name: name(c), countryCode: c.countryCode })),
  }
  return (
    <QueryProvider>
      <Board
      initial={board}
      groupId={groupId}
      date={date}
      prevDate={addDaysIso(date, -1)}
      nextDate={addDaysIso(date, 1)}
      options={options}
      canOpenRuns={hasRole(actor, 'COORDINATOR', 'ADMIN')}
      />
    </QueryProvider>
  )
}
