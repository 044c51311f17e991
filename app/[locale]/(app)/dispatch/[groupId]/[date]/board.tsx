'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { formatDay } from '@/lib/format'
import type { DayBoard } from '@/lib/dispatch/get-day-board'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { BOARD_POLL_MS, boardKey, fetchBoard, runsKey } from './board-queries'
import { DemandList } from './demand-list'
import { OpenRunForm, type OpenRunOptions } from './open-run-form'
import { RunCard } from './run-card'
import { RunRow } from './run-row'

type Props = { initial: DayBoard; groupId: string; date: string; prevDate: string; nextDate: string; options: OpenRunOptions; canOpenRuns: boolean }

export function Board({ initial, groupId, date, prevDate, nextDate, options, canOpenRuns }: Props) {
  const t = useTranslations('board')
  const locale = useLocale() as Locale
  const queryClient = useQueryClient()
  const key = boardKey(groupId, date)
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchBoard(groupId, date, locale, queryClient.getQueryData<DayBoard>(key)),
    initialData: initial,
    staleTime: 0,
    refetchInterval: BOARD_POLL_MS,
    refetchOnWindowFocus: true,
  })
  const board = query.data
  const allRuns = board.directions.flatMap((d) => d.runs)
  const past = date < board.today
  const busyDay = allRuns.some((r) => r.parties === null)
  // A busy day shows each run as a row; the coordinator opens the ones to work on.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set())
  // The run just opened or collapsed: its new button takes the focus (the old one is gone).
  const [toggled, setToggled] = useState<string | null>(null)
  const setOpen = (id: string, open: boolean) => {
    setToggled(id)
    setOpened((current) => {
      const next = new Set(current)
      if (open) next.add(id)
      else next.delete(id)
      return next
    })
  }
  // Something changed on the day: the runs opened on a busy day's board load their parties again.
  const version = board.version
  const firstVersion = useRef(version)
  useEffect(() => {
    if (version !== firstVersion.current) void queryClient.invalidateQueries({ queryKey: runsKey(groupId, date) })
  }, [version, queryClient, groupId, date])

  return (
    <div className="stack dx-wide-page" data-testid="board" data-version={board.version}>
      <div className="dx-toolbar">
        <nav className="dx-datenav" aria-label={t('dateNav')}>
          <Link href={`/dispatch/${groupId}/${prevDate}`} className="button secondary small" title={t('prevDayLabel', { date: formatDay(locale, prevDate) })}>
            <span aria-hidden="true">←</span> {t('prevDay')}
          </Link>
          <h1>{t('title', { date: formatDay(locale, date) })}</h1>
          <Link href={`/dispatch/${groupId}/${nextDate}`} className="button secondary small" title={t('nextDayLabel', { date: formatDay(locale, nextDate) })}>
            {t('nextDay')} <span aria-hidden="true">→</span>
          </Link>
          {date !== board.today ? <Link href={`/dispatch/${groupId}/${board.today}`} className="button secondary small">{t('today')}</Link> : null}
        </nav>
        <UpdatedAgo updatedAt={query.dataUpdatedAt} failed={query.isError} />
      </div>
      <div className="dx-toolbar">
        <p className="muted" style={{ margin: 0 }}>{board.group.name}</p>
        <div className="dx-links">
          <Link href={`/dispatch/${groupId}/${date}/summary`}>{t('links.summary')}</Link>
          <Link href={`/dispatch/${groupId}/${date}/manifest`}>{t('links.dayManifest')}</Link>
          <a href={`/api/dispatch/${groupId}/${date}/manifest.csv`} download>{t('links.dayCsv')}</a>
          <Link href={`/dispatch/${groupId}/audit?date=${date}`}>{t('links.audit')}</Link>
          <Link href={`/dispatch/groups/${groupId}`}>{t('links.group')}</Link>
        </div>
      </div>

      <dl className="dx-stats" aria-label={t('stats.label')}>
        <div><dt>{t('stats.runs')}</dt><dd>{board.totals.runs}</dd></div>
        <div><dt>{t('stats.seats')}</dt><dd>{t('stats.seatsValue', { booked: board.totals.seatsConfirmed + board.totals.seatsPending, total: board.totals.seatsOffered })}</dd></div>
        <div><dt>{t('stats.unassigned')}</dt><dd>{board.demand.requests.length + board.demand.waitlist.length}</dd></div>
        <div><dt>{t('stats.checkedIn')}</dt><dd>{t('stats.checkedInValue', { boarded: board.totals.boarded, total: board.totals.travellers })}</dd></div>
        <div><dt>{t('stats.noShows')}</dt><dd>{board.totals.noShows}</dd></div>
      </dl>

      {allRuns.length === 0 ? <p className="notice info">{t('noRuns')}</p> : null}
      {busyDay ? <BusyDayNote /> : null}

      {board.directions.map((direction) => (
        <section key={direction.code} className="dx-direction stack-sm" aria-labelledby={`direction-${direction.code}`}>
          <h2 id={`direction-${direction.code}`}>
            {t.has(`direction.${direction.code}`) ? t(`direction.${direction.code}` as never) : direction.code}
            <span className="small muted">{t('runCount', { count: direction.runs.length })}</span>
          </h2>
          <ul className="dx-runs">
            {direction.runs.map((run) => (
              <li key={run.id}>
                {busyDay && !opened.has(run.id) ? (
                  <RunRow run={run} onOpen={() => setOpen(run.id, true)} focus={toggled === run.id} />
                ) : (
                  <RunCard run={run} targets={direction.runs.filter((r) => r.id !== run.id)} groupId={groupId} date={date} onCollapse={busyDay ? () => setOpen(run.id, false) : undefined} focus={toggled === run.id} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <DemandList board={board} groupId={groupId} date={date} />

      {canOpenRuns && !past ? (
        <details className="dx-panel card" id="open-run">
          <summary>{t('openRun.title')}</summary>
          <OpenRunForm groupId={groupId} date={date} drivers={board.drivers} options={options} />
        </details>
      ) : null}
      <p className="small muted">{t('legend')}</p>
      <CapacityLegend />
    </div>
  )
}

function BusyDayNote() {
  const t = useTranslations('boardParties')
  return <p className="small muted" style={{ margin: 0 }}>{t('busyDay')}</p>
}

function CapacityLegend() {
  const t = useTranslations('board.capacity')
  return (
    <ul className="dx-legend small" aria-label={t('legendLabel')}>
      <li><span aria-hidden="true" className="dx-seat-confirmed" />{t('legendConfirmed')}</li>
      <li><span aria-hidden="true" className="dx-seat-pending" />{t('legendPending')}</li>
      <li><span aria-hidden="true" className="dx-seat-free" />{t('legendFree')}</li>
      <li><span aria-hidden="true" className="dx-seat-waitlist" />{t('legendWaitlist')}</li>
    </ul>
  )
}

/** "Updated 2 s ago": how fresh the board is, ticking every second; warns when polling fails. */
function UpdatedAgo({ updatedAt, failed }: { updatedAt: number; failed: boolean }) {
  const t = useTranslations('board')
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1_000))
  const stale = failed || seconds > 15
  return (
    <p className={`dx-updated${stale ? ' stale' : ''}`} data-testid="updated-ago" style={{ margin: 0 }} suppressHydrationWarning>
      {failed ? t('updatedFailed', { seconds }) : t('updatedAgo', { seconds })}
    </p>
  )
}

