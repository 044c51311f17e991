'use client'
// The booking form: who travels (the account's traveller profiles), the price for that many seats
// (recomputed here as boxes are ticked, with the same pure function the server uses), then the
// server action. Its answers — refused by the legal check, a warning to acknowledge, the run is full
// (join the waitlist?), booked — are shown in plain words in a live region above the form. Once the
// viewer holds a booking, the page passes it in as `children` and it replaces the form.
import { useLocale, useTranslations } from 'next-intl'
import { useState, type FormEvent, type ReactNode } from 'react'
import { formatDateTime, formatTenge } from '@/lib/format'
import { partyQuote, type PricedRun } from '@/components/trips/party-quote'
import { readTravellerVerdicts } from '@/components/trips/reasons'
import { TravellerVerdicts } from '@/components/trips/traveller-verdicts'
import { TripPrice } from '@/components/trips/trip-price'
import { useFormAction } from '@/components/ui/use-form-action'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { bookSeatsAction } from './actions'
import { CurrentStayFields, readCurrentStayRequired, type CurrentStayTraveller } from './current-stay-fields'
import { OneWayOffers, readOneWayOffers } from './one-way-offers'
import { TravellerForm } from '@/app/[locale]/(app)/stay/traveller-form'

export type BookingTraveller = { id: string; name: string; isSelf: boolean }

type Props = {
  tripId: string
  idempotencyKey: string
  run: PricedRun
  approvalMode: 'INSTANT' | 'MANUAL'
  travellers: BookingTraveller[]
  ownBookingId: string | null
  /** Today in Kazakhstan (the latest entry date the form accepts). */
  today: string
  children?: ReactNode
}

