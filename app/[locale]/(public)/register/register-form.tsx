'use client'

import { signIn } from 'next-auth/react'
import { useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { registerAction } from './actions'

export function RegisterForm() {
  const t = useTranslations('auth')
  const router = useRouter()
  const tc = useTranslations('common')
  const { state, formAction, onSubmit, pending, fieldErrors: errors } = useFormAction(registerAction)
  const password = useRef('')

  useEffect(() => {
    if (state?.ok) {
      // The account exists: sign straight in with the password just typed.
      void signIn('credentials', { redirect: false, email: state.data.email, password: password.current }).then(() => {
        router.replace('/')
        router.refresh()
      })
    }
  }, [state, router])

  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate>
      <Field id="name" label={t('name')} errors={errors.name}>
        <input name="name" autoComplete="name" required maxLength={80} />
      </Field>
      <Field id="email" label={t('email')} errors={errors.email}>
        <input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="password" label={t('password')} hint={t('passwordHint')} errors={errors.password}>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          onChange={(e) => (password.current = e.target.value)}
        />
      </Field>
      <Field id="phone" label={`${t('phone')} (${tc('optional')})`} hint={t('phoneHint')} errors={errors.phone}>
        <input name="phone" type="tel" autoComplete="tel" inputMode="tel" placeholder="+7" />
      </Field>
      <FormMessage message={state?.ok ? state.message : state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <button type="submit" className="button" disabled={pending}>
        {t('submitRegister')}
      </button>
    </form>
  )
}
