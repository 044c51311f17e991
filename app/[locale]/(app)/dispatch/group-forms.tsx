'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { createGroupAction, createInviteAction, joinGroupAction, leaveGroupAction, removeMemberAction, revokeInviteAction } from './actions'

export function CreateGroupForm() {
  const t = useTranslations('dispatch')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(createGroupAction)
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="create-group-title">
      <Field id="group-name" label={t('groupName')} hint={t('groupNameHint')} errors={fieldErrors.name}>
        <input name="name" required maxLength={80} />
      </Field>
      <div>
        <button type="submit" className="button" disabled={pending}>{t('createGroup')}</button>
      </div>
      <FormMessage message={state && !state.ok && !fieldErrors.name ? state.message : undefined} tone="block" />
    </form>
  )
}

export function JoinGroupForm({ initialCode }: { initialCode: string }) {
  const t = useTranslations('dispatch.join')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(joinGroupAction)
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="join-title">
      <Field id="join-code" label={t('code')} hint={t('codeHint')} errors={fieldErrors.code}>
        <input name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" spellCheck={false} required className="dx-code" />
      </Field>
      <div>
        <button type="submit" className="button" disabled={pending}>{t('submit')}</button>
      </div>
      <FormMessage message={state && !state.ok && !fieldErrors.code ? state.message : undefined} tone="block" />
    </form>
  )
}

export function CreateInviteForm({ groupId }: { groupId: string }) {
  const t = useTranslations('groups')
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(createInviteAction)
  return (
    <form className="form" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="new-invite-title">
      <input type="hidden" name="groupId" value={groupId} />
      <div className="grid grid-2">
        <Field id="invite-days" label={t('inviteDays')} errors={fieldErrors.expiresInDays}>
          <input name="expiresInDays" type="number" min={1} max={30} defaultValue={7} inputMode="numeric" required />
        </Field>
        <Field id="invite-uses" label={t('inviteUses')} errors={fieldErrors.maxUses}>
          <input name="maxUses" type="number" min={1} max={100} defaultValue={10} inputMode="numeric" required />
        </Field>
        <Field id="invite-role" label={t('inviteRole')} hint={t('inviteRoleHint')} errors={fieldErrors.role}>
          <select name="role" defaultValue="DRIVER">
            <option value="DRIVER">{t('inviteRoleDriver')}</option>
            <option value="COORDINATOR">{t('inviteRoleCoordinator')}</option>
          </select>
        </Field>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>{t('createInvite')}</button>
      </div>
      <FormMessage message={state ? (state.ok ? state.message : state.message) : undefined} tone={state?.ok ? 'ok' : 'block'} />
    </form>
  )
}

/** A small form posting one action with hidden fields: revoke, remove, leave. */
export function ConfirmButton({ kind, fields, label, confirm }: { kind: 'revoke' | 'remove' | 'leave'; fields: Record<string, string>; label: string; confirm?: string }) {
  const action = kind === 'revoke' ? revokeInviteAction : kind === 'remove' ? removeMemberAction : leaveGroupAction
  const { state, formAction, onSubmit, pending } = useFormAction<unknown>(action as never)
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault()
          return
        }
        onSubmit(event)
      }}
      className="dx-inline"
    >
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className={kind === 'revoke' ? 'button secondary small' : 'button danger small'} disabled={pending}>{label}</button>
      <span aria-live="polite" className="small">
        {state && !state.ok ? <span className="field-error">{state.message}</span> : null}
      </span>
    </form>
  )
}

/** Copies the invitation link (made absolute here, where the browser knows the address). */
export function CopyButton({ path, label, copiedLabel }: { path: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <span className="dx-inline">
      <button
        type="button"
        className="button secondary small"
        onClick={() => {
          const url = new URL(path, window.location.origin).toString()
          void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))
        }}
      >
        {label}
      </button>
      <span aria-live="polite" className="small">{copied ? copiedLabel : ''}</span>
    </span>
  )
}
