'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { StatusBadge } from '@/components/dispatch/badges'
import { CapacityBar } from '@/components/dispatch/capacity-bar'
import { formatTime } from '@/lib/format'
import type { BoardRun } from '@/lib/dispatch/get-day-board'
import type { Locale } from '@/lib/i18n/routing'

/** A run of a busy day, collapsed: time, route, driver, seats, its riders counted and flagged, and
 * one button that opens the full card (whose riders load then). A few elements instead of a card
 * of buttons: a day of 200 runs stays a small page that is quick to use. */
export function RunRow({ run, onOpen, focus = false }: { run: BoardRun; onOpen: () => void; focus?: boolean }) {
  const button = useRef<HTMLButtonElement>(null)
  // Collapsed by the coordinator: the focus comes back to this row's button.
  useEffect(() => {
    if (focus) button.current?.focus()
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- on mount only
  const t = useTranslations('boardParties')
  const tb = useTranslations('board')
  const locale = useLocale() as Locale
  const name = (v: { nameRu: string; nameEn: string }) => (locale === 'ru' ? v.nameRu : v.nameEn)
  const time = formatTime(locale, run.departureAt)
  const headingId = `run-${run.id}`
  const { warn, blocked } = run.flagged
  return (
    <article className={`card dx-run${run.status === 'CANCELLED' ? ' cancelled' : ''}`} aria-labelledby={headingId} data-testid="run" data-run-id={run.id} data-driver={run.driver.name}>
      <div className="dx-run-head">
        <h3 id={headingId}>
          {time} · {name(run.origin)} → {name(run.destination)}
        </h3>
        <StatusBadge status={run.status} />
      </div>
      <div className="dx-run-facts">
        <span>{tb('driver', { name: run.driver.name })}</span>
        <span data-testid="run-count">{t('count', { parties: run.partyCount, travellers: run.travellerCount })}</span>
        {warn + blocked > 0 ? <span data-testid="run-flags">{t('flagged', { warn, blocked, both: warn > 0 && blocked > 0 ? 'yes' : 'no' })}</span> : null}
      </div>
      <CapacityBar seatsTotal={run.seatsTotal} confirmed={run.seatsConfirmed} pending={run.seatsPending} free={run.seatsFree} waitlisted={run.seatsWaitlisted} />
      <div className="dx-buttons">
        <button ref={button} type="button" className="button secondary small" aria-expanded="false" onClick={onOpen}>
          {t('open', { time })}
        </button>
      </div>
    </article>
  )
}
