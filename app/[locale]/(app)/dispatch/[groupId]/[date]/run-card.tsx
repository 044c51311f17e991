'use client'

import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useId, useRef, useState } from 'react'
import { PaymentBadge, StatusBadge, VerdictBadge } from '@/components/dispatch/badges'
import { CapacityBar } from '@/components/dispatch/capacity-bar'
import { formatTenge, formatTime } from '@/lib/format'
import type { BoardParty, BoardRun } from '@/lib/dispatch/get-day-board'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import type { SendResult } from './board-queries'
import { fetchRun, runKey } from './board-queries'
import { useBoardAction, type ActionMessage } from './use-board-action'
import { placeName, type PlaceNames } from '@/lib/i18n/place-name'

type Props = { run: BoardRun; targets: BoardRun[]; groupId: string; date: string; onCollapse?: () => void; focus?: boolean }

const CHECK_IN_OPEN = ['SCHEDULED', 'BOARDING', 'DEPARTED']

export function RunCard({ run, targets, groupId, date, onCollapse, focus = false }: Props) {
  const t = useTranslations('board')
  const locale = useLocale() as Locale
  const action = useBoardAction(groupId, date)
  const name = (v: PlaceNames) => placeName(locale, v)
  const time = formatTime(locale, run.departureAt)
  const cancelled = run.status === 'CANCELLED'
  const moveTargets = targets.filter((r) => r.status === 'SCHEDULED')
  const forward = run.nextStatuses.filter((s) => s !== 'CANCELLED')
  const headingId = `run-${run.id}`
  // A busy day's board comes without the confirmed parties: an opened run loads its own.
  const loaded = useRunParties(groupId, date, run, true)
  const parties = run.parties ?? loaded.parties

  return (
    <article className={`card dx-run${cancelled ? ' cancelled' : ''}`} aria-labelledby={headingId} data-testid="run" data-run-id={run.id} data-driver={run.driver.name}>
      <div className="dx-run-head">
        <h3 id={headingId}>
          {time} · {name(run.origin)} → {name(run.destination)}
        </h3>
        <StatusBadge status={run.status} />
      </div>
      {onCollapse ? <CollapseButton time={time} onCollapse={onCollapse} focus={focus} /> : null}
      <div className="dx-run-facts">
        <span>{t('driver', { name: run.driver.name })}{run.driver.phone ? <> · <a href={`tel:${run.driver.phone.replace(/[^\d+]/g, '')}`}>{run.driver.phone}</a></> : null}</span>
        <span>{run.car.make} {run.car.model}, {run.car.colour} · {run.car.plate}</span>
        <span>{t('via', { checkpoint: name(run.checkpoint) })}</span>
        <span>{t('pickup', { place: run.pickupLabel })}</span>
        <span>{run.roundTrip && run.returnAt ? t('returnAt', { time: formatTime(locale, run.returnAt) }) : t('oneWay')}</span>
        <span>{run.pricingMode === 'PER_SEAT' ? t('pricePerSeat', { price: formatTenge(locale, run.seatPriceTenge) }) : t('sharedCost', { total: formatTenge(locale, run.totalCostTenge ?? 0) })}</span>
      </div>

      <CapacityBar seatsTotal={run.seatsTotal} confirmed={run.seatsConfirmed} pending={run.seatsPending} free={run.seatsFree} waitlisted={run.seatsWaitlisted} />

      {forward.length > 0 ? (
        <div className="dx-buttons" role="group" aria-label={t('statusActions', { time })}>
          {forward.map((status) => (
            <button
              key={status}
              type="button"
              className="button small"
              disabled={action.pending}
              onClick={() => void action.run(`/api/trips/${run.id}/status`, { status, expectedStatus: run.status })}
            >
              {t('toStatus', { status: t(`statusName.${status}`) })}
            </button>
          ))}
        </div>
      ) : null}
      <Message message={action.message} />

      {run.parties === null && run.partyCount > 0 ? <LoadState state={loaded} /> : null}
      {parties && parties.length > 0 ? (
        <div>
          <h4 className="dx-section-title">{t('riders', { count: parties.length })}</h4>
          <ul className="dx-parties">
            {parties.map((party) => (
              <PartyItem key={party.id} party={party} run={run} targets={moveTargets} groupId={groupId} date={date} checkInOpen={CHECK_IN_OPEN.includes(run.status)} />
            ))}
          </ul>
        </div>
      ) : run.partyCount === 0 && !cancelled ? <p className="small muted" style={{ margin: 0 }}>{t('noRiders')}</p> : null}

      {run.requests.length > 0 ? (
        <>
          <h4 className="dx-section-title">{t('requests', { count: run.requests.length })}</h4>
          <ul className="dx-parties">
            {run.requests.map((party) => <PartyItem key={party.id} party={party} run={run} targets={moveTargets} groupId={groupId} date={date} checkInOpen={false} />)}
          </ul>
        </>
      ) : null}
      {run.waitlist.length > 0 ? (
        <>
          <h4 className="dx-section-title">{t('waitlist', { count: run.waitlist.length })}</h4>
          <ul className="dx-parties">
            {run.waitlist.map((party) => <PartyItem key={party.id} party={party} run={run} targets={moveTargets} groupId={groupId} date={date} checkInOpen={false} />)}
          </ul>
        </>
      ) : null}

      <div className="dx-links dx-buttons small">
        <Link href={`/dispatch/manifest/${run.id}`}>{t('links.manifest', { time })}</Link>
        <a href={`/api/trips/${run.id}/manifest.csv`} download>{t('links.csv', { time })}</a>
      </div>

      {run.nextStatuses.includes('CANCELLED') ? <CancelRun run={run} targets={moveTargets} groupId={groupId} date={date} time={time} /> : null}
    </article>
  )
}

