import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import '@/components/dispatch/dispatch.css'
import { getAccount } from '@/lib/accounts/get-account'
import { hasRole } from '@/lib/auth/permissions'
import { requirePageUser } from '@/lib/auth/session'
import { inviteRoleOf } from '@/lib/dispatch/join-group'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { JoinGroupForm } from '../group-forms'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dispatch.join')
  return { title: t('title') }
}

export default async function JoinGroupPage({ params, searchParams }: { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const raw = (await searchParams).code
  const code = typeof raw === 'string' ? raw.slice(0, 32) : ''
  const actor = await requirePageUser(locale, code ? `/dispatch/join?code=${encodeURIComponent(code)}` : '/dispatch/join')
  const [t, account, invitedAs] = await Promise.all([getTranslations('dispatch.join'), getAccount(actor), code ? inviteRoleOf(code) : Promise.resolve(null)])
  // Joining as a driver needs a car: someone without one is told what to do first, not shown a form
  // that refuses. A coordinator's invitation needs no car.
  const isDriver = hasRole(actor, 'DRIVER') && account.cars.length > 0
  const asCoordinator = invitedAs === 'COORDINATOR'
  return (
    <div className="stack" style={{ maxWidth: 560 }}>
      <h1 id="join-title">{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      {asCoordinator ? <p className="notice info" data-testid="coordinator-invite">{t('asCoordinator')}</p> : null}
      {isDriver || asCoordinator ? (
        <div className="card"><JoinGroupForm initialCode={code} /></div>
      ) : (
        <div className="card stack-sm">
          <p className="notice warn" style={{ margin: 0 }}>{t('needCar')}</p>
          <p style={{ margin: 0 }}><Link href="/account" className="button">{t('needCarLink')}</Link></p>
        </div>
      )}
    </div>
  )
}
