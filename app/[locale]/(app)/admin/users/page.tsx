import type { Metadata } from 'next'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { grantableRoles } from '@/lib/accounts/set-user-role'
import { listUsers, listUsersSchema } from '@/lib/accounts/list-users'
import { requirePageRole } from '@/lib/auth/session'
import { Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { RoleButton } from './role-button'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin')
  return { title: t('title') }
}

export default async function AdminUsersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: Locale }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const actor = await requirePageRole(locale, '/admin/users', 'ADMIN')
  const parsed = listUsersSchema.safeParse({ q: (await searchParams).q })
  const query = parsed.success ? parsed.data : {}
  const [t, ta, users] = await Promise.all([getTranslations('admin'), getTranslations('account'), listUsers(actor, query)])
  return (
    <div className="stack">
      <div className="spread">
        <h1 style={{ margin: 0 }}>{t('title')}</h1>
        <Link href="/admin/moderation">{t('toModeration')}</Link>
      </div>
      <p className="muted">{t('lead')}</p>
      <p className="small"><Link href="/admin/outbox">{t('outboxLink')}</Link></p>
      <form className="row" role="search">
        <label htmlFor="q" className="sr-only">{t('search')}</label>
        <div className="field" style={{ flex: 1, minWidth: 200 }}>
          <input id="q" name="q" type="search" placeholder={t('search')} defaultValue={query.q ?? ''} />
        </div>
        <button type="submit" className="button secondary">{t('searchButton')}</button>
      </form>
      {users.length === 0 ? (
        <p>{t('noUsers')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr><th scope="col">{t('user')}</th><th scope="col">{t('roles')}</th><th scope="col">{t('actions')}</th></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}<br /><span className="small muted">{u.email}</span></td>
                  <td><span className="row">{u.roles.map((r) => <span key={r} className="badge">{ta(`role.${r}`)}</span>)}</span></td>
                  <td className="stack-sm">
                    {grantableRoles.map((role) => {
                      const has = u.roles.includes(role)
                      const roleName = ta(`role.${role}`)
                      return (
                        <RoleButton key={role} userId={u.id} role={role} granted={!has} label={has ? t('revoke', { role: roleName }) : t('grant', { role: roleName })} />
                      )
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