type RunParties = { parties: BoardParty[] | null; loading: boolean; failed: boolean; retry: () => void }

/** The run's confirmed parties when they did not come with the board: fetched while `wanted`,
 * again whenever the board's version changes (board.tsx invalidates runsKey). */
function useRunParties(groupId: string, date: string, run: BoardRun, wanted: boolean): RunParties {
  const locale = useLocale()
  const query = useQuery({
    queryKey: runKey(groupId, date, run.id),
    queryFn: () => fetchRun(groupId, date, run.id, locale),
    enabled: wanted && run.parties === null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
  return { parties: query.data?.parties ?? null, loading: query.isFetching && !query.data, failed: query.isError && !query.data, retry: () => void query.refetch() }
}

/** While an opened run's riders load, or when they could not. */
function LoadState({ state }: { state: RunParties }) {
  const t = useTranslations('boardParties')
  return (
    <p aria-live="polite" className="small" style={{ margin: 0 }}>
      {state.loading ? t('loading') : null}
      {state.failed ? (
        <>
          {t('failed')}{' '}
          <button type="button" className="button secondary small" onClick={state.retry}>{t('retry')}</button>
        </>
      ) : null}
    </p>
  )
}

/** Back to the collapsed row (a busy day's board). */
function CollapseButton({ time, onCollapse, focus }: { time: string; onCollapse: () => void; focus: boolean }) {
  const t = useTranslations('boardParties')
  const button = useRef<HTMLButtonElement>(null)
  // Opened by the coordinator: the focus follows into the card.
  useEffect(() => {
    if (focus) button.current?.focus()
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- on mount only
  return (
    <div className="dx-buttons">
      <button ref={button} type="button" className="button secondary small" aria-expanded="true" onClick={onCollapse}>{t('collapse', { time })}</button>
    </div>
  )
}

function Message({ message }: { message: ActionMessage }) {
  return (
    <div className="dx-message" aria-live="polite">
      {message ? <p className={`notice ${message.tone}`} role={message.tone === 'block' ? 'alert' : 'status'} style={{ margin: 0 }}>{message.text}</p> : null}
    </div>
  )
}

function PartyItem({ party, run, targets, groupId, date, checkInOpen }: { party: BoardParty; run: BoardRun; targets: BoardRun[]; groupId: string; date: string; checkInOpen: boolean }) {
  const t = useTranslations('board')
  const locale = useLocale() as Locale
  const action = useBoardAction(groupId, date)
  const who = party.riderName ?? party.travellers[0]?.name ?? t('anonymous')
  const live = run.status === 'SCHEDULED'
  const kind = party.status === 'PENDING' ? 'request' : party.status === 'WAITLISTED' ? 'waitlisted' : 'confirmed'

  return (
    <li className={`dx-party ${kind}`} data-testid="party" data-booking-id={party.id} data-party={who}>
      <div className="dx-party-head">
        <span>
          <span className="name">{who}</span> <span className="small muted">{t('partySize', { count: party.seats })}</span>
        </span>
        {party.status === 'CONFIRMED' ? (
          <span className="dx-inline small">
            {party.riderPhone ? <a href={`tel:${party.riderPhone}`}>{party.riderPhone}</a> : null}
            {party.amountTenge !== null ? <span>{formatTenge(locale, party.amountTenge)}</span> : null}
            <PaymentBadge state={party.paymentState} />
          </span>
        ) : party.status === 'PENDING' && party.expiresAt ? (
          <span className="small muted">{t('requestExpires', { time: formatTime(locale, party.expiresAt) })}</span>
        ) : null}
      </div>
      <ul className="dx-travellers">
        {party.travellers.map((traveller) => (
          <li key={traveller.position} className="dx-traveller" data-testid="traveller" data-traveller={traveller.name}>
            <span className="who">
              <span>{traveller.name}</span>
              <VerdictBadge verdict={traveller.verdict} />
              {party.status === 'CONFIRMED' && traveller.boarding !== 'PENDING' ? (
                <span className={`badge dx-boarding-${traveller.boarding}`} data-boarding={traveller.boarding}>{t(`boarding.${traveller.boarding}`)}</span>
              ) : null}
            </span>
            {party.status === 'CONFIRMED' && checkInOpen ? (
              <span className="dx-buttons" role="group" aria-label={t('checkInFor', { name: traveller.name })}>
                {(['BOARDED', 'NO_SHOW'] as const).map((state) => (
                  <button
                    key={state}
                    type="button"
                    className="button secondary small"
                    aria-pressed={traveller.boarding === state}
                    disabled={action.pending}
                    onClick={() => void action.run(`/api/bookings/${party.id}/boarding`, { position: traveller.position, boarding: traveller.boarding === state ? 'PENDING' : state })}
                  >
                    {t(`checkIn.${state}`)}
                  </button>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="dx-buttons">
        {party.status === 'PENDING' ? (
          <>
            <button type="button" className="button small" disabled={action.pending} onClick={() => void action.run(`/api/bookings/${party.id}/decision`, { decision: 'approve' })}>
              {t('approve')}
            </button>
            <button type="button" className="button secondary small" disabled={action.pending} onClick={() => void action.run(`/api/bookings/${party.id}/decision`, { decision: 'decline' })}>
              {t('decline')}
            </button>
          </>
        ) : null}
        {party.status === 'WAITLISTED' && live ? (
          <button type="button" className="button small" disabled={action.pending} onClick={() => void action.run(`/api/dispatch/bookings/${party.id}/promote`, undefined, { success: t('promoted', { name: who }) })}>
            {t('promote')}
          </button>
        ) : null}
        {party.status === 'CONFIRMED' && party.paymentState !== 'CONFIRMED' ? (
          <button type="button" className="button secondary small" disabled={action.pending} onClick={() => void action.run(`/api/bookings/${party.id}/payment`, { state: 'CONFIRMED' })}>
            {t('paymentReceived')}
          </button>
        ) : null}
      </div>
      {(live || run.status === 'BOARDING') && targets.length > 0 ? (
        <MoveControl
          party={party}
          who={who}
          source={run}
          targets={targets}
          onMove={(move, label) => action.run(`/api/dispatch/${groupId}/${date}/moves`, { bookingId: party.id, ...move }, { success: t('moved', { name: who, run: label }), quietCodes: ['MOVE_NEEDS_CONFIRMATION'] })}
          pending={action.pending}
        />
      ) : null}
      <Message message={action.message} />
    </li>
  )
}

type MoveRequest = { targetTripId: string; confirm?: boolean; reason?: string }
type Difference = { field: string; before: string | number | boolean | null; after: string | number | boolean | null }

/** Pick another run of the same direction and move the party there. Full runs are listed too (with
 * "full"): the server decides, and says why when it refuses. A run that differs in what the rider
 * booked for (time by more than 30 minutes, pickup, no return leg, a higher price) comes back with
 * its differences: they are shown, and the move goes ahead only when the coordinator confirms. */
function MoveControl({ party, who, source, targets, onMove, pending }: { party: BoardParty; who: string; source: BoardRun; targets: BoardRun[]; onMove: (move: MoveRequest, label: string) => Promise<SendResult>; pending: boolean }) {
  const t = useTranslations('board')
  const locale = useLocale() as Locale
  const id = useId()
  const [target, setTarget] = useState('')
  const [confirming, setConfirming] = useState<{ target: BoardRun; label: string; changes: Difference[]; significant: string[] } | null>(null)
  const [reason, setReason] = useState('')
  // The list of runs is built only when asked for: a busy day has hundreds of runs and parties,
  // and a select per party on the page made the board megabytes of HTML.
  const [open, setOpen] = useState(false)
  const labelOf = (r: BoardRun) =>
    r.seatsFree > 0 ? t('moveOption', { time: formatTime(locale, r.departureAt), driver: r.driver.name, free: r.seatsFree }) : t('moveOptionFull', { time: formatTime(locale, r.departureAt), driver: r.driver.name })
  if (!open) {
    return (
      <button type="button" className="button secondary small" aria-expanded="false" onClick={() => setOpen(true)}>
        {t('moveOpen', { name: who })}
      </button>
    )
  }
  if (confirming) {
    return (
      <div className="dx-move dx-confirm" role="group" aria-labelledby={`${id}-confirm`} data-testid="move-confirm">
        <p id={`${id}-confirm`} className="small" style={{ margin: 0 }}><strong>{t('confirmMove.title', { name: who, run: confirming.label })}</strong></p>
        <ul className="small" data-testid="move-differences">
          {confirming.changes.map((c) => (
            <li key={c.field} data-significant={confirming.significant.includes(c.field) ? 'yes' : undefined}>
              <BoardChange change={c} source={source} target={confirming.target} />
            </li>
          ))}
        </ul>
        <label htmlFor={`${id}-reason`} className="small">{t('confirmMove.reason')}</label>
        <input id={`${id}-reason`} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
        <span className="dx-buttons">
          <button
            type="button"
            className="button small"
            disabled={pending}
            onClick={() => void onMove({ targetTripId: confirming.target.id, confirm: true, ...(reason.trim() ? { reason: reason.trim() } : {}) }, confirming.label).then(() => setConfirming(null))}
          >
            {t('confirmMove.submit', { count: party.seats })}
          </button>
          <button type="button" className="button secondary small" disabled={pending} onClick={() => setConfirming(null)}>{t('confirmMove.back')}</button>
        </span>
      </div>
    )
  }
  return (
    <form
      className="dx-move"
      onSubmit={(event) => {
        event.preventDefault()
        const chosen = targets.find((r) => r.id === target)
        if (!chosen) return
        void onMove({ targetTripId: chosen.id }, labelOf(chosen)).then((result) => {
          if (!result.ok && result.code === 'MOVE_NEEDS_CONFIRMATION') {
            const details = (result.details ?? {}) as { changes?: Difference[]; significant?: string[] }
            setConfirming({ target: chosen, label: labelOf(chosen), changes: details.changes ?? [], significant: details.significant ?? [] })
          }
        })
      }}
    >
      <label htmlFor={id} className="small">{t('moveLabel', { name: who })}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('moveChoose')}</option>
        {targets.map((r) => <option key={r.id} value={r.id}>{labelOf(r)}</option>)}
      </select>
      <button type="submit" className="button secondary small" disabled={pending || !target}>{t('move', { count: party.seats })}</button>
    </form>
  )
}

/** One difference between the party's run and the target, in the coordinator's language. */
function BoardChange({ change, source, target }: { change: Difference; source: BoardRun; target: BoardRun }) {
  const t = useTranslations('changes')
  const locale = useLocale() as Locale
  const name = (v: PlaceNames) => placeName(locale, v)
  const value = (v: Difference['before'], run: BoardRun): string => {
    if (v === null) return t('none')
    switch (change.field) {
      case 'time':
      case 'returnTime':
        return formatTime(locale, String(v))
      case 'returnLeg':
        return v ? t('roundTrip') : t('oneWay')
      case 'price':
        return formatTenge(locale, Number(v))
      case 'route':
        return name(run.destination)
      case 'checkpoint':
        return name(run.checkpoint)
      default:
        return String(v)
    }
  }
  return <>{t('line', { field: t(`field.${change.field}` as never), before: value(change.before, source), after: value(change.after, target) })}</>
}

/** Cancel the run, choosing for each party another run (or none: they are cancelled and told). All
 * or nothing on the server. */
function CancelRun({ run, targets, groupId, date, time }: { run: BoardRun; targets: BoardRun[]; groupId: string; date: string; time: string }) {
  const t = useTranslations('board')
  const locale = useLocale() as Locale
  const action = useBoardAction(groupId, date)
  const tp = useTranslations('boardParties')
  const [choices, setChoices] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const baseId = useId()
  const [open, setOpen] = useState(false)
  const loaded = useRunParties(groupId, date, run, open)
  const confirmed = run.parties ?? loaded.parties
  const parties = [...(confirmed ?? []), ...run.requests, ...run.waitlist]
  // A target that differs from what a party booked: the differences, and a second "yes".
  const [differences, setDifferences] = useState<{ bookingId: string; changes: Difference[] } | null>(null)
  const submit = (confirm: boolean) => {
    const moves = parties.filter((p) => choices[p.id]).map((p) => ({ bookingId: p.id, targetTripId: choices[p.id]!, ...(confirm ? { confirm: true } : {}) }))
    void action
      .run(`/api/dispatch/runs/${run.id}/cancel-and-move`, { moves, reason }, { success: t('cancel.done', { moved: moves.length, cancelled: parties.length - moves.length }), quietCodes: ['MOVE_NEEDS_CONFIRMATION'] })
      .then((result) => {
        if (!result.ok && result.code === 'MOVE_NEEDS_CONFIRMATION') {
          const details = (result.details ?? {}) as { bookingId?: string; changes?: Difference[] }
          setDifferences({ bookingId: details.bookingId ?? '', changes: details.changes ?? [] })
        } else setDifferences(null)
      })
  }
  const differing = differences ? parties.find((p) => p.id === differences.bookingId) : undefined
  const differingTarget = differing ? targets.find((r) => r.id === choices[differing.id]) : undefined
  return (
    <details className="dx-panel danger" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('cancel.open', { time })}</summary>
      {open && !confirmed ? <p className="small" aria-live="polite" style={{ margin: 0 }}>{loaded.failed ? tp('failed') : tp('loading')}</p> : null}
      {open && confirmed ? <form
        className="dx-form"
        onSubmit={(event) => {
          event.preventDefault()
          submit(false)
        }}
      >
        {parties.length === 0 ? <p className="small" style={{ margin: 0 }}>{t('cancel.empty')}</p> : <p className="small" style={{ margin: 0 }}>{t('cancel.explain')}</p>}
        {parties.map((p, i) => {
          const who = p.riderName ?? p.travellers[0]?.name ?? t('anonymous')
          return (
            <div key={p.id} className="dx-inline">
              <label htmlFor={`${baseId}-${i}`}>{t('cancel.moveLabel', { name: who, count: p.seats })}</label>
              <select id={`${baseId}-${i}`} value={choices[p.id] ?? ''} onChange={(e) => setChoices({ ...choices, [p.id]: e.target.value })}>
                <option value="">{t('cancel.noTarget')}</option>
                {targets.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.seatsFree > 0 ? t('moveOption', { time: formatTime(locale, r.departureAt), driver: r.driver.name, free: r.seatsFree }) : t('moveOptionFull', { time: formatTime(locale, r.departureAt), driver: r.driver.name })}
                  </option>
                ))}
              </select>
            </div>
          )
        })}
        <div className="dx-inline">
          <label htmlFor={`${baseId}-reason`}>{t('cancel.reason')}</label>
          <input id={`${baseId}-reason`} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} />
        </div>
        {differences && differing && differingTarget ? (
          <div className="dx-confirm" data-testid="move-confirm">
            <p className="small" style={{ margin: 0 }}><strong>{t('confirmMove.title', { name: differing.riderName ?? differing.travellers[0]?.name ?? t('anonymous'), run: formatTime(locale, differingTarget.departureAt) })}</strong></p>
            <ul className="small" data-testid="move-differences">
              {differences.changes.map((c) => <li key={c.field}><BoardChange change={c} source={run} target={differingTarget} /></li>)}
            </ul>
            <button type="button" className="button danger small" disabled={action.pending} onClick={() => submit(true)}>{t('cancel.confirmSubmit', { time })}</button>
          </div>
        ) : (
          <div>
            <button type="submit" className="button danger small" disabled={action.pending}>{t('cancel.submit', { time })}</button>
          </div>
        )}
        <Message message={action.message} />
      </form> : null}
    </details>
  )
}
