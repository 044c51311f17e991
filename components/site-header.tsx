import { getTranslations } from 'next-intl/server'
import { HeaderMenu } from '@/components/header-menu'
import { LocaleSwitch } from '@/components/locale-switch'
import { SignOutButton } from '@/components/sign-out-button'
import { SiteNav, type NavItem } from '@/components/site-nav'
import { hasRole } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { localizePath } from '@/lib/i18n/localize-path'
import { Link } from '@/lib/i18n/server-link'
import type { Locale } from '@/lib/i18n/routing'
import { countUnreadNotifications } from '@/lib/notifications/list-notifications'

// One name per place: the search is "Find a run", a driver's runs "My runs", a rider's seats "My
// bookings", and /dispatch is "Groups" for drivers and coordinators alike (its page has that title).
export async function SiteHeader({ locale }: { locale: Locale }) {
  const [t, tc, user] = await Promise.all([getTranslations('nav'), getTranslations('common'), getCurrentUser()])
  const items: Omit<NavItem, 'localizedHref'>[] = [{ href: '/trips', label: t('trips') }]
  if (user) {
    items.push({ href: '/stay', label: t('stay') }, { href: '/bookings', label: t('bookings') })
    if (hasRole(user, 'DRIVER')) items.push({ href: '/my-trips', label: t('myTrips') })
    if (hasRole(user, 'COORDINATOR') || hasRole(user, 'DRIVER')) items.push({ href: '/dispatch', label: t('dispatch') })
    if (hasRole(user, 'ADMIN')) items.push({ href: '/admin/users', label: t('admin') })
    const [tn, unread] = await Promise.all([getTranslations('notificationsPage'), countUnreadNotifications(user)])
    items.push({ href: '/notifications', label: tn('navLabel', { count: unread }) })
    items.push({ href: '/account', label: t('account') })
  }
  // The nav's links are localised here: SiteNav renders next/link, no next-intl on the client.
  const nav: NavItem[] = items.map((item) => ({ ...item, localizedHref: localizePath(item.href, locale) }))
  return (
    <header className="site-header">
      <div className="container bar">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">П</span>
          {tc('appName')}
        </Link>
        <HeaderMenu openLabel={t('menu')} closeLabel={t('closeMenu')}>
          <SiteNav items={nav} label={t('primary')} />
          <div className="header-tools">
            <LocaleSwitch current={locale} label={t('languages')} />
            {user ? (
              <SignOutButton label={t('signOut')} homeHref={localizePath('/', locale)} />
            ) : (
              <>
                <Link href="/sign-in" className="button secondary small">{t('signIn')}</Link>
                <Link href="/register" className="button small">{t('register')}</Link>
              </>
            )}
          </div>
        </HeaderMenu>
      </div>
    </header>
  )
}
