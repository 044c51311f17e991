// The travel log against the real database: date rules with their field errors, one open stay,
// overlaps accepted with a notice, stays from runs editable, the registration tick.
import { describe, expect, test } from 'vitest'
import { db } from '@/lib/db'
import { createStayRow, createTestTraveller, refusalOf } from '@/lib/testing/traveller-factories'
import { addStay } from './add-stay'
import { deleteStay } from './delete-stay'
import { listStays } from './list-stays'
import { markRegistered } from './mark-registered'
import { updateStay } from './update-stay'

const TODAY = '2026-11-25'

describe('addStay refuses bad dates with an error beside the field, and saves nothing', () => {
  test.each([
    { label: 'an impossible date', input: { entryOn: '2026-02-30', exitOn: '2026-03-02' }, fields: { entryOn: ['validation.noSuchDate'] } },
    { label: 'not a date at all', input: { entryOn: '25.11.2026' }, fields: { entryOn: ['validation.date'] } },
    { label: 'a missing entry', input: { exitOn: '2026-03-02' }, fields: { entryOn: ['validation.required'] } },
    { label: 'an exit before the entry', input: { entryOn: '2026-03-10', exitOn: '2026-03-09' }, fields: { exitOn: ['validation.exitBeforeEntry'] } },
    { label: 'an entry in the future', input: { entryOn: '2026-11-26', exitOn: '2026-11-28' }, fields: { entryOn: ['validation.dateInFuture'], exitOn: ['validation.dateInFuture'] } },
    { label: 'an exit in the future', input: { entryOn: '2026-11-20', exitOn: '2026-11-26' }, fields: { exitOn: ['validation.dateInFuture'] } },
    { label: 'an open stay entered in the future', input: { entryOn: '2026-12-01', exitOn: null }, fields: { entryOn: ['validation.dateInFuture'] } },
    { label: 'an unknown field', input: { entryOn: '2026-11-01', note: 'x' }, fields: { note: ['validation.unknownField'] } },
  ])('$label', async ({ input, fields }) => {
    const { actor, traveller } = await createTestTraveller()
    expect(await refusalOf(addStay(actor, traveller.id, input as never, TODAY))).toEqual({ code: 'VALIDATION', status: 400, fields })
    expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(0)
  })
})

