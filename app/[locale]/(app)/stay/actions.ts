'use server'
// The "My stay" forms. Each action: parse with zod, require the user, call one service, revalidate.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { formToObject, runAction, type ActionResult } from '@/lib/action'
import { requireUser } from '@/lib/auth/session'
import type { RunCheck } from '@/lib/stay-rules'
import { createTraveller, createTravellerSchema } from '@/lib/travellers/create-traveller'
import { deleteTraveller } from '@/lib/travellers/delete-traveller'
import { addDocument, addDocumentSchema } from '@/lib/travellers/documents/add-document'
import { deleteDocument } from '@/lib/travellers/documents/delete-document'
import { ensureSelfTraveller, ensureSelfTravellerSchema } from '@/lib/travellers/ensure-self-traveller'
import { addStay, addStaySchema } from '@/lib/travellers/stays/add-stay'
import { deleteStay } from '@/lib/travellers/stays/delete-stay'
import { markRegistered } from '@/lib/travellers/stays/mark-registered'
import { updateStay, updateStaySchema } from '@/lib/travellers/stays/update-stay'
import { updateTraveller, updateTravellerSchema } from '@/lib/travellers/update-traveller'
import { whatIf, whatIfSchema } from '@/lib/travellers/what-if'

type Result<T> = Promise<ActionResult<T>>

const idSchema = z.string().min(1).max(64)

/** Splits the record ids a form carries in hidden fields from the fields the schema checks. */
function split(form: FormData, ...ids: string[]) {
  const fields = formToObject(form)
  const found: Record<string, string> = {}
  for (const id of ids) {
    found[id] = idSchema.parse(fields[id])
    delete fields[id]
  }
  return { ids: found, fields }
}

function revalidate() {
  revalidatePath('/[locale]/stay', 'page')
}

export async function ensureSelfTravellerAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Result<{ id: string }> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = ensureSelfTravellerSchema.parse(formToObject(form))
    const traveller = await ensureSelfTraveller(actor, input)
    revalidate()
    return { id: traveller.id }
  }, 'stay.saved')
}

export async function createTravellerAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Result<{ id: string }> {
  return runAction(async () => {
    const actor = await requireUser()
    const input = createTravellerSchema.parse(formToObject(form))
    const traveller = await createTraveller(actor, input)
    revalidate()
    return { id: traveller.id }
  }, 'travellers.added')
}

export async function updateTravellerAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Result<{ id: string }> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids, fields } = split(form, 'travellerId')
    const traveller = await updateTraveller(actor, ids.travellerId!, updateTravellerSchema.parse(fields))
    revalidate()
    return { id: traveller.id }
  }, 'stay.saved')
}

export async function deleteTravellerAction(_previous: ActionResult<null> | null, form: FormData): Result<null> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids } = split(form, 'travellerId')
    await deleteTraveller(actor, ids.travellerId!)
    revalidate()
    return null
  }, 'travellers.deleted')
}

export async function addStayAction(_previous: ActionResult<{ merged: boolean }> | null, form: FormData): Result<{ merged: boolean }> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids, fields } = split(form, 'travellerId')
    const { merged } = await addStay(actor, ids.travellerId!, addStaySchema.parse(fields))
    revalidate()
    return { merged }
  }, 'stay.saved')
}

export async function updateStayAction(_previous: ActionResult<{ merged: boolean }> | null, form: FormData): Result<{ merged: boolean }> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids, fields } = split(form, 'travellerId', 'stayId')
    // The edit form always sends both dates; an empty exit means "still in Kazakhstan".
    const { merged } = await updateStay(actor, ids.stayId!, updateStaySchema.parse({ exitOn: '', ...fields }), { travellerId: ids.travellerId })
    revalidate()
    return { merged }
  }, 'stay.saved')
}

export async function deleteStayAction(_previous: ActionResult<null> | null, form: FormData): Result<null> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids } = split(form, 'travellerId', 'stayId')
    await deleteStay(actor, ids.stayId!, { travellerId: ids.travellerId })
    revalidate()
    return null
  }, 'stay.deleted')
}

export async function markRegisteredAction(_previous: ActionResult<null> | null, form: FormData): Result<null> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids } = split(form, 'stayId')
    await markRegistered(actor, ids.stayId!)
    revalidate()
    return null
  }, 'stay.registration.noted')
}

export async function addDocumentAction(_previous: ActionResult<{ id: string }> | null, form: FormData): Result<{ id: string }> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids, fields } = split(form, 'travellerId')
    const document = await addDocument(actor, ids.travellerId!, addDocumentSchema.parse(fields))
    revalidate()
    return { id: document.id }
  }, 'stay.saved')
}

export async function deleteDocumentAction(_previous: ActionResult<null> | null, form: FormData): Result<null> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids } = split(form, 'travellerId', 'documentId')
    await deleteDocument(actor, ids.documentId!, { travellerId: ids.travellerId })
    revalidate()
    return null
  }, 'stay.deleted')
}

/** The planner changes nothing: it returns the engine's verdict for the form to show. */
export async function whatIfAction(_previous: ActionResult<RunCheck> | null, form: FormData): Result<RunCheck> {
  return runAction(async () => {
    const actor = await requireUser()
    const { ids, fields } = split(form, 'travellerId')
    const plan = whatIfSchema.parse(fields)
    return whatIf(actor, ids.travellerId!, plan.exitOn, plan.returnOn ?? null)
  })
}
