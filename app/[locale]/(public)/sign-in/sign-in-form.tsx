'use client'

import { signIn } from 'next-auth/react'
import { clearPrivateCaches } from '@/components/service-worker'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useRouter } from '@/lib/i18n/navigation'

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth')
  const router = useRouter()
  const [error, setError] = useState<string>()
  const [pending, setPending] = useState(false)

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(undefined)
    const result = await signIn('credentials', {
      redirect: false,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    }).catch(() => undefined)
    setPending(false)
    if (result?.ok && !result.error) {
      // Pages another account left for offline use are not this one's to see.
      await clearPrivateCaches()
      router.replace(callbackUrl)
      router.refresh()
      return
    }
    const code = result?.error ?? ''
    if (code.startsWith('RATE_LIMITED')) {
      const seconds = Number(code.split(':')[1] ?? 900)
      // Short waits (the account's growing delays) in seconds, long ones (an address locked out) in minutes.
      setError(seconds < 60 ? t('rateLimitedSeconds', { seconds: Math.max(1, seconds) }) : t('rateLimited', { minutes: Math.ceil(seconds / 60) }))
    } else if (code === 'CredentialsSignin') {
      setError(t('invalidCredentials'))
    } else {
      setError(t('signInFailed'))
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field id="email" label={t('email')}>
        <input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="password" label={t('password')}>
        <input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormMessage message={error} tone="block" />
      <button type="submit" className="button" disabled={pending}>
        {t('submitSignIn')}
      </button>
    </form>
  )
}
