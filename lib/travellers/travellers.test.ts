// Traveller profiles against the real database: creation and its field errors, the account
// holder's own profile, deletion refused while on a live booking, and ownership everywhere.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createUser } from '@/lib/testing/factories'
import { createBookingFor, createDocumentRow, createStayRow, createTestTraveller, refusalOf } from '@/lib/testing/traveller-factories'
import { createTraveller } from './create-traveller'
import { deleteTraveller } from './delete-traveller'
import { addDocument } from './documents/add-document'
import { deleteDocument } from './documents/delete-document'
import { listDocuments } from './documents/list-documents'
import { ensureSelfTraveller } from './ensure-self-traveller'
import { getStayStatus } from './get-stay-status'
import { listTravellers } from './list-travellers'
import { addStay } from './stays/add-stay'
import { deleteStay } from './stays/delete-stay'
import { listStays } from './stays/list-stays'
import { markRegistered } from './stays/mark-registered'
import { updateStay } from './stays/update-stay'
import { updateTraveller } from './update-traveller'
import { whatIf } from './what-if'

const TODAY = '2026-11-25'

describe('createTraveller', () => {
  test('adds a companion to the account, citizenship normalised to upper case', async () => {
    const actor = await createUser()
    const companion = await createTraveller(actor, { name: '  Иван  ', citizenship: 'by' })
    expect(companion).toEqual({ id: expect.any(String), name: 'Иван', citizenship: 'BY', otherCitizenship: null, isSelf: false })
    expect(await listTravellers(actor)).toEqual([companion])
  })

  test.each([
    { label: 'empty name', input: { name: '', citizenship: 'RU' }, fields: { name: ['validation.required'] } },
    { label: 'unknown country code', input: { name: 'Иван', citizenship: 'XX' }, fields: { citizenship: ['validation.citizenship'] } },
    { label: 'missing citizenship', input: { name: 'Иван' }, fields: { citizenship: ['validation.required'] } },
    { label: 'a field we do not keep', input: { name: 'Иван', citizenship: 'RU', passport: '75 1234567' }, fields: { passport: ['validation.unknownField'] } },
  ])('refuses $label with a field error', async ({ input, fields }) => {
    const actor = await createUser()
    const refusal = await refusalOf(createTraveller(actor, input as never))
    expect(refusal).toEqual({ code: 'VALIDATION', status: 400, fields })
    expect(await db.traveller.count({ where: { accountId: actor.id } })).toBe(0)
  })

  test('lists the account holder first, then companions in the order added', async () => {
    const actor = await createUser()
    const first = await createTraveller(actor, { name: 'Первый', citizenship: 'RU' })
    const self = await ensureSelfTraveller(actor, { citizenship: 'KG' })
    const second = await createTraveller(actor, { name: 'Второй', citizenship: 'DE' })
    expect((await listTravellers(actor)).map((t) => t.id)).toEqual([self.id, first.id, second.id])
  })
})

describe('ensureSelfTraveller', () => {
  test('without a profile and without a citizenship it asks for the citizenship', async () => {
    const actor = await createUser()
    expect(await refusalOf(ensureSelfTraveller(actor))).toEqual({ code: 'VALIDATION', status: 400, fields: { citizenship: ['validation.required'] } })
  })

  test('creates the profile once, named after the account, and returns it afterwards', async () => {
    const actor = await createUser({ name: 'Анна Смирнова' })
    const created = await ensureSelfTraveller(actor, { citizenship: 'RU' })
    expect(created).toMatchObject({ name: 'Анна Смирнова', citizenship: 'RU', isSelf: true })
    expect(await ensureSelfTraveller(actor)).toEqual(created)
    expect(await ensureSelfTraveller(actor, { citizenship: 'US' })).toEqual(created)
  })

  test('two submits at once make one profile (the unique index decides)', async () => {
    const actor = await createUser()
    const [a, b] = await Promise.all([ensureSelfTraveller(actor, { citizenship: 'RU' }), ensureSelfTraveller(actor, { citizenship: 'RU' })])
    expect(a.id).toBe(b.id)
    expect(await db.traveller.count({ where: { accountId: actor.id, isSelf: true } })).toBe(1)
  })
})

describe('updateTraveller', () => {
  test('renames and changes citizenship', async () => {
    const { actor, traveller } = await createTestTraveller({ citizenship: 'RU' })
    expect(await updateTraveller(actor, traveller.id, { name: 'Пётр', citizenship: 'us' })).toMatchObject({ name: 'Пётр', citizenship: 'US' })
  })

  test('an empty update is a field error', async () => {
    const { actor, traveller } = await createTestTraveller()
    expect((await refusalOf(updateTraveller(actor, traveller.id, {}))).fields).toEqual({ _: ['validation.nothingToUpdate'] })
  })
})

