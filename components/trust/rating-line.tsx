// A member's rating as a short line: "★ 4,5 · 3 отзыва", or "no reviews yet".
import { useLocale, useTranslations } from 'next-intl'
import { INTL_LOCALE } from '@/lib/format'
import type { Locale } from '@/lib/i18n/routing'
import type { Rating } from '@/lib/profiles/member-records'
import './trust.css'

export function RatingLine({ rating }: { rating: Rating }) {
  const t = useTranslations('trust')
  const locale = useLocale()
  if (rating.average === null || rating.count === 0) return <span className="rating-line muted" data-testid="rating">{t('noReviews')}</span>
  const average = new Intl.NumberFormat(INTL_LOCALE[locale as Locale] ?? 'ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating.average)
  return (
    <span className="rating-line" data-testid="rating">
      <span className="stars">
        <span aria-hidden="true">★ </span>
        {average}
        <span className="sr-only"> {t('outOfFive')}</span>
      </span>{' '}
      <span>· {t('reviewsCount', { count: rating.count })}</span>
    </span>
  )
}
