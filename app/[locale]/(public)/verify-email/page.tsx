// Confirming an address from the emailed link: a button, so that mail scanners that open links
// use nothing up.
import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import type { Locale } from '@/lib/i18n/routing'
import { VerifyForm } from './verify-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accountMail')
  return { title: t('verifyTitle') }
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { locale } = await params
  setRequestLocale(locale)
  const raw = (await searchParams).token
  const t = await getTranslations('accountMail')
  return (
    <div className="card stack" style={{ maxWidth: 460, margin: '0 auto' }}>
      <h1>{t('verifyTitle')}</h1>
      <p>{t('verifyLead')}</p>
      <VerifyForm token={typeof raw === 'string' ? raw.slice(0, 200) : ''} />
    </div>
  )
}