describe('addStay', () => {
  test('today is allowed as entry and exit; an empty exit is an open stay', async () => {
    const { actor, traveller } = await createTestTraveller()
    const closed = await addStay(actor, traveller.id, { entryOn: '2026-10-01', exitOn: '2026-10-03' }, TODAY)
    expect(closed).toEqual({ stay: expect.objectContaining({ entryOn: '2026-10-01', exitOn: '2026-10-03', source: 'MANUAL', registrationNotedOn: null }), merged: false })
    const open = await addStay(actor, traveller.id, { entryOn: TODAY, exitOn: '' }, TODAY)
    expect(open.stay.exitOn).toBeNull()
  })

  test('a second open stay is refused with a field error on exitOn (the partial unique index decides)', async () => {
    const { actor, traveller } = await createTestTraveller()
    await addStay(actor, traveller.id, { entryOn: '2026-11-01' }, TODAY)
    expect(await refusalOf(addStay(actor, traveller.id, { entryOn: '2026-11-10', exitOn: null }, TODAY))).toEqual({
      code: 'VALIDATION',
      status: 400,
      fields: { exitOn: ['validation.secondOpenStay'] },
    })
    expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(1)
  })

  test('two open stays submitted at once: one is saved', async () => {
    const { actor, traveller } = await createTestTraveller()
    const results = await Promise.allSettled([addStay(actor, traveller.id, { entryOn: '2026-11-01' }, TODAY), addStay(actor, traveller.id, { entryOn: '2026-11-02' }, TODAY)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await db.stay.count({ where: { travellerId: traveller.id, exitOn: null } })).toBe(1)
  })

  test.each([
    { label: 'overlapping', existing: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, added: { entryOn: '2026-09-05', exitOn: '2026-09-20' }, merged: true },
    { label: 'the same stay twice', existing: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, added: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, merged: true },
    { label: 'touching (exit on the 10th, entry on the 11th)', existing: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, added: { entryOn: '2026-09-11', exitOn: '2026-09-12' }, merged: true },
    { label: 'same-day run (exit and entry on one day)', existing: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, added: { entryOn: '2026-09-10', exitOn: '2026-09-15' }, merged: true },
    { label: 'a day apart', existing: { entryOn: '2026-09-01', exitOn: '2026-09-10' }, added: { entryOn: '2026-09-12', exitOn: '2026-09-15' }, merged: false },
  ])('$label is accepted; merged = $merged', async ({ existing, added, merged }) => {
    const { actor, traveller } = await createTestTraveller()
    await createStayRow(traveller.id, existing)
    const result = await addStay(actor, traveller.id, added, TODAY)
    expect(result.merged).toBe(merged)
    expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(2)
  })

  test.each([
    { label: 'a closed stay inside the open one', existing: { entryOn: '2026-11-01', exitOn: null }, added: { entryOn: '2026-11-10', exitOn: '2026-11-12' }, field: 'exitOn' },
    { label: 'a closed stay running into the open one', existing: { entryOn: '2026-11-01', exitOn: null }, added: { entryOn: '2026-10-20', exitOn: '2026-11-03' }, field: 'exitOn' },
    { label: 'an open stay entered before a closed one ended', existing: { entryOn: '2026-10-01', exitOn: '2026-10-20' }, added: { entryOn: '2026-10-15', exitOn: null }, field: 'entryOn' },
  ])('$label is refused (overlaps the stay still open), nothing saved', async ({ existing, added, field }) => {
    const { actor, traveller } = await createTestTraveller()
    await createStayRow(traveller.id, existing)
    expect((await refusalOf(addStay(actor, traveller.id, added, TODAY))).fields).toEqual({ [field]: ['validation.overlapsOpenStay'] })
    expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(1)
  })

  test('touching the open stay (exit the day before it began) is still accepted and merged', async () => {
    const { actor, traveller } = await createTestTraveller()
    await createStayRow(traveller.id, { entryOn: '2026-11-01', exitOn: null })
    expect((await addStay(actor, traveller.id, { entryOn: '2026-10-20', exitOn: '2026-10-31' }, TODAY)).merged).toBe(true)
  })

  test('a stay more than ten years back (a typo such as 1900) is refused', async () => {
    const { actor, traveller } = await createTestTraveller()
    expect((await refusalOf(addStay(actor, traveller.id, { entryOn: '1900-11-01', exitOn: '1900-11-05' }, TODAY))).fields).toEqual({ entryOn: ['validation.dateTooOld'] })
    expect((await addStay(actor, traveller.id, { entryOn: '2017-01-01', exitOn: '2017-01-05' }, TODAY)).stay.entryOn).toBe('2017-01-01')
    expect(await db.stay.count({ where: { travellerId: traveller.id } })).toBe(1)
  })
})

describe('updateStay', () => {
  test('a stay written by a completed run can be corrected by the rider', async () => {
    const { actor, traveller } = await createTestTraveller()
    const stay = await createStayRow(traveller.id, { entryOn: '2026-11-20', exitOn: '2026-11-20', source: 'RUN' })
    const { stay: updated } = await updateStay(actor, stay.id, { entryOn: '2026-11-19', exitOn: '2026-11-21' }, { travellerId: traveller.id, today: TODAY })
    expect(updated).toMatchObject({ entryOn: '2026-11-19', exitOn: '2026-11-21', source: 'RUN' })
  })

  test('an exit moved before the entry is a field error on exitOn, and the row is unchanged', async () => {
    const { actor, traveller } = await createTestTraveller()
    const stay = await createStayRow(traveller.id, { entryOn: '2026-10-10', exitOn: '2026-10-20' })
    expect((await refusalOf(updateStay(actor, stay.id, { exitOn: '2026-10-01' }, { today: TODAY }))).fields).toEqual({ exitOn: ['validation.exitBeforeEntry'] })
    expect((await listStays(actor, traveller.id))[0]).toMatchObject({ entryOn: '2026-10-10', exitOn: '2026-10-20' })
  })

  test('reopening a stay while another is open is a field error on exitOn', async () => {
    const { actor, traveller } = await createTestTraveller()
    const old = await createStayRow(traveller.id, { entryOn: '2026-10-10', exitOn: '2026-10-20' })
    await createStayRow(traveller.id, { entryOn: '2026-11-01', exitOn: null })
    expect((await refusalOf(updateStay(actor, old.id, { exitOn: null }, { today: TODAY }))).fields).toEqual({ exitOn: ['validation.secondOpenStay'] })
  })

  test('an exit date in the future is refused', async () => {
    const { actor, traveller } = await createTestTraveller()
    const stay = await createStayRow(traveller.id, { entryOn: '2026-11-01', exitOn: null })
    expect((await refusalOf(updateStay(actor, stay.id, { exitOn: '2026-11-30' }, { today: TODAY }))).fields).toEqual({ exitOn: ['validation.dateInFuture'] })
  })
})

test('deleteStay removes the stay; listStays shows the latest first', async () => {
  const { actor, traveller } = await createTestTraveller()
  const older = await createStayRow(traveller.id, { entryOn: '2026-01-01', exitOn: '2026-01-05' })
  const newer = await createStayRow(traveller.id, { entryOn: '2026-06-01', exitOn: '2026-06-05' })
  expect((await listStays(actor, traveller.id)).map((s) => s.id)).toEqual([newer.id, older.id])
  await deleteStay(actor, older.id, { travellerId: traveller.id })
  expect((await listStays(actor, traveller.id)).map((s) => s.id)).toEqual([newer.id])
})

test('markRegistered notes today (Kazakhstan date) on the stay', async () => {
  const { actor, traveller } = await createTestTraveller()
  const stay = await createStayRow(traveller.id, { entryOn: '2026-10-01', exitOn: null })
  expect(await markRegistered(actor, stay.id, TODAY)).toMatchObject({ id: stay.id, registrationNotedOn: TODAY })
})
