// "Forgot your password?": an email with a one-time link (1 hour). The answer is the same for any
// address, registered or not.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { ForgotForm } from './forgot-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accountMail')
  return { title: t('forgotTitle') }
}

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const [t, ta] = await Promise.all([getTranslations('accountMail'), getTranslations('auth')])
  return (
    <div className="card stack" style={{ maxWidth: 460, margin: '0 auto' }}>
      <h1>{t('forgotTitle')}</h1>
      <p>{t('forgotLead')}</p>
      <ForgotForm />
      <p className="small"><Link href="/sign-in">{ta('submitSignIn')}</Link></p>
    </div>
  )
}
