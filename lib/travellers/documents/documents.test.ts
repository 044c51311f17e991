// Residence documents: type and dates only — a number sent along is refused, never stored.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createTestTraveller, refusalOf } from '@/lib/testing/traveller-factories'
import { addDocument } from './add-document'
import { deleteDocument } from './delete-document'
import { listDocuments } from './list-documents'

describe('addDocument', () => {
  test.each([
    { label: 'a document number', input: { kind: 'VISA', validFrom: '2026-01-01', validTo: '2026-03-01', number: 'N1234567' }, fields: { number: ['validation.unknownField'] } },
    { label: 'an unknown kind', input: { kind: 'PASSPORT', validFrom: '2026-01-01' }, fields: { kind: ['validation.choice'] } },
    { label: 'a visa without its last day (never open-ended)', input: { kind: 'VISA', validFrom: '2026-01-01' }, fields: { validTo: ['validation.visaNeedsEnd'] } },
    { label: 'validTo before validFrom', input: { kind: 'VISA', validFrom: '2026-03-01', validTo: '2026-02-28' }, fields: { validTo: ['validation.validToBeforeFrom'] } },
    { label: 'an impossible date', input: { kind: 'TEMPORARY_RESIDENCE', validFrom: '2026-13-01' }, fields: { validFrom: ['validation.noSuchDate'] } },
  ])('refuses $label with a field error and stores nothing', async ({ input, fields }) => {
    const { actor, traveller } = await createTestTraveller()
    expect(await refusalOf(addDocument(actor, traveller.id, input as never))).toEqual({ code: 'VALIDATION', status: 400, fields })
    expect(await db.residenceDocument.count({ where: { travellerId: traveller.id } })).toBe(0)
  })

  test('stores the type and dates; an empty end date means no end', async () => {
    const { actor, traveller } = await createTestTraveller()
    const permit = await addDocument(actor, traveller.id, { kind: 'TEMPORARY_RESIDENCE', validFrom: '2026-01-10', validTo: '2027-01-09' })
    const residence = await addDocument(actor, traveller.id, { kind: 'PERMANENT_RESIDENCE', validFrom: '2026-05-01', validTo: '' })
    expect(await listDocuments(actor, traveller.id)).toEqual([
      { id: residence.id, travellerId: traveller.id, kind: 'PERMANENT_RESIDENCE', validFrom: '2026-05-01', validTo: null },
      { id: permit.id, travellerId: traveller.id, kind: 'TEMPORARY_RESIDENCE', validFrom: '2026-01-10', validTo: '2027-01-09' },
    ])
    await deleteDocument(actor, permit.id, { travellerId: traveller.id })
    expect((await listDocuments(actor, traveller.id)).map((d) => d.id)).toEqual([residence.id])
  })
})
