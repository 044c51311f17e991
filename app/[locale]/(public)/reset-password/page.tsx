// Setting a new password from the emailed link. The link is checked here only to show the form or
// say it has expired; the action uses the token up.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { isTokenLive } from '@/lib/accounts/auth-tokens'
import { db } from '@/lib/db'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { ResetForm } from './reset-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accountMail')
  return { title: t('resetTitle') }
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params
  setRequestLocale(locale)
  const raw = (await searchParams).token
  const token = typeof raw === 'string' ? raw : ''
  const [t, live] = await Promise.all([getTranslations('accountMail'), isTokenLive(db, 'PASSWORD_RESET', token)])
  return (
    <div className="card stack" style={{ maxWidth: 460, margin: '0 auto' }}>
      <h1>{t('resetTitle')}</h1>
      {live ? (
        <ResetForm token={token} />
      ) : (
        <>
          <p className="notice warn">{t('linkExpired')}</p>
          <p><Link href="/forgot-password" className="button">{t('sendResetLink')}</Link></p>
        </>
      )}
    </div>
  )
}
