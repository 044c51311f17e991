import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { formatDay } from '@/lib/format'
import { reasonText } from '@/components/stay/reason-text'
import { StayCalendar } from '@/components/stay/stay-calendar'
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
          {status?.registration ? (
            <RegistrationNotice
              stayId={status.registration.stayId}
              text={t('registration.text', {
                entryOn: formatDay(locale, status.registration.entryOn, false),
                dueOn: formatDay(locale, status.registration.dueOn, false),
              })}
            />
          ) : null}
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

async function StaySummary({ status, locale }: { status: StayStatus; locale: Locale }) {
  const [t, tr] = await Promise.all([getTranslations('stay.summary'), getTranslations('stayReasons')])
  const { assessment, traveller, currentStay, nextEntry } = status
  const present = currentStay !== null
  const day = (on: string) => formatDay(locale, on, false)
  const unlimited = assessment.reasons.some((reason) => reason.code === 'LIMIT_HORIZON')
  // The reason that decides the dates, in plain words; the rest sit under "how we counted".
  const binding = assessment.reasons.filter((reason) =>
    ['OVERSTAY', 'OVERSTAY_PER_ENTRY', 'LIMIT_WINDOW', 'LIMIT_PER_ENTRY', 'EXEMPTION_ENDS', 'EARLIEST_ENTRY', 'UNKNOWN_NATIONALITY', 'EXEMPT'].includes(reason.code),
  )
  const overstaying = assessment.overstayDays > 0 || assessment.perEntryOverstayDays > 0
  return (
    <section className="card stack-sm" aria-labelledby="summary-title" data-testid="stay-summary">
      <h2 id="summary-title">{t('title', { name: traveller.name })}</h2>
      <p className="small">
        <span className="badge">{t(`regime.${assessment.regime}`)}</span>{' '}
        <span className="muted">{t('citizenship', { country: countryName(traveller.citizenship, locale) })}</span>
      </p>
      <dl className="stay-figures">
        <div>
          <dt>{t('daysUsed', { windowDays: assessment.rule.windowDays })}</dt>
          <dd data-testid="days-used">{t('daysUsedValue', { daysUsed: assessment.daysUsed, max: assessment.rule.maxDaysInWindow })}</dd>
        </div>
        <div>
          <dt>{t('daysRemaining')}</dt>
          <dd data-testid="days-remaining">{assessment.daysRemaining}</dd>
        </div>
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
        <div className={`notice ${overstaying ? 'block' : assessment.regime === 'unknown' ? 'warn' : 'info'}`} data-testid="binding-reason">
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
