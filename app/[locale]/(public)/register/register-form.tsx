'use client'

import { useTranslations } from 'next-intl'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { Link } from '@/lib/i18n/navigation'
import { registerAction } from './actions'

export function RegisterForm() {
  const t = useTranslations('auth')
  const tc = useTranslations('common')
  const { state, formAction, onSubmit, pending, fieldErrors: errors } = useFormAction(registerAction)

  // Done: the same words whether the address was new or had an account already (that owner gets an
  // email instead), so this form cannot be used to find out who is registered.
  if (state?.ok) {
    return (
      <div className="stack-sm" data-testid="registered">
        <FormMessage message={t('registeredCheckMail', { email: state.data.email })} tone="ok" />
        <p>
          <Link href="/sign-in" className="button">{t('submitSignIn')}</Link>
        </p>
      </div>
    )
  }

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <Field id="name" label={t('name')} errors={errors.name}>
        <input name="name" autoComplete="name" required maxLength={80} />
      </Field>
      <Field id="email" label={t('email')} errors={errors.email}>
        <input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="password" label={t('password')} hint={t('passwordHint')} errors={errors.password}>
        <input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field id="phone" label={`${t('phone')} (${tc('optional')})`} hint={t('phoneHint')} errors={errors.phone}>
        <input name="phone" type="tel" autoComplete="tel" inputMode="tel" placeholder="+7 701 234 56 78" />
      </Field>
      <FormMessage message={state?.message} tone="block" />
      <button type="submit" className="button" disabled={pending}>
        {t('submitRegister')}
      </button>
    </form>
  )
}
