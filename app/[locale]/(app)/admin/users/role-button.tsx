'use client'

import { useTranslations } from 'next-intl'
import { useFormAction } from '@/components/ui/use-form-action'
import { setUserRoleAction } from './actions'

export function RoleButton({ userId, role, granted, label }: { userId: string; role: string; granted: boolean; label: string }) {
  const t = useTranslations('admin')
  const { state, formAction, onSubmit, pending } = useFormAction(setUserRoleAction)
  return (
    <form action={formAction} onSubmit={onSubmit} className="row">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="granted" value={String(granted)} />
      <button type="submit" className={granted ? 'button small' : 'button secondary small'} disabled={pending}>
        {label}
      </button>
      <span aria-live="polite" className="small">
        {state?.ok ? t('updated', { name: state.data.name }) : state ? <span className="field-error">{Object.values(state.fieldErrors).flat()[0] ?? state.message}</span> : null}
      </span>
    </form>
  )
}
