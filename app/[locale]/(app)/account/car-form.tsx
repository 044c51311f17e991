'use client'

import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { addCarAction } from './actions'

export function CarForm({ phone }: { phone: string | null }) {
  const t = useTranslations('account')
  const ta = useTranslations('auth')
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(addCarAction)
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset()
      router.refresh()
    }
  }, [state, router])
  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('addCar')}>
      <div className="grid grid-2">
        <Field id="car-make" label={t('make')} errors={fieldErrors.make}>
          <input name="make" required maxLength={40} />
        </Field>
        <Field id="car-model" label={t('model')} errors={fieldErrors.model}>
          <input name="model" required maxLength={40} />
        </Field>
        <Field id="car-colour" label={t('colour')} errors={fieldErrors.colour}>
          <input name="colour" required maxLength={30} />
        </Field>
        <Field id="car-plate" label={t('plate')} errors={fieldErrors.plate}>
          <input name="plate" required maxLength={14} autoCapitalize="characters" />
        </Field>
        <Field id="car-seats" label={t('seatsInCar')} errors={fieldErrors.seats}>
          <input name="seats" type="number" min={1} max={8} defaultValue={4} required inputMode="numeric" />
        </Field>
        <Field id="car-phone" label={t('driverPhone')} hint={`${t('driverPhoneHint')} ${ta('phoneHint')}`} errors={fieldErrors.phone}>
          <input name="phone" type="tel" autoComplete="tel" inputMode="tel" defaultValue={phone ?? ''} placeholder="+7 701 234 56 78" />
        </Field>
      </div>
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('addCar')}</button>
      </div>
    </form>
  )
}