describe('deleteTraveller', () => {
  test.each([
    { status: 'PENDING' as const, refused: true },
    { status: 'CONFIRMED' as const, refused: true },
    { status: 'WAITLISTED' as const, refused: true },
    { status: 'CANCELLED' as const, refused: false },
    { status: 'DECLINED' as const, refused: false },
    { status: 'EXPIRED' as const, refused: false },
  ])('a traveller on a $status booking: refused = $refused', async ({ status, refused }) => {
    const { actor, traveller } = await createTestTraveller()
    await createStayRow(traveller.id, { entryOn: '2026-10-01', exitOn: '2026-10-05' })
    await createBookingFor(actor, traveller, status)
    if (refused) {
      expect(await refusalOf(deleteTraveller(actor, traveller.id))).toEqual({ code: 'TRAVELLER_ON_BOOKING', status: 409, fields: {} })
      expect(await db.traveller.count({ where: { id: traveller.id } })).toBe(1)
    } else {
      await deleteTraveller(actor, traveller.id)
      expect(await db.traveller.count({ where: { id: traveller.id } })).toBe(0)
      expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(0)
    }
  })
})

describe('ownership: another account is told NOT_FOUND, and nothing changes', () => {
  async function setUp() {
    const { actor: owner, traveller } = await createTestTraveller()
    const stay = await createStayRow(traveller.id, { entryOn: '2026-11-01', exitOn: null })
    const document = await createDocumentRow(traveller.id, { kind: 'VISA', validFrom: '2026-01-01', validTo: null })
    const stranger = await createUser()
    return { owner, stranger, travellerId: traveller.id, stayId: stay.id, documentId: document.id }
  }
  type Ctx = Awaited<ReturnType<typeof setUp>>

  test.each<{ label: string; call: (c: Ctx) => Promise<unknown> }>([
    { label: 'updateTraveller', call: (c) => updateTraveller(c.stranger, c.travellerId, { name: 'Чужой' }) },
    { label: 'deleteTraveller', call: (c) => deleteTraveller(c.stranger, c.travellerId) },
    { label: 'listStays', call: (c) => listStays(c.stranger, c.travellerId) },
    { label: 'addStay', call: (c) => addStay(c.stranger, c.travellerId, { entryOn: '2026-01-01', exitOn: '2026-01-02' }, TODAY) },
    { label: 'updateStay', call: (c) => updateStay(c.stranger, c.stayId, { exitOn: '2026-11-20' }, { today: TODAY }) },
    { label: 'updateStay through the owner’s traveller id', call: (c) => updateStay(c.stranger, c.stayId, { exitOn: '2026-11-20' }, { travellerId: c.travellerId, today: TODAY }) },
    { label: 'deleteStay', call: (c) => deleteStay(c.stranger, c.stayId) },
    { label: 'markRegistered', call: (c) => markRegistered(c.stranger, c.stayId, TODAY) },
    { label: 'listDocuments', call: (c) => listDocuments(c.stranger, c.travellerId) },
    { label: 'addDocument', call: (c) => addDocument(c.stranger, c.travellerId, { kind: 'VISA', validFrom: '2026-01-01', validTo: '2026-03-01' }) },
    { label: 'deleteDocument', call: (c) => deleteDocument(c.stranger, c.documentId) },
    { label: 'getStayStatus', call: (c) => getStayStatus(c.stranger, c.travellerId, TODAY) },
    { label: 'whatIf', call: (c) => whatIf(c.stranger, c.travellerId, TODAY, null, TODAY) },
    { label: 'an id that is not a uuid', call: (c) => listStays(c.owner, 'not-a-uuid') },
  ])('$label', async ({ call }) => {
    const context = await setUp()
    expect(await refusalOf(call(context))).toEqual({ code: 'NOT_FOUND', status: 404, fields: {} })
    const traveller = await db.traveller.findUniqueOrThrow({ where: { id: context.travellerId }, include: { stays: true, documents: true } })
    expect(traveller.stays.map((s) => [s.exitOn, s.registrationNotedOn])).toEqual([[null, null]])
    expect(traveller.documents).toHaveLength(1)
    expect(traveller.name).not.toBe('Чужой')
  })

  test('a stay is not reachable through another of the owner’s travellers', async () => {
    const { owner, stayId } = await setUp()
    const { traveller: other } = await createTestTraveller({ account: owner, isSelf: false })
    expect((await refusalOf(deleteStay(owner, stayId, { travellerId: other.id }))).code).toBe('NOT_FOUND')
  })
})
