import { isoFromDbDate, type IsoDate } from '@/lib/dates/kz-date'
import type { ResidenceDocument } from '@/lib/stay-rules'

export const DOCUMENT_KINDS = ['TEMPORARY_RESIDENCE', 'PERMANENT_RESIDENCE', 'VISA', 'CITIZENSHIP'] as const

export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const documentSelect = { id: true, travellerId: true, kind: true, validFrom: true, validTo: true } as const

/** A document as stored: its type and dates, never its number. */
export type DocumentView = { id: string; travellerId: string; kind: DocumentKind; validFrom: IsoDate; validTo: IsoDate | null }

export function toDocumentView(row: { id: string; travellerId: string; kind: DocumentKind; validFrom: Date; validTo: Date | null }): DocumentView {
  return {
    id: row.id,
    travellerId: row.travellerId,
    kind: row.kind,
    validFrom: isoFromDbDate(row.validFrom),
    validTo: row.validTo ? isoFromDbDate(row.validTo) : null,
  }
}

/** The database's document kinds in the engine's words. */
export const engineDocumentKind = {
  TEMPORARY_RESIDENCE: 'temporary_residence',
  PERMANENT_RESIDENCE: 'permanent_residence',
  VISA: 'visa',
  CITIZENSHIP: 'citizenship',
} as const satisfies Record<DocumentKind, ResidenceDocument['kind']>
