'use client'
// Asked inline when the booking was refused with CURRENT_STAY_REQUIRED: since when each of these
// travellers has been in Kazakhstan. An empty travel log is not zero days; the date becomes the
// traveller's open stay, written by the server with the booking (lib/bookings/book-seats.ts).
import { useTranslations } from 'next-intl'
import { Field } from '@/components/ui/field'

export type CurrentStayTraveller = { travellerId: string; name: string }

/** `details.currentStayRequired` of a CURRENT_STAY_REQUIRED refusal, read without trusting its shape. */
export function readCurrentStayRequired(details: unknown): CurrentStayTraveller[] {
  if (typeof details !== 'object' || details === null) return []
  const list = (details as { currentStayRequired?: unknown }).currentStayRequired
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { travellerId, name } = item as { travellerId?: unknown; name?: unknown }
    return typeof travellerId === 'string' && typeof name === 'string' ? [{ travellerId, name }] : []
  })
}

export function CurrentStayFields({ travellers, today, fieldErrors }: { travellers: CurrentStayTraveller[]; today: string; fieldErrors: Record<string, string[]> }) {
  const t = useTranslations('booking.currentStay')
  const general = Object.entries(fieldErrors)
    .filter(([key]) => key.startsWith('currentStays') && !travellers.some((tr) => key === `currentStays.${tr.travellerId}`))
    .flatMap(([, messages]) => messages)
  return (
    <fieldset className="stack-sm" data-testid="current-stay-fields">
      <legend>{t('title')}</legend>
      <p className="small">{t('intro')}</p>
      {travellers.map((traveller) => (
        <Field key={traveller.travellerId} id={`current-stay-${traveller.travellerId}`} label={t('entryOn', { name: traveller.name })} errors={fieldErrors[`currentStays.${traveller.travellerId}`]}>
          <input type="date" name={`currentStay.${traveller.travellerId}`} max={today} required />
        </Field>
      ))}
      <div aria-live="polite">{general.length ? <p className="field-error">{general.join(' ')}</p> : null}</div>
    </fieldset>
  )
}
