'use client'

import { useLocale, useTranslations } from 'next-intl'
import { VerdictBadge } from '@/components/dispatch/badges'
import { formatTime } from '@/lib/format'
import type { DayBoard } from '@/lib/dispatch/get-day-board'
import type { Locale } from '@/lib/i18n/routing'

/** The day's unassigned demand at a glance: requests waiting for approval and waitlisted parties,
 * each with its run. The actions are on the run's card (one place for each button). */
export function DemandList({ board }: { board: DayBoard; groupId: string; date: string }) {
  const t = useTranslations('board.demand')
  const locale = useLocale() as Locale
  const runs = new Map(board.directions.flatMap((d) => d.runs).map((r) => [r.id, r]))
  const groups = [
    { key: 'requests', items: board.demand.requests },
    { key: 'waitlist', items: board.demand.waitlist },
  ] as const
  return (
    <section className="card stack-sm" aria-labelledby="demand-title">
      <h2 id="demand-title">{t('title')}</h2>
      {board.demand.requests.length + board.demand.waitlist.length === 0 ? <p className="muted" style={{ margin: 0 }}>{t('none')}</p> : null}
      {groups.map(({ key, items }) =>
        items.length === 0 ? null : (
          <div key={key} className="stack-sm">
            <h3>{t(key, { count: items.length })}</h3>
            <ul className="list-plain">
              {items.map((party) => {
                const run = runs.get(party.tripId)
                return (
                  <li key={party.id} className="dx-inline">
                    <strong>{party.riderName ?? party.travellers[0]?.name}</strong>
                    <span className="small">{t('seats', { count: party.seats })}</span>
                    <VerdictBadge verdict={party.verdict} />
                    {run ? <a href={`#run-${run.id}`}>{t('onRun', { time: formatTime(locale, run.departureAt), driver: run.driver.name })}</a> : null}
                  </li>
                )
              })}
            </ul>
          </div>
        ),
      )}
    </section>
  )
}
