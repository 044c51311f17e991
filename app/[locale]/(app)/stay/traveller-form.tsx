'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { createTravellerAction, deleteTravellerAction, updateTravellerAction } from './actions'
import { CitizenshipSelect } from './citizenship-select'

/**
 * Adds a companion, or (with `traveller`) corrects a traveller's name and passports: the passport
 * they cross the border with (the regime follows it) and a dual citizen's other citizenship. With
 * `stayOnPage` (the booking form on a run's page) adding keeps the rider where they are.
 */
export function TravellerForm({
  traveller,
  stayOnPage = false,
}: {
  traveller?: { id: string; name: string; citizenship: string; otherCitizenship?: string | null }
  stayOnPage?: boolean
}) {
  const t = useTranslations('travellers')
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(traveller ? updateTravellerAction : createTravellerAction)
  const prefix = traveller ? `traveller-${traveller.id}` : stayOnPage ? 'run-companion' : 'companion'
  useEffect(() => {
    if (!state?.ok) return
    if (!traveller) {
      formRef.current?.reset()
      if (!stayOnPage) router.push({ pathname: '/stay', query: { traveller: state.data.id } })
    }
    router.refresh()
  }, [state, router, traveller, stayOnPage])
  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={traveller ? t('editLabel', { name: traveller.name }) : t('addCompanion')}>
      {traveller ? <input type="hidden" name="travellerId" value={traveller.id} /> : null}
      <div className="grid grid-2">
        <Field id={`${prefix}-name`} label={t('name')} errors={fieldErrors.name}>
          <input name="name" required maxLength={80} defaultValue={traveller?.name} autoComplete="off" />
        </Field>
        <Field id={`${prefix}-citizenship`} label={t('citizenship')} errors={fieldErrors.citizenship}>
          <CitizenshipSelect defaultValue={traveller?.citizenship} />
        </Field>
        {traveller ? (
          <Field id={`${prefix}-other-citizenship`} label={t('otherCitizenship')} hint={t('otherCitizenshipHint')} errors={fieldErrors.otherCitizenship}>
            <CitizenshipSelect name="otherCitizenship" optional defaultValue={traveller.otherCitizenship ?? ''} />
          </Field>
        ) : null}
      </div>
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button" disabled={pending}>{traveller ? t('save') : t('add')}</button>
      </div>
    </form>
  )
}

/** Deletes a traveller with their travel log (refused while they are on a live booking). */
export function DeleteTravellerButton({ traveller }: { traveller: { id: string; name: string } }) {
  const t = useTranslations('travellers')
  const router = useRouter()
  const { state, formAction, pending } = useFormAction(deleteTravellerAction)
  useEffect(() => {
    if (state?.ok) {
      router.push('/stay')
      router.refresh()
    }
  }, [state, router])
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t('confirmDelete', { name: traveller.name }))) event.preventDefault()
      }}
      className="stack-sm"
    >
      <input type="hidden" name="travellerId" value={traveller.id} />
      <button type="submit" className="button danger small" disabled={pending}>{t('delete', { name: traveller.name })}</button>
      <FormMessage message={state && !state.ok ? state.message : undefined} tone="block" />
    </form>
  )
}
