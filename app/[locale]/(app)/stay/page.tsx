import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDateTime, formatDay } from '@/lib/format'
import { reasonText } from '@/components/stay/reason-text'
import { StayCalendar } from '@/components/stay/stay-calendar'
import { readReasons } from '@/components/trips/reasons'
import '@/components/stay/stay.css'
import { requirePageUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { isAppError } from '@/lib/errors'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { countryName } from '@/lib/travellers/countries'
import { listDocuments } from '@/lib/travellers/documents/list-documents'
import { getStayStatus, type StayStatus } from '@/lib/travellers/get-stay-status'
import { listTravellers } from '@/lib/travellers/list-travellers'
import { listStays } from '@/lib/travellers/stays/list-stays'
import { DocumentsEditor } from './documents-editor'
import { RegistrationNotice } from './registration-notice'
import { SelfTravellerForm } from './self-traveller-form'
import { TravelLog } from './travel-log'
import { DeleteTravellerButton, TravellerForm } from './traveller-form'
import { WhatIfForm } from './what-if-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('stay')
  return { title: t('title') }
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ traveller?: string | string[] }> }

export default async function StayPage({ params, searchParams }: Props) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageUser(locale, '/stay')
  const [t, tt, query] = await Promise.all([getTranslations('stay'), getTranslations('travellers'), searchParams])
  const today = todayInKz()
  const travellers = await listTravellers(actor)
  const self = travellers.find((traveller) => traveller.isSelf)
  const wanted = typeof query.traveller === 'string' ? query.traveller : undefined
  const selected = travellers.find((traveller) => traveller.id === wanted) ?? self ?? travellers[0]

  let status: StayStatus | null = null
  let statusError: string | null = null
  const [stays, documents] = selected ? await Promise.all([listStays(actor, selected.id), listDocuments(actor, selected.id)]) : [[], []]
  if (selected) {
    try {
      status = await getStayStatus(actor, selected.id, today)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'TRAVEL_LOG_INVALID') throw error
      statusError = t('logInvalid')
    }
  }

  return (
    <div className="stack">
      <div>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      {!self ? (
        <section className="card stack-sm" aria-labelledby="self-title">
          <h2 id="self-title">{tt('selfTitle', { name: actor.name })}</h2>
          <p>{tt('selfWhy')}</p>
          <SelfTravellerForm />
        </section>
      ) : null}

      {travellers.length > 0 ? (
        <nav aria-label={tt('pickerLabel')}>
          <ul className="traveller-tabs">
            {travellers.map((traveller) => (
              <li key={traveller.id}>
                <Link
                  href={{ pathname: '/stay', query: { traveller: traveller.id } }}
                  aria-current={traveller.id === selected?.id ? 'page' : undefined}
                >
                  {traveller.isSelf ? tt('selfTab', { name: traveller.name }) : traveller.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <details className="card">
        <summary>{tt('addCompanion')}</summary>
        <div className="stack-sm" style={{ marginTop: 12 }}>
          <p className="small muted">{tt('companionWhy')}</p>
          <TravellerForm />
        </div>
      </details>

      {selected ? (
        <>
          {statusError ? <p className="notice block" role="alert">{statusError}</p> : null}
          {status ? <StaySummary status={status} locale={locale} /> : null}
          {status?.perEntryEndsSoon ? (
            <p className="notice warn" role="status" data-testid="per-entry-warning">
              {t('perEntryWarning', {
                max: status.perEntryEndsSoon.maxDaysPerEntry,
                date: formatDay(locale, status.perEntryEndsSoon.latestLegalExit, false),
                count: status.perEntryEndsSoon.daysLeft,
              })}
            </p>
          ) : null}
          {status?.registration ? (
            <RegistrationNotice
              stayId={status.registration.stayId}
              title={t('registration.title', { dueOn: formatDay(locale, status.registration.dueOn, false) })}
              text={
                status.registration.overdue
                  ? t('registration.overdue', { dueOn: formatDay(locale, status.registration.dueOn, false) })
                  : t('registration.text', {
                      entryOn: formatDay(locale, status.registration.entryOn, false),
                      dueOn: formatDay(locale, status.registration.dueOn, false),
                    })
              }
            />
          ) : null}
          {status && status.affectedBookings.length > 0 ? <AffectedBookings status={status} locale={locale} /> : null}
          {status ? (
            <section className="card stack-sm" aria-labelledby="calendar-title">
              <h2 id="calendar-title">{t('calendar.title')}</h2>
              <StayCalendar
                calendar={status.calendar}
                today={today}
                daysUsed={status.assessment.daysUsed}
                windowStart={status.assessment.windowStart}
                latestLegalExit={status.assessment.latestLegalExit}
                locale={locale}
              />
            </section>
          ) : null}
          <section className="card stack-sm" aria-labelledby="whatif-title">
            <h2 id="whatif-title">{t('whatIf.title')}</h2>
            <p className="small muted">{t('whatIf.intro')}</p>
            <WhatIfForm travellerId={selected.id} today={today} />
          </section>
          <section className="card stack-sm" aria-labelledby="log-title">
            <h2 id="log-title">{t('log.title')}</h2>
            <p className="small muted">{t('log.intro')}</p>
            <TravelLog travellerId={selected.id} stays={stays} today={today} />
          </section>
          <section className="card stack-sm" aria-labelledby="documents-title">
            <h2 id="documents-title">{t('documents.title')}</h2>
            <p className="small muted">{t('documents.intro')}</p>
            <DocumentsEditor travellerId={selected.id} documents={documents} />
          </section>
          <details className="card">
            <summary>{tt('manage', { name: selected.name })}</summary>
            <div className="stack" style={{ marginTop: 12 }}>
              <TravellerForm key={selected.id} traveller={selected} />
              <DeleteTravellerButton traveller={selected} />
            </div>
          </details>
        </>
      ) : null}
    </div>
  )
}

async function AffectedBookings({ status, locale }: { status: StayStatus; locale: Locale }) {
  const [t, tr] = await Promise.all([getTranslations('stay.affected'), getTranslations('stayReasons')])
  return (
    <section className="card stack-sm notice block" aria-labelledby="affected-title" data-testid="affected-bookings">
      <h2 id="affected-title">{t('title')}</h2>
      <p className="small">{t('intro')}</p>
      <ul className="stay-reasons">
        {status.affectedBookings.map((booking) => (
          <li key={booking.bookingId} data-verdict={booking.verdict}>
            <p style={{ margin: 0 }}>
              <strong>{t('item', { date: formatDateTime(locale, booking.departureAt), verdict: booking.verdict })}</strong>{' '}
              <Link href="/bookings">{t('open')}</Link>
            </p>
            <ul className="small">
              {readReasons(booking.reasons)
                .filter((reason) => reason.severity !== 'info')
                .map((reason, index) => <li key={`${reason.code}-${index}`}>{reasonText(tr, locale, reason)}</li>)}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}

async function StaySummary({ status, locale }: { status: StayStatus; locale: Locale }) {
  const [t, tr] = await Promise.all([getTranslations('stay.summary'), getTranslations('stayReasons')])
  const { assessment, traveller, currentStay, nextEntry } = status
  const present = currentStay !== null
  const day = (on: string) => formatDay(locale, on, false)
  const unlimited = assessment.reasons.some((reason) => reason.code === 'LIMIT_HORIZON')
  // Exempt: never "0 of 90"; visa required: there is no count to show.
  const counted = assessment.regime !== 'exempt' && assessment.regime !== 'visa_required'
  const exemption = assessment.reasons.find((reason) => reason.code === 'EXEMPT')
  const { rule, limits, regimeSource } = assessment
  const regimeLabel =
    assessment.regime === 'visa_free'
      ? t('regime.visa_free', { perEntry: limits?.perEntryDays ?? 0, max: rule.maxDaysInWindow, window: rule.windowDays })
      : t(`regime.${assessment.regime}`)
  // The reason that decides the dates, in plain words; the rest sit under "how we counted".
  const binding = assessment.reasons.filter((reason) =>
    [
      'OVERSTAY', 'OVERSTAY_PER_ENTRY', 'OVERSTAY_NO_VISA', 'LIMIT_WINDOW', 'LIMIT_PER_ENTRY', 'LIMIT_VISA', 'EXEMPTION_ENDS', 'EARLIEST_ENTRY',
      'UNKNOWN_NATIONALITY', 'VISA_REQUIRED', 'REGIME_UNVERIFIED', 'EXEMPT',
    ].includes(reason.code),
  )
  const overstaying = assessment.regime !== 'exempt' && (assessment.overstayDays > 0 || assessment.perEntryOverstayDays > 0)
  return (
    <section className="card stack-sm" aria-labelledby="summary-title" data-testid="stay-summary">
      <h2 id="summary-title">{t('title', { name: traveller.name })}</h2>
      <p className="small">
        <span className="badge" data-testid="regime">{regimeLabel}</span>{' '}
        {regimeSource && assessment.regime !== 'exempt' ? (
          <>
            <span className={`badge ${regimeSource.verified ? 'ok' : 'warn'}`} data-testid="regime-verified" data-verified={regimeSource.verified}>
              {regimeSource.verified ? t('verified') : t('unverified')}
            </span>{' '}
          </>
        ) : null}
        <span className="muted">{t('passport', { country: countryName(traveller.citizenship, locale) })}</span>
        {traveller.otherCitizenship ? <span className="muted"> · {t('otherPassport', { country: countryName(traveller.otherCitizenship, locale) })}</span> : null}
      </p>
      {regimeSource && assessment.regime !== 'exempt' ? (
        <p className="small muted" style={{ overflowWrap: 'anywhere' }}>
          <a href={regimeSource.url} rel="noreferrer noopener" target="_blank">{t('source', { title: regimeSource.instrument.title })}</a>
        </p>
      ) : null}
      {assessment.regime === 'exempt' ? (
        <p className="notice info" data-testid="exempt-note">{t('exemptUntil', { validTo: typeof exemption?.params.validTo === 'string' ? day(exemption.params.validTo) : 'none' })}</p>
      ) : null}
      {assessment.regime === 'visa_required' ? <p className="notice block" data-testid="visa-needed">{t('visaNeeded')}</p> : null}
      <dl className="stay-figures">
        {counted ? (
          <>
            <div>
              <dt>{t('daysUsed', { windowDays: assessment.rule.windowDays })}</dt>
              <dd data-testid="days-used">{t('daysUsedValue', { daysUsed: assessment.daysUsed, max: assessment.rule.maxDaysInWindow })}</dd>
            </div>
            <div>
              <dt>{t('daysRemaining')}</dt>
              <dd data-testid="days-remaining">{assessment.daysRemaining}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{present ? t('latestExit') : t('latestExitIfEnter')}</dt>
          <dd data-testid="latest-exit">
            {unlimited ? t('noLimit') : assessment.latestLegalExit ? day(assessment.latestLegalExit) : present ? t('leaveNow') : t('cannotEnter')}
            {assessment.latestLegalExit && !unlimited ? <span className="small muted">{t('daysFromToday', { count: assessment.maxStayDays })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{nextEntry?.afterExitOn ? t('nextEntryAfter', { date: day(nextEntry.afterExitOn) }) : t('nextEntry')}</dt>
          <dd data-testid="next-entry">
            {nextEntry ? day(nextEntry.on) : '—'}
            {nextEntry ? <span className="small muted">{t('forDays', { count: nextEntry.maxStayDays })}</span> : null}
          </dd>
        </div>
      </dl>
      {binding.length > 0 ? (
        <div className={`notice ${overstaying ? 'block' : assessment.regime === 'unknown' || assessment.regime === 'visa_required' ? 'warn' : 'info'}`} data-testid="binding-reason">
          <p className="verdict-title">{t('why')}</p>
          <ul className="stay-reasons">
            {binding.map((reason, index) => <li key={`${reason.code}-${index}`}>{reasonText(tr, locale, reason)}</li>)}
          </ul>
        </div>
      ) : null}
      <details>
        <summary>{t('howCounted')}</summary>
        <ul className="stay-reasons small">
          {assessment.reasons.map((reason, index) => <li key={`${reason.code}-${index}`}>{reasonText(tr, locale, reason)}</li>)}
        </ul>
      </details>
    </section>
  )
}
