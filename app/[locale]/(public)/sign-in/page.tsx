import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { env } from '@/lib/env'
import { requestOrigin } from '@/lib/request-origin'
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
  // Our own origin as the browser sees it: an absolute URL of ours (next-auth's own redirects send
  // one) is followed too; anything else goes home.
  const origin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : requestOrigin(await headers(), env.TRUST_PROXY)
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, origin ?? undefined)
  return (
    <div className="card stack" style={{ maxWidth: 460, margin: '0 auto' }}>
      <h1>{t('signInTitle')}</h1>
      {/* Sent here from a page that needs an account: say why, not just "sign in". */}
      {callbackUrl && callbackUrl !== '/' ? (
        <p className="notice info" role="status">
          {callbackUrl === '/stay' || callbackUrl.startsWith('/stay?') ? t('whyStay') : t('whySignIn')}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="small">
        {t('noAccount')} <Link href="/register">{t('submitRegister')}</Link>
      </p>
      <p className="small muted">{t('demoHint')}</p>
    </div>
  )
}
