import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/dispatch/dispatch.css'
import { formatDay, formatTenge, formatTime } from '@/lib/format'
import { requirePageUser } from '@/lib/auth/session'
import { addDaysIso } from '@/lib/dates/kz-date'
import { boardDaySchema } from '@/lib/dispatch/board-scope'
import { getDaySummary } from '@/lib/dispatch/get-day-summary'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { placeName } from '@/lib/i18n/place-name'
import { orNotFound } from '../../../page-guards'
import { MoneyChart, SeatsChart } from './summary-charts'

type Params = { locale: Locale; groupId: string; date: string }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('summary')
  return { title: t('titleShort') }
}

export default async function DaySummaryPage({ params }: { params: Promise<Params> }) {
  const { locale, ...raw } = await params
  setRequestLocale(locale)
  const parsed = boardDaySchema.safeParse(raw)
  if (!parsed.success) notFound()
  const { groupId, date } = parsed.data
  const actor = await requirePageUser(locale, `/dispatch/${groupId}/${date}/summary`)
  const [t, ts, summary] = await Promise.all([getTranslations('summary'), getTranslations('trip.status'), orNotFound(getDaySummary(actor, groupId, date))])
  const rows = summary.runs.map((r) => ({ id: r.id, label: `${formatTime(locale, r.departureAt)} ${r.driverName}` }))
  const money = (v: number) => formatTenge(locale, v)
  const { totals } = summary
  return (
    <div className="stack dx-wide-page">
      <div className="dx-toolbar">
        <nav className="dx-datenav" aria-label={t('dateNav')}>
          <Link href={`/dispatch/${groupId}/${addDaysIso(date, -1)}/summary`} className="button secondary small">← {t('prevDay')}</Link>
          <h1>{t('title', { date: formatDay(locale, date) })}</h1>
          <Link href={`/dispatch/${groupId}/${addDaysIso(date, 1)}/summary`} className="button secondary small">{t('nextDay')} →</Link>
        </nav>
        <Link href={`/dispatch/${groupId}/${date}`} className="back-link">{t('backToBoard')}</Link>
      </div>
      <p className="muted" style={{ margin: 0 }}>{summary.group.name}</p>

      <dl className="dx-stats" aria-label={t('totals')}>
        <div><dt>{t('runs')}</dt><dd data-testid="total-runs">{totals.runs}{totals.cancelledRuns ? ` ${t('cancelledCount', { count: totals.cancelledRuns })}` : ''}</dd></div>
        <div><dt>{t('seatsSold')}</dt><dd data-testid="total-seats">{t('seatsValue', { sold: totals.seatsSold, offered: totals.seatsOffered })}</dd></div>
        <div><dt>{t('fillRate')}</dt><dd data-testid="total-fill">{totals.fillRate}%</dd></div>
        <div><dt>{t('noShows')}</dt><dd data-testid="total-noshows">{totals.noShows}</dd></div>
        <div><dt>{t('moneyTotal')}</dt><dd>{money(totals.money.totalTenge)}</dd></div>
        <div><dt>{t('moneyConfirmed')}</dt><dd>{money(totals.money.confirmedTenge)}</dd></div>
      </dl>

      {summary.runs.length === 0 ? (
        <p className="notice info">{t('noRuns')}</p>
      ) : (
        <>
          <section className="card stack-sm" aria-labelledby="seats-title">
            <h2 id="seats-title">{t('seatsHeading')}</h2>
            <SeatsChart rows={rows} runs={summary.runs} />
          </section>
          <section className="card stack-sm" aria-labelledby="money-title">
            <h2 id="money-title">{t('moneyHeading')}</h2>
            <MoneyChart rows={rows} runs={summary.runs} locale={locale} />
          </section>
          <section className="card stack-sm" aria-labelledby="table-title">
            <h2 id="table-title">{t('tableHeading')}</h2>
            <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="table-title">
              <table className="table dx-summary-table">
                <thead>
                  <tr>
                    <th scope="col">{t('col.run')}</th>
                    <th scope="col">{t('col.status')}</th>
                    <th scope="col" className="dx-num">{t('col.offered')}</th>
                    <th scope="col" className="dx-num">{t('col.sold')}</th>
                    <th scope="col" className="dx-num">{t('col.fill')}</th>
                    <th scope="col" className="dx-num">{t('col.boarded')}</th>
                    <th scope="col" className="dx-num">{t('col.noShows')}</th>
                    <th scope="col" className="dx-num">{t('col.owed')}</th>
                    <th scope="col" className="dx-num">{t('col.paid')}</th>
                    <th scope="col" className="dx-num">{t('col.confirmed')}</th>
                    <th scope="col" className="dx-num">{t('col.disputed')}</th>
                    <th scope="col" className="dx-num">{t('col.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.runs.map((r, i) => (
                    <tr key={r.id} data-testid="summary-row">
                      <th scope="row">{rows[i]!.label}<br /><span className="small muted">→ {placeName(locale, r.destination)}</span></th>
                      <td>{ts(r.status)}</td>
                      <td className="dx-num">{r.seatsOffered}</td>
                      <td className="dx-num">{r.seatsSold}</td>
                      <td className="dx-num">{r.fillRate}%</td>
                      <td className="dx-num">{r.boarded}</td>
                      <td className="dx-num">{r.noShows}</td>
                      <td className="dx-num">{money(r.money.owedTenge)}</td>
                      <td className="dx-num">{money(r.money.paidTenge)}</td>
                      <td className="dx-num">{money(r.money.confirmedTenge)}</td>
                      <td className="dx-num">{money(r.money.disputedTenge)}</td>
                      <td className="dx-num">{money(r.money.totalTenge)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('totalRow')}</th>
                    <td />
                    <td className="dx-num">{totals.seatsOffered}</td>
                    <td className="dx-num">{totals.seatsSold}</td>
                    <td className="dx-num">{totals.fillRate}%</td>
                    <td className="dx-num">{totals.boarded}</td>
                    <td className="dx-num">{totals.noShows}</td>
                    <td className="dx-num">{money(totals.money.owedTenge)}</td>
                    <td className="dx-num">{money(totals.money.paidTenge)}</td>
                    <td className="dx-num">{money(totals.money.confirmedTenge)}</td>
                    <td className="dx-num">{money(totals.money.disputedTenge)}</td>
                    <td className="dx-num">{money(totals.money.totalTenge)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  )
}
