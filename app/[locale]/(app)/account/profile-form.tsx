'use client'
// The profile's fields: name (a visible letter required), the phone (any country; never public),
// languages, about. Each field sits in its own <Field>.
import { useTranslations } from 'next-intl'
import { useEffect } from 'react'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import { LANGUAGE_CODES } from '@/lib/profiles/languages'
import { updateProfileAction } from './actions'

export type ProfileFormValues = { name: string; phone: string; languages: string[]; about: string }

export function ProfileForm({ initial }: { initial: ProfileFormValues }) {
  const t = useTranslations('profile')
  const router = useRouter()
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(updateProfileAction)
  useEffect(() => {
    if (state?.ok) router.refresh()
  }, [state, router])
  return (
    <form className="form stack-sm" action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="profile-edit-title">
      <Field id="profile-name" label={t('name')} hint={t('nameHint')} errors={fieldErrors.name}>
        <input name="name" defaultValue={initial.name} required maxLength={80} autoComplete="name" />
      </Field>
      <Field id="profile-phone" label={t('phone')} hint={t('phoneHint')} errors={fieldErrors.phone}>
        <input name="phone" type="tel" defaultValue={initial.phone} maxLength={40} autoComplete="tel" inputMode="tel" />
      </Field>
      <fieldset className="field" aria-describedby={fieldErrors.languages ? 'profile-languages-error' : undefined}>
        <legend className="label">{t('languages')}</legend>
        <div className="row">
          {LANGUAGE_CODES.map((code) => (
            <label key={code} className="checkbox-label" style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <input type="checkbox" name="languages[]" value={code} defaultChecked={initial.languages.includes(code)} style={{ width: 20, height: 20 }} />
              {t(`languageNames.${code}`)}
            </label>
          ))}
        </div>
        <div aria-live="polite">{fieldErrors.languages ? <p id="profile-languages-error" className="field-error">{fieldErrors.languages.join(' ')}</p> : null}</div>
      </fieldset>
      <Field id="profile-about" label={t('about')} hint={t('aboutHint')} errors={fieldErrors.about}>
        <textarea name="about" defaultValue={initial.about} rows={4} maxLength={500} />
      </Field>
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('save')}</button>
      </div>
    </form>
  )
}
