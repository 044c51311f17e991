// The calendar strip: the 180-day window ending today and the 90 days after it, one row per
// month, columns by day of month (so rows line up). The squares are a picture (role="img") whose
// label, and the visible summary beside it, say in words what it shows.
import { useTranslations } from 'next-intl'
import { formatDay, formatMonth } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'
import type { CalendarDay, StayCalendar as StayCalendarModel } from '@/lib/travellers/stay-calendar'
import './stay.css'

function dayClass(day: CalendarDay, today: string): string {
  const classes = ['stay-day']
  if (day.inWindow) classes.push('in-window')
  if (day.present) classes.push('present')
  if (day.on > today) classes.push(day.beyondLegal ? 'beyond' : 'future')
  if (day.isLastLegalDay) classes.push('last-legal')
  if (day.isToday) classes.push('today')
  return classes.join(' ')
}

function monthLabel(locale: Locale, month: string): string {
  return formatMonth(locale, month)
}

export function StayCalendar({ calendar, today, daysUsed, windowStart, latestLegalExit, locale }: {
  calendar: StayCalendarModel
  today: string
  daysUsed: number
  windowStart: string
  latestLegalExit: string | null
  locale: Locale
}) {
  const t = useTranslations('stay.calendar')
  const summary = [
    t('summaryWindow', { daysUsed, from: formatDay(locale, windowStart, false), to: formatDay(locale, today, false) }),
    latestLegalExit
      ? t('summaryLastDay', { date: formatDay(locale, latestLegalExit, false) })
      : t('summaryNoLegalDay'),
  ].join(' ')
  return (
    <div className="stack-sm">
      <div className="stay-strip" role="img" aria-label={summary}>
        {calendar.months.map((month) => (
          <div key={month.month} className="stay-month">
            <span className="stay-month-label">{monthLabel(locale, month.month)}</span>
            <div className="stay-days">
              {month.days.map((day) => (
                <span
                  key={day.on}
                  className={dayClass(day, today)}
                  style={{ gridColumn: Number(day.on.slice(8, 10)) }}
                  title={formatDay(locale, day.on)}
                  data-on={day.on}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <p className="small" data-testid="calendar-summary">{summary}</p>
      <ul className="stay-legend" aria-label={t('legend')}>
        <li><span className="stay-day present" aria-hidden="true" />{t('present')}</li>
        <li><span className="stay-day in-window" aria-hidden="true" />{t('window')}</li>
        <li><span className="stay-day today" aria-hidden="true" />{t('today')}</li>
        <li><span className="stay-day last-legal" aria-hidden="true" />{t('lastLegal')}</li>
        <li><span className="stay-day beyond" aria-hidden="true" />{t('beyond')}</li>
      </ul>
    </div>
  )
}
