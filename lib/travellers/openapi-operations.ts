// The travellers' part of GET /api/openapi.json (registered by lib/api/openapi.ts).
import type { Operation } from '@/lib/api/openapi'
import { addDocumentSchema } from '@/lib/travellers/documents/add-document'
import { createTravellerSchema } from '@/lib/travellers/create-traveller'
import { stayStatusQuerySchema } from '@/lib/travellers/get-stay-status'
import { addStaySchema } from '@/lib/travellers/stays/add-stay'
import { updateStaySchema } from '@/lib/travellers/stays/update-stay'
import { updateTravellerSchema } from '@/lib/travellers/update-traveller'
import { whatIfSchema } from '@/lib/travellers/what-if'

export const travellerOperations: Operation[] = [
  { method: 'get', path: '/api/travellers', summary: "The rider's travellers (self and companions)", auth: 'user' },
  { method: 'post', path: '/api/travellers', summary: 'Add a companion, or {"self": true, "citizenship"} for the own profile', auth: 'user', body: createTravellerSchema },
  { method: 'patch', path: '/api/travellers/{travellerId}', summary: 'Rename a traveller or correct the citizenship', auth: 'user', body: updateTravellerSchema },
  { method: 'delete', path: '/api/travellers/{travellerId}', summary: 'Remove a traveller with their travel log', auth: 'user' },
  { method: 'get', path: '/api/travellers/{travellerId}/stays', summary: 'The travel log', auth: 'user' },
  { method: 'post', path: '/api/travellers/{travellerId}/stays', summary: 'Add a stay (overlaps are merged, with a notice)', auth: 'user', body: addStaySchema },
  { method: 'patch', path: '/api/travellers/{travellerId}/stays/{stayId}', summary: 'Correct a stay', auth: 'user', body: updateStaySchema },
  { method: 'delete', path: '/api/travellers/{travellerId}/stays/{stayId}', summary: 'Remove a stay', auth: 'user' },
  { method: 'get', path: '/api/travellers/{travellerId}/documents', summary: 'Residence documents (type and dates only)', auth: 'user' },
  { method: 'post', path: '/api/travellers/{travellerId}/documents', summary: 'Add a residence document (never its number)', auth: 'user', body: addDocumentSchema },
  { method: 'delete', path: '/api/travellers/{travellerId}/documents/{documentId}', summary: 'Remove a residence document', auth: 'user' },
  { method: 'get', path: '/api/travellers/{travellerId}/assessment', summary: 'The 90/180 assessment on a date, with calendar and registration reminder', auth: 'user', query: stayStatusQuerySchema.partial() },
  { method: 'get', path: '/api/travellers/{travellerId}/what-if', summary: 'Would leaving on exitOn and returning on returnOn be legal?', auth: 'user', query: whatIfSchema },
  { method: 'get', path: '/api/account/export', summary: 'Everything held about the signed-in user (JSON download)', auth: 'user' },
  { method: 'delete', path: '/api/account', summary: 'Delete the account (password confirmation)', auth: 'user' },
  { method: 'get', path: '/api/ping', summary: 'Constant answer, no database', auth: 'none' },
]
