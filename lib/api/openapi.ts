// GET /api/openapi.json is generated from the same zod schemas the route handlers validate with,
// so the description cannot drift from the behaviour.
import { z } from 'zod'
import { bookSeatsSchema } from '@/lib/bookings/book-seats'
import { decideRequestSchema } from '@/lib/bookings/decide-request'
import { markPaymentSchema } from '@/lib/bookings/mark-payment'
import { dispatchOperations } from '@/lib/dispatch/openapi-operations'
import { markNotificationsReadSchema } from '@/lib/notifications/list-notifications'
import { markBoardingSchema } from '@/lib/trips/mark-boarding'
import { travellerOperations } from '@/lib/travellers/openapi-operations'
import { searchTripsSchema } from '@/lib/trips/search-trips'
import { setTripStatusSchema } from '@/lib/trips/set-trip-status'
import { editTripSchema, publishTripSchema } from '@/lib/trips/trip-input'

export type Operation = {
  method: 'get' | 'post' | 'patch' | 'delete'
  path: string
  summary: string
  auth: 'none' | 'user' | 'driver' | 'coordinator' | 'admin'
  query?: z.ZodType
  body?: z.ZodType
  headers?: { name: string; description: string }[]
}

const operations: Operation[] = []

/** Other modules add their operations here (one registry, one document). */
export function registerOperations(list: Operation[]): void {
  for (const op of list) if (!operations.some((o) => o.method === op.method && o.path === op.path)) operations.push(op)
}

registerOperations([
  { method: 'get', path: '/api/trips', summary: 'Search runs', auth: 'none', query: searchTripsSchema },
  { method: 'post', path: '/api/trips', summary: 'Publish a run (or a recurring series)', auth: 'driver', body: publishTripSchema },
  { method: 'get', path: '/api/trips/{tripId}', summary: "A run's details, with the viewer's booking", auth: 'none' },
  { method: 'patch', path: '/api/trips/{tripId}', summary: 'Edit a run (its driver)', auth: 'driver', body: editTripSchema },
  { method: 'delete', path: '/api/trips/{tripId}', summary: 'Cancel a run; every rider is told', auth: 'driver' },
  { method: 'post', path: '/api/trips/{tripId}/status', summary: "Move a run to its next status", auth: 'driver', body: setTripStatusSchema.omit({ tripId: true }) },
  { method: 'get', path: '/api/trips/{tripId}/manifest', summary: 'Manifest: riders, seats, payment, verdicts', auth: 'driver' },
  {
    method: 'post', path: '/api/trips/{tripId}/bookings', summary: 'Book seats for a party (legal check per traveller)', auth: 'user',
    body: bookSeatsSchema.omit({ tripId: true, idempotencyKey: true }),
    headers: [{ name: 'Idempotency-Key', description: 'A retried request with the same key returns the first result; the same key with another request (run, travellers, answers) is 422 IDEMPOTENCY_KEY_REUSED' }],
  },
  { method: 'get', path: '/api/bookings', summary: "The rider's bookings", auth: 'user' },
  { method: 'delete', path: '/api/bookings/{bookingId}', summary: 'Cancel a booking or leave the waitlist', auth: 'user' },
  { method: 'post', path: '/api/bookings/{bookingId}/decision', summary: 'Approve or decline a request (driver)', auth: 'driver', body: decideRequestSchema.omit({ bookingId: true }) },
  { method: 'post', path: '/api/bookings/{bookingId}/payment', summary: 'Mark payment: PAID (rider), CONFIRMED (driver), DISPUTED', auth: 'user', body: markPaymentSchema.omit({ bookingId: true }) },
  { method: 'post', path: '/api/bookings/{bookingId}/boarding', summary: 'Check a traveller in: boarded or no-show (driver)', auth: 'driver', body: markBoardingSchema.omit({ bookingId: true }) },
  { method: 'get', path: '/api/bookings/{bookingId}/receipt', summary: 'Receipt of a confirmed booking', auth: 'user' },
  { method: 'get', path: '/api/reference', summary: 'Cities, checkpoints with statuses, pickup points', auth: 'none' },
  { method: 'get', path: '/api/notifications', summary: "The user's notifications", auth: 'user' },
  { method: 'post', path: '/api/notifications', summary: 'Mark notifications read', auth: 'user', body: markNotificationsReadSchema },
  { method: 'get', path: '/api/health', summary: 'Liveness and database reachability', auth: 'none' },
])
registerOperations(dispatchOperations)
registerOperations(travellerOperations)

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' })
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'TRIP_FULL' },
        message: { type: 'string', description: "In the caller's language (NEXT_LOCALE cookie or Accept-Language)" },
        fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        details: {},
      },
    },
  },
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const parameters: unknown[] = []
    for (const match of op.path.matchAll(/\{(\w+)\}/g)) {
      const name = match[1]!
      const schema = name.endsWith('Id') ? { type: 'string', format: 'uuid' } : name === 'date' ? { type: 'string', format: 'date' } : { type: 'string' }
      parameters.push({ name, in: 'path', required: true, schema })
    }
    if (op.query) {
      const schema = jsonSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] }
      for (const [name, s] of Object.entries(schema.properties ?? {})) parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s })
    }
    for (const h of op.headers ?? []) parameters.push({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } })
    paths[op.path] ??= {}
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.auth === 'none' ? { security: [] } : { description: `Requires a signed-in ${op.auth} (session cookie).` }),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
      responses: {
        '200': { description: 'OK' },
        '4XX': { description: 'Refused: validation, authentication, permission, conflict, rate limit', content: { 'application/json': { schema: errorSchema } } },
        '503': { description: 'The database is briefly unavailable; retry', content: { 'application/json': { schema: errorSchema } } },
      },
    }
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Poputka API', version: '1.0.0', description: 'Shared cars for border runs, with a 90/180 legal-stay check before every booking. Authenticate with the next-auth session cookie (POST /api/auth/callback/credentials).' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' } } },
    security: [{ session: [] }],
    paths,
  }
}
