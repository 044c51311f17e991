'use client'

import { DeleteRowButton } from './delete-row-button'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef, useState } from 'react'
import { formatDay } from '@/lib/format'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import type { StayView } from '@/lib/travellers/stays/stay-view'
import { addStayAction, deleteStayAction, updateStayAction } from './actions'

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/** The travel log: every stay in Kazakhstan, editable (runs' stays too), and a form to add one. */
export function TravelLog({ travellerId, stays, today }: { travellerId: string; stays: StayView[]; today: string }) {
  const t = useTranslations('stay.log')
  return (
    <div className="stack">
      {stays.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="stay-log" aria-label={t('listLabel')}>
          {stays.map((stay) => <StayRow key={stay.id} travellerId={travellerId} stay={stay} today={today} />)}
        </ul>
      )}
      <h3>{t('addTitle')}</h3>
      <StayForm travellerId={travellerId} today={today} />
    </div>
  )
}

function StayRow({ travellerId, stay, today }: { travellerId: string; stay: StayView; today: string }) {
  const t = useTranslations('stay.log')
  const locale = useLocale() as Locale
  const [editing, setEditing] = useState(false)
  const range = t('range', {
    entry: formatDay(locale, stay.entryOn, false),
    exit: stay.exitOn ? formatDay(locale, stay.exitOn, false) : t('stillHere'),
  })
  return (
    <li data-testid="stay-row">
      <div className="spread">
        <div>
          <strong>{range}</strong>{' '}
          <span className="muted small">{t('days', { count: daysBetween(stay.entryOn, stay.exitOn ?? today) })}</span>{' '}
          {stay.source === 'RUN' ? <span className="badge">{t('fromRun')}</span> : null}{' '}
          {stay.registrationNotedOn ? <span className="badge ok">{t('registered')}</span> : null}
        </div>
        <div className="row">
          <button type="button" className="button secondary small" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? t('cancelEdit') : t('edit')}
            <span className="sr-only"> {range}</span>
          </button>
          <DeleteRowButton action={deleteStayAction} fields={{ travellerId, stayId: stay.id }} label={t('delete')} row={range} />
        </div>
      </div>
      {editing ? (
        <div className="card" style={{ marginTop: 8 }}>
          <StayForm travellerId={travellerId} today={today} stay={stay} onDone={() => setEditing(false)} />
        </div>
      ) : null}
    </li>
  )
}

function StayForm({ travellerId, today, stay, onDone }: { travellerId: string; today: string; stay?: StayView; onDone?: () => void }) {
  const t = useTranslations('stay.log')
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(stay ? updateStayAction : addStayAction)
  const prefix = stay ? `stay-${stay.id}` : 'stay'
  useEffect(() => {
    if (!state?.ok) return
    if (!stay) formRef.current?.reset()
    router.refresh()
    if (onDone && !state.data.merged) onDone()
  }, [state, router, stay, onDone])
  const message = state?.ok ? (state.data.merged ? t('merged') : state.message) : state?.message
  const tone = state?.ok ? (state.data.merged ? 'info' : 'ok') : 'block'
  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={stay ? t('editTitle') : t('addTitle')}>
      <input type="hidden" name="travellerId" value={travellerId} />
      {stay ? <input type="hidden" name="stayId" value={stay.id} /> : null}
      <div className="grid grid-2">
        <Field id={`${prefix}-entry`} label={t('entryOn')} errors={fieldErrors.entryOn}>
          <input name="entryOn" type="date" required max={today} defaultValue={stay?.entryOn} />
        </Field>
        <Field id={`${prefix}-exit`} label={t('exitOn')} hint={t('exitHint')} errors={fieldErrors.exitOn}>
          <input name="exitOn" type="date" max={today} defaultValue={stay?.exitOn ?? ''} />
        </Field>
      </div>
      <FormMessage message={message} tone={tone} />
      <div>
        <button type="submit" className="button" disabled={pending}>{stay ? t('save') : t('add')}</button>
      </div>
    </form>
  )
}
