// The driver's contact for a rider whose booking is confirmed: tap to call, Telegram when shown.
import { useTranslations } from 'next-intl'
import type { DriverContact } from '@/lib/bookings/driver-contact'
import { formatPhone, telHref } from '@/lib/phone'

export function DriverContactLine({ contact }: { contact: DriverContact }) {
  const t = useTranslations('contact')
  if (!contact.phone && !contact.telegram) return <p className="small muted" style={{ margin: 0 }} data-testid="driver-contact">{t('noContact', { name: contact.name })}</p>
  return (
    <p className="contact-line" style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="driver-contact">
      <span>{t('driver', { name: contact.name })}</span>
      {contact.phone ? (
        <a className="button small secondary" href={telHref(contact.phone)} aria-label={t('call', { name: contact.name, phone: formatPhone(contact.phone) })}>
          📞 {formatPhone(contact.phone)}
        </a>
      ) : null}
      {contact.telegram ? (
        <a className="button small secondary" href={`https://t.me/${contact.telegram.slice(1)}`} target="_blank" rel="noopener noreferrer">
          {t('telegram', { username: contact.telegram })}
        </a>
      ) : null}
    </p>
  )
}
