import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { safeCallbackPath } from '@/lib/safe-redirect'
import { SignInForm } from './sign-in-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth')
  return { title: t('signInTitle') }
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations('auth')
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl)
  return (
    <div className="card stack" style={{ maxWidth: 460, margin: '0 auto' }}>
      <h1>{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="small">
        <Link href="/forgot-password">{t('forgotPassword')}</Link>
      </p>
      <p className="small">
        {t('noAccount')} <Link href="/register">{t('submitRegister')}</Link>
      </p>
      <p className="small muted">{t('demoHint')}</p>
    </div>
  )
}