export function BookingPanel({ tripId, idempotencyKey, run, approvalMode, travellers, ownBookingId, today, children }: Props) {
  const t = useTranslations('booking')
  const locale = useLocale() as Locale
  const money = (amount: number) => formatTenge(locale, amount)
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(bookSeatsAction)
  const self = travellers.find((tr) => tr.isSelf)
  const [selected, setSelected] = useState<string[]>(self ? [self.id] : [])
  const [submitted, setSubmitted] = useState<string | null>(null)
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null)
  const selectionKey = [...selected].sort().join(',')
  const quote = partyQuote(run, selected.length)

  // A refusal is about the party that was submitted; once the boxes change it no longer applies.
  const refusal = state && !state.ok && submitted === selectionKey ? state : null
  const success = state?.ok && state.data.id === ownBookingId ? state.data : null
  const warning = refusal?.code === 'LEGAL_WARNING'
  const full = refusal?.code === 'TRIP_FULL'
  const verdicts = refusal ? readTravellerVerdicts(refusal.details) : []
  const oneWay = refusal?.code === 'LEGAL_BLOCKED' ? readOneWayOffers(refusal.details) : null
  // CURRENT_STAY_REQUIRED: ask those travellers' entry dates here, and keep asking through a
  // validation answer (state from the previous answer, updated while rendering).
  const [askStayFor, setAskStayFor] = useState<CurrentStayTraveller[]>([])
  const [answered, setAnswered] = useState(state)
  if (state !== answered) {
    setAnswered(state)
    if (state && !state.ok && state.code === 'CURRENT_STAY_REQUIRED') setAskStayFor(readCurrentStayRequired(state.details))
    else if (state?.ok) setAskStayFor([])
  }
  const askStay = askStayFor.filter((traveller) => selected.includes(traveller.travellerId))

  const toggle = (id: string, on: boolean) => setSelected((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)))
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSubmitted(selectionKey)
    if (new FormData(event.currentTarget).get('acknowledgeWarning') === 'true') setAcknowledgedFor(selectionKey)
    onSubmit(event)
  }

  let outcome: ReactNode = null
  if (success) {
    const amount = success.quotedTenge === success.capTenge ? t('outcome.amount', { amount: money(success.capTenge) }) : t('outcome.amountShared', { now: money(success.quotedTenge), cap: money(success.capTenge) })
    outcome = (
      <div className="notice ok" role="status" data-testid="booking-success" data-status={success.status}>
        <p><strong>
          {success.status === 'PENDING'
            ? success.expiresAt
              ? t('outcome.PENDING', { seats: success.seats, until: formatDateTime(locale, success.expiresAt) })
              : t('outcome.PENDING_NO_TIME', { seats: success.seats })
            : t(`outcome.${success.status}`, { seats: success.seats })}
        </strong></p>
        <p style={{ margin: 0 }}>{amount}</p>
      </div>
    )
  } else if (refusal) {
    const tone = refusal.code === 'LEGAL_WARNING' || refusal.code === 'TRIP_FULL' ? 'warn' : 'block'
    outcome = (
      <div className={`notice ${tone}`} role={tone === 'block' ? 'alert' : 'status'} data-testid="booking-refusal" data-code={refusal.code}>
        <p>{refusal.message}</p>
        {verdicts.length && refusal.code !== 'CURRENT_STAY_REQUIRED' ? <TravellerVerdicts travellers={verdicts} only="problems" /> : null}
        {oneWay ? <OneWayOffers offers={oneWay} /> : null}
      </div>
    )
  }

  return (
    <div className="stack-sm">
      <div aria-live="polite" data-testid="booking-outcome">{outcome}</div>
      {ownBookingId ? (
        children
      ) : (
        <form action={formAction} onSubmit={submit} className="form" aria-labelledby="book-heading">
          <input type="hidden" name="tripId" value={tripId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <fieldset className="traveller-choice" aria-describedby={fieldErrors.travellerIds ? 'travellers-error' : undefined}>
            <legend>{t('whoTravels')}</legend>
            {travellers.length === 0 ? (
              <p className="small">
                {t('noTravellers')} <Link href="/stay">{t('openStay')}</Link>
              </p>
            ) : (
              travellers.map((tr) => (
                <label key={tr.id} className="checkbox">
                  <input
                    type="checkbox"
                    name="travellerIds[]"
                    value={tr.id}
                    checked={selected.includes(tr.id)}
                    onChange={(e) => toggle(tr.id, e.currentTarget.checked)}
                  />
                  <span>{tr.isSelf ? t('selfTraveller', { name: tr.name }) : tr.name}</span>
                </label>
              ))
            )}
            {/* Adding a companion here keeps the run page (and the choices made on it) in place. */}
            <details className="add-companion">
              <summary>{t('addCompanion')}</summary>
              <TravellerForm stayOnPage />
            </details>
            <div aria-live="polite">
              {fieldErrors.travellerIds ? <p id="travellers-error" className="field-error">{fieldErrors.travellerIds.join(' ')}</p> : null}
            </div>
          </fieldset>

          <div className="quote-box stack-sm" data-testid="booking-quote">
            <p className="small muted">{selected.length ? t('quoteFor', { seats: quote.seats }) : t('quoteNone')}</p>
            <TripPrice pricingMode={run.pricingMode} pricePerSeatTenge={run.pricePerSeatTenge} quote={quote} />
            {run.pricingMode === 'SHARED_COST' ? <p className="small">{t('capPromise', { cap: money(quote.capTenge) })}</p> : null}
            {!quote.fits ? <p className="small">{t('notEnoughSeats')}</p> : null}
          </div>

          {askStay.length ? <CurrentStayFields travellers={askStay} today={today} fieldErrors={fieldErrors} /> : null}

          {warning ? (
            <label className="checkbox">
              <input type="checkbox" name="acknowledgeWarning" value="true" required />
              <span>{t('acknowledge')}</span>
            </label>
          ) : null}
          {full ? <input type="hidden" name="joinWaitlist" value="true" /> : null}
          {/* A warning acknowledged before the run turned out full still holds for the waitlist submit. */}
          {!warning && acknowledgedFor === selectionKey ? <input type="hidden" name="acknowledgeWarning" value="true" /> : null}

          <div className="row">
            <button type="submit" className="button" disabled={pending || travellers.length === 0} aria-disabled={pending}>
              {full ? t('joinWaitlist') : askStay.length ? t('currentStay.submit') : approvalMode === 'INSTANT' ? t('book') : t('request')}
            </button>
            <span className="small muted">{t('payDriver')}</span>
          </div>
        </form>
      )}
    </div>
  )
}
