'use client'

import { DeleteRowButton } from './delete-row-button'
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useRef } from 'react'
import { formatDay } from '@/lib/format'
import { Field, FormMessage } from '@/components/ui/field'
import { useFormAction } from '@/components/ui/use-form-action'
import { useRouter } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'
import { DOCUMENT_KINDS, type DocumentView } from '@/lib/travellers/documents/document-view'
import { addDocumentAction, deleteDocumentAction } from './actions'

/** Residence permits, visas, citizenship: the type and dates only — never a number. */
export function DocumentsEditor({ travellerId, documents }: { travellerId: string; documents: DocumentView[] }) {
  const t = useTranslations('stay.documents')
  const locale = useLocale() as Locale
  return (
    <div className="stack">
      {documents.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="stay-log" aria-label={t('listLabel')}>
          {documents.map((document) => {
            const line = t('line', {
              kind: t(`kind.${document.kind}`),
              from: formatDay(locale, document.validFrom, false),
              to: document.validTo ? formatDay(locale, document.validTo, false) : t('noEnd'),
            })
            return (
              <li key={document.id} className="spread">
                <span>{line}</span>
                <DeleteRowButton action={deleteDocumentAction} fields={{ travellerId, documentId: document.id }} label={t('delete')} row={line} />
              </li>
            )
          })}
        </ul>
      )}
      <h3>{t('addTitle')}</h3>
      <DocumentForm travellerId={travellerId} />
    </div>
  )
}

function DocumentForm({ travellerId }: { travellerId: string }) {
  const t = useTranslations('stay.documents')
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const { state, formAction, onSubmit, pending, fieldErrors } = useFormAction(addDocumentAction)
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset()
      router.refresh()
    }
  }, [state, router])
  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate aria-label={t('addTitle')}>
      <input type="hidden" name="travellerId" value={travellerId} />
      <p className="small muted">{t('noNumber')}</p>
      <div className="grid grid-3">
        <Field id="document-kind" label={t('kindLabel')} errors={fieldErrors.kind}>
          <select name="kind" required defaultValue="">
            <option value="" disabled>{t('chooseKind')}</option>
            {DOCUMENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
          </select>
        </Field>
        <Field id="document-from" label={t('validFrom')} errors={fieldErrors.validFrom}>
          <input name="validFrom" type="date" required />
        </Field>
        <Field id="document-to" label={t('validTo')} hint={`${t('validToHint')} ${t('visaEndHint')}`} errors={fieldErrors.validTo}>
          <input name="validTo" type="date" />
        </Field>
      </div>
      <FormMessage message={state?.message} tone={state?.ok ? 'ok' : 'block'} />
      <div>
        <button type="submit" className="button" disabled={pending}>{t('add')}</button>
      </div>
    </form>
  )
}
