import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations, setRequestLocale } from 'next-intl/server'
import { z } from 'zod'
import '@/components/dispatch/dispatch.css'
import { formatDateTime } from '@/lib/format'
import { requirePageUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { getGroup } from '@/lib/dispatch/get-group'
import { getPathname, Link } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { ConfirmButton, CopyButton, CreateInviteForm } from '../../group-forms'
import { orNotFound } from '../../page-guards'

type Params = { locale: Locale; groupId: string }

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('groups')
  return { title: t('title') }
}

export default async function GroupPage({ params }: { params: Promise<Params> }) {
  const { locale, groupId } = await params
  setRequestLocale(locale)
  if (!z.uuid().safeParse(groupId).success) notFound()
  const actor = await requirePageUser(locale, `/dispatch/groups/${groupId}`)
  const [t, ta, group] = await Promise.all([getTranslations('groups'), getTranslations('account'), orNotFound(getGroup(actor, groupId))])

  if (group.view === 'member') {
    return (
      <div className="stack" style={{ maxWidth: 720 }}>
        <h1>{group.name}</h1>
        <p className="muted">{t('memberLead')}</p>
        <section className="card stack-sm" aria-labelledby="coordinators-title">
          <h2 id="coordinators-title">{t('coordinators')}</h2>
          <ul className="list-plain">
            {group.coordinators.map((c, i) => (
              <li key={i}>{c.name}{c.phone ? <> · <a href={`tel:${c.phone}`}>{c.phone}</a></> : null}</li>
            ))}
          </ul>
        </section>
        <section className="card stack-sm" aria-labelledby="leave-title">
          <h2 id="leave-title">{t('leaveTitle')}</h2>
          <p className="small">{t('leaveExplain')}</p>
          <ConfirmButton kind="leave" fields={{ groupId }} label={t('leave')} confirm={t('leaveConfirm', { name: group.name })} />
        </section>
      </div>
    )
  }

  const now = new Date()
  return (
    <div className="stack">
      <div className="spread">
        <h1>{group.name}</h1>
        <Link href={`/dispatch/${groupId}/${todayInKz()}`} className="button">{t('openBoard')}</Link>
      </div>

      <section className="card stack-sm" aria-labelledby="members-title">
        <h2 id="members-title">{t('members', { count: group.members.length })}</h2>
        <ul className="dx-members">
          {group.members.map((m) => (
            <li key={m.userId} data-testid="member">
              <div>
                <strong>{m.name}</strong> <span className="badge">{t(`role.${m.role}`)}</span>
                <div className="small muted">
                  {m.phone ? <a href={`tel:${m.phone}`}>{m.phone}</a> : m.email}
                  {m.cars.length > 0 ? ` · ${m.cars.map((c) => ta('carLine', { make: c.make, model: c.model, colour: c.colour, plate: c.plate, seats: c.seats })).join('; ')}` : ''}
                </div>
              </div>
              {m.userId === actor.id ? (
                <ConfirmButton kind="leave" fields={{ groupId }} label={t('leave')} confirm={t('leaveConfirm', { name: group.name })} />
              ) : (
                <ConfirmButton kind="remove" fields={{ groupId, userId: m.userId }} label={t('remove', { name: m.name })} confirm={t('removeConfirm', { name: m.name })} />
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack-sm" aria-labelledby="invites-title">
        <h2 id="invites-title">{t('invites')}</h2>
        <p className="small muted">{t('invitesLead')}</p>
        {group.invites.filter((i) => i.active).length === 0 ? <p>{t('noInvites')}</p> : null}
        <ul className="dx-members">
          {group.invites.filter((i) => i.active).map((invite) => {
            const path = getPathname({ href: { pathname: '/dispatch/join', query: { code: invite.code } }, locale })
            return (
              <li key={invite.id} data-testid="invite">
                <div className="stack-sm">
                  <div>
                    <span className="sr-only">{t('code')}: </span>
                    <span className="dx-code" data-testid="invite-code">{invite.code}</span>
                  </div>
                  <div className="small">
                    <a href={path}>{path}</a>
                  </div>
                  <div className="small muted">{t('inviteState', { uses: invite.uses, maxUses: invite.maxUses, expires: formatDateTime(locale, invite.expiresAt) })}</div>
                </div>
                <div className="dx-buttons">
                  <CopyButton path={path} label={t('copyLink')} copiedLabel={t('copied')} />
                  <ConfirmButton kind="revoke" fields={{ groupId, inviteId: invite.id }} label={t('revoke')} />
                </div>
              </li>
            )
          })}
        </ul>
        {group.invites.some((i) => !i.active) ? (
          <details>
            <summary>{t('pastInvites')}</summary>
            <ul className="list-plain small">
              {group.invites.filter((i) => !i.active).map((i) => (
                <li key={i.id}>
                  <span className="dx-code" style={{ fontSize: '0.95rem' }}>{i.code}</span> — {i.revokedAt ? t('inviteRevoked') : i.expiresAt <= now ? t('inviteExpired') : t('inviteUsedUp')} · {t('inviteUsesCount', { uses: i.uses, maxUses: i.maxUses })}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <h3 id="new-invite-title">{t('newInvite')}</h3>
        <CreateInviteForm groupId={groupId} />
      </section>
    </div>
  )
}
