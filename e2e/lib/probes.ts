// One request per table entry (lib/auth/access-table.ts), built for a world and an audience: the
// plausible, valid request someone of that audience would send (their own traveller, their own car,
// the state a rider or a manager would set), so that what decides the answer is who asks.
import { randomUUID } from 'node:crypto'
import type { APIRequestContext } from '@playwright/test'
import type { AccessEntry, Audience } from '@/lib/auth/access-table'
import { entryKey } from '@/lib/auth/access-table'
import type { ActionFields } from './server-actions'
import { e2eDb } from '../fixtures'
import { kzDate, type Cast, type World } from './world'

export type HttpProbe = { kind: 'http'; method: string; url: string; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> }
export type ActionProbe = { kind: 'action'; fields: ActionFields; params?: Record<string, string> }
export type PageProbe = { kind: 'page'; url: string }
export type Probe = HttpProbe | ActionProbe | PageProbe

type Ctx = { world: World; cast: Cast; audience: Audience; request: APIRequestContext }
type Build = (ctx: Ctx) => Probe | Promise<Probe>

const get = (url: string): HttpProbe => ({ kind: 'http', method: 'GET', url })
const send = (method: string, url: string, json?: unknown): HttpProbe => ({ kind: 'http', method, url, json })
const act = (fields: ActionFields, params?: Record<string, string>): ActionProbe => ({ kind: 'action', fields, params })
const page = (url: string): PageProbe => ({ kind: 'page', url })

/** The caller's own self traveller and car (the run's driver's car for those without one). */
function own(ctx: Ctx) {
  const user = ctx.audience === 'anonymous' ? ctx.cast.users.passenger : ctx.cast.users[ctx.audience]
  return { travellerId: user.travellerId, carId: user.carId ?? ctx.cast.users.tripDriver.carId!, userId: user.id, name: user.name }
}

const PICKUP = { label: 'Алматы, Сайран', lat: 43.2389, lng: 76.8897 }

function publishBody(carId: string) {
  return {
    carId, originCityId: 'almaty', pickup: PICKUP, checkpointId: 'korday', destinationCityId: 'bishkek',
    departureOn: kzDate(3), departureTime: '10:00', roundTrip: false, seatsTotal: 3,
    pricingMode: 'PER_SEAT', pricePerSeatTenge: 5000, approvalMode: 'INSTANT',
  }
}

const OPEN_RUN_SLOTS = ['00:30', '09:00', '17:30'] as const
let openRunCalls = 0

/** The rider marks PAID; anyone else asks for what a manager would (CONFIRMED). */
const paymentState = (a: Audience) => (a === 'bookingOwner' ? 'PAID' : 'CONFIRMED')

const WRONG_PASSWORD = 'not-the-password-0'

export const probes: Record<string, Build> = {
  'GET /api/health': () => get('/api/health'),
  'GET /api/ping': () => get('/api/ping'),
  'GET /api/openapi.json': () => get('/api/openapi.json'),
  'GET /api/reference': () => get('/api/reference'),
  'GET /api/auth/[...nextauth]': () => get('/api/auth/session'),
  'POST /api/auth/[...nextauth]': async ({ request }) => {
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
    return { kind: 'http', method: 'POST', url: '/api/auth/session', form: { csrfToken } }
  },
  'GET /api/trips': ({ world }) => get(`/api/trips?date=${world.date}&from=almaty&checkpoint=korday`),
  'GET /api/trips/[tripId]': ({ world }) => get(`/api/trips/${world.tripId}`),
  'GET /api/users/[userId]/profile': ({ cast }) => get(`/api/users/${cast.users.bookingOwner.id}/profile`),

  'GET /api/account/export': () => get('/api/account/export'),
  'DELETE /api/account': () => send('DELETE', '/api/account', { password: WRONG_PASSWORD, confirm: true }),
  'GET /api/bookings': () => get('/api/bookings'),
  'GET /api/notifications': () => get('/api/notifications'),
  'POST /api/notifications': () => send('POST', '/api/notifications', {}),
  'GET /api/travellers': () => get('/api/travellers'),
  'POST /api/travellers': () => send('POST', '/api/travellers', { name: 'Попутчица', citizenship: 'KG' }),
  'GET /api/groups': () => get('/api/groups'),
  // One's own name again (the cast keeps its names); languages and about change.
  'PATCH /api/account/profile': (ctx) => send('PATCH', '/api/account/profile', { name: own(ctx).name, languages: ['ru', 'kk'], about: 'Езжу по выходным.' }),
  'POST /api/reports': ({ world }) => send('POST', '/api/reports', { target: 'MEMBER', userId: world.targetUserId, reason: 'FRAUD', comment: 'Просил предоплату.' }),
  'GET /api/blocks': () => get('/api/blocks'),
  'PUT /api/blocks/[userId]': ({ world }) => send('PUT', `/api/blocks/${world.targetUserId}`),
  'DELETE /api/blocks/[userId]': ({ world }) => send('DELETE', `/api/blocks/${world.targetUserId}`),

  'PATCH /api/travellers/[travellerId]': ({ world }) => send('PATCH', `/api/travellers/${world.travellerId}`, { name: 'Айгерим Б.' }),
  'DELETE /api/travellers/[travellerId]': ({ world }) => send('DELETE', `/api/travellers/${world.freeTravellerId}`),
  'GET /api/travellers/[travellerId]/assessment': ({ world }) => get(`/api/travellers/${world.travellerId}/assessment`),
  'GET /api/travellers/[travellerId]/what-if': ({ world }) => get(`/api/travellers/${world.travellerId}/what-if?exitOn=${world.date}&returnOn=${world.date}`),
  'GET /api/travellers/[travellerId]/stays': ({ world }) => get(`/api/travellers/${world.travellerId}/stays`),
  'POST /api/travellers/[travellerId]/stays': ({ world }) => send('POST', `/api/travellers/${world.travellerId}/stays`, { entryOn: '2024-01-10', exitOn: '2024-01-20' }),
  'PATCH /api/travellers/[travellerId]/stays/[stayId]': ({ world }) => send('PATCH', `/api/travellers/${world.travellerId}/stays/${world.stayId}`, { entryOn: '2025-03-16' }),
  'DELETE /api/travellers/[travellerId]/stays/[stayId]': ({ world }) => send('DELETE', `/api/travellers/${world.travellerId}/stays/${world.stayId}`),
  'GET /api/travellers/[travellerId]/documents': ({ world }) => get(`/api/travellers/${world.travellerId}/documents`),
  'POST /api/travellers/[travellerId]/documents': ({ world }) =>
    send('POST', `/api/travellers/${world.travellerId}/documents`, { kind: 'TEMPORARY_RESIDENCE', validFrom: '2024-02-01', validTo: '2024-12-31' }),
  'DELETE /api/travellers/[travellerId]/documents/[documentId]': ({ world }) => send('DELETE', `/api/travellers/${world.travellerId}/documents/${world.documentId}`),

  'POST /api/trips/[tripId]/bookings': (ctx) => send('POST', `/api/trips/${ctx.world.tripId}/bookings`, { travellerIds: [own(ctx).travellerId], acknowledgeWarning: true }),
  'GET /api/bookings/[bookingId]': ({ world }) => get(`/api/bookings/${world.bookingId}`),
  'DELETE /api/bookings/[bookingId]': ({ world }) => send('DELETE', `/api/bookings/${world.bookingId}`),
  'GET /api/bookings/[bookingId]/receipt': ({ world }) => get(`/api/bookings/${world.bookingId}/receipt`),
  'POST /api/bookings/[bookingId]/payment': ({ world, audience }) => send('POST', `/api/bookings/${world.bookingId}/payment`, { state: paymentState(audience) }),
  'POST /api/bookings/[bookingId]/decision': ({ world }) => send('POST', `/api/bookings/${world.pendingBookingId}/decision`, { decision: 'approve' }),
  'POST /api/bookings/[bookingId]/boarding': ({ world }) => send('POST', `/api/bookings/${world.bookingId}/boarding`, { position: 0, boarding: 'BOARDED' }),
  'POST /api/bookings/[bookingId]/review': ({ world }) => send('POST', `/api/bookings/${world.completedBookingId}/review`, { rating: 5, comment: 'Всё по договорённости.' }),
  'POST /api/reviews/[reviewId]/reply': ({ world }) => send('POST', `/api/reviews/${world.reviewOfRiderId}/reply`, { text: 'Спасибо!' }),
  'POST /api/bookings/[bookingId]/no-show': ({ world }) => send('POST', `/api/bookings/${world.completedBookingId}/no-show`),
  'POST /api/no-shows/[noShowId]/dispute': ({ world }) => send('POST', `/api/no-shows/${world.noShowId}/dispute`, { note: 'Я стояла у входа, водитель уехал раньше.' }),

  'POST /api/trips': (ctx) => send('POST', '/api/trips', publishBody(own(ctx).carId)),
  'PATCH /api/trips/[tripId]': ({ world }) => send('PATCH', `/api/trips/${world.tripId}`, { notes: 'Встреча у северного входа.' }),
  'DELETE /api/trips/[tripId]': ({ world }) => send('DELETE', `/api/trips/${world.tripId}`),
  'POST /api/trips/[tripId]/status': ({ world }) => send('POST', `/api/trips/${world.tripId}/status`, { status: 'BOARDING' }),
  'GET /api/trips/[tripId]/manifest': ({ world }) => get(`/api/trips/${world.tripId}/manifest`),
  'GET /api/trips/[tripId]/manifest.csv': ({ world }) => get(`/api/trips/${world.tripId}/manifest.csv`),

  'POST /api/groups': () => send('POST', '/api/groups', { name: `Группа ${randomUUID().slice(0, 6)}` }),
  'GET /api/groups/[groupId]': ({ world }) => get(`/api/groups/${world.groupId}`),
  'POST /api/groups/join': ({ world }) => send('POST', '/api/groups/join', { code: world.inviteCode }),
  'POST /api/groups/[groupId]/invites': ({ world }) => send('POST', `/api/groups/${world.groupId}/invites`, { expiresInHours: 24, maxUses: 5 }),
  'DELETE /api/groups/[groupId]/invites/[inviteId]': ({ world }) => send('DELETE', `/api/groups/${world.groupId}/invites/${world.inviteId}`),
  'DELETE /api/groups/[groupId]/members/[userId]': ({ world, cast }) => send('DELETE', `/api/groups/${world.groupId}/members/${cast.users.tripDriver.id}`),
  'POST /api/groups/[groupId]/trips/[tripId]': ({ world }) => send('POST', `/api/groups/${world.groupId}/trips/${world.tripId}`),
  'DELETE /api/groups/[groupId]/trips/[tripId]': ({ world }) => send('DELETE', `/api/groups/${world.groupId}/trips/${world.tripId}`),

  'GET /api/dispatch/[groupId]/[date]': ({ world }) => get(`/api/dispatch/${world.groupId}/${world.date}`),
  'GET /api/dispatch/[groupId]/[date]/runs/[tripId]': ({ world }) => get(`/api/dispatch/${world.groupId}/${world.date}/runs/${world.tripId}`),
  'GET /api/dispatch/[groupId]/[date]/summary': ({ world }) => get(`/api/dispatch/${world.groupId}/${world.date}/summary`),
  'GET /api/dispatch/[groupId]/[date]/manifest.csv': ({ world }) => get(`/api/dispatch/${world.groupId}/${world.date}/manifest.csv`),
  'GET /api/dispatch/[groupId]/audit': ({ world }) => get(`/api/dispatch/${world.groupId}/audit`),
  // The target leaves 4 hours later: the coordinator has seen that and confirms.
  'POST /api/dispatch/[groupId]/[date]/moves': ({ world }) => send('POST', `/api/dispatch/${world.groupId}/${world.date}/moves`, { bookingId: world.bookingId, targetTripId: world.targetTripId, confirm: true }),
  'POST /api/dispatch/[groupId]/[date]/runs': ({ world, cast }) => {
    // The driver's spare car, in the next free slot: one car is on one run at a time (a one-way
    // run holds it eight hours), and each allowed caller opens a run.
    const departureTime = OPEN_RUN_SLOTS[openRunCalls++ % OPEN_RUN_SLOTS.length]!
    const { departureOn: _on, ...body } = publishBody(cast.users.tripDriver.spareCarId!)
    return send('POST', `/api/dispatch/${world.groupId}/${world.date}/runs`, { ...body, departureTime, driverId: cast.users.tripDriver.id })
  },
  'POST /api/dispatch/bookings/[bookingId]/promote': ({ world }) => send('POST', `/api/dispatch/bookings/${world.waitlistedBookingId}/promote`),
  'POST /api/dispatch/runs/[tripId]/cancel-and-move': ({ world }) =>
    send('POST', `/api/dispatch/runs/${world.tripId}/cancel-and-move`, { moves: [{ bookingId: world.bookingId, targetTripId: world.targetTripId, confirm: true }] }),

  // Server actions: the fields their forms send.
  'action app/[locale]/(public)/register/actions.ts#registerAction': () =>
    act({ name: 'Новый Пользователь', email: `e2e-reg-${randomUUID().slice(0, 10)}@test.poputka.kz`, password: 'a-long-enough-password', phone: '' }),
  'action app/[locale]/(public)/forgot-password/actions.ts#requestPasswordResetAction': async () => {
    // A fresh per-address window: every audience asks once, and the fuzz asks many times.
    await e2eDb().query(`DELETE FROM rate_limits WHERE key LIKE 'password-reset:%'`)
    return act({ email: `e2e-nobody-${randomUUID().slice(0, 8)}@test.poputka.kz` })
  },
  'action app/[locale]/(public)/reset-password/actions.ts#resetPasswordAction': () => act({ token: 'N0tAL1veT0ken'.repeat(4), password: 'a-long-enough-password' }),
  'action app/[locale]/(public)/verify-email/actions.ts#verifyEmailAction': () => act({ token: 'N0tAL1veT0ken'.repeat(4) }),
  'action app/[locale]/(public)/trips/[tripId]/actions.ts#bookSeatsAction': (ctx) =>
    act({ tripId: ctx.world.tripId, 'travellerIds[]': [own(ctx).travellerId], acknowledgeWarning: 'true', idempotencyKey: randomUUID() }, { tripId: ctx.world.tripId }),
  'action app/[locale]/(app)/account/actions.ts#addCarAction': () => act({ make: 'Lada', model: 'Largus', colour: 'серый', plate: `${Math.floor(100 + Math.random() * 899)}ABC02`, seats: '5' }),
  'action app/[locale]/(app)/account/actions.ts#deleteAccountAction': () => act({ password: WRONG_PASSWORD, confirm: 'on' }),
  'action app/[locale]/(app)/account/actions.ts#updateNotificationSettingsAction': () => act({ 'email[]': ['BOOKINGS', 'RUN_CHANGES', 'REMINDERS'], 'telegram[]': ['BOOKINGS', 'RUN_CHANGES', 'REMINDERS'] }),
  'action app/[locale]/(app)/account/actions.ts#requestEmailVerificationAction': () => act({}),
  'action app/[locale]/(app)/account/actions.ts#connectTelegramAction': () => act({}),
  'action app/[locale]/(app)/account/actions.ts#disconnectTelegramAction': () => act({}),
  'action app/[locale]/(app)/admin/outbox/actions.ts#retryDeliveryAction': ({ world }) => act({ deliveryId: world.failedDeliveryId }),
  'action app/[locale]/(app)/account/actions.ts#updateProfileAction': (ctx) => act({ name: own(ctx).name, 'languages[]': ['ru', 'en'], about: 'Говорю по-русски и по-английски.' }),
  'action app/[locale]/(public)/users/[userId]/actions.ts#reportAction': ({ world }) =>
    act({ target: 'MEMBER', userId: world.targetUserId, reason: 'HARASSMENT', comment: 'Грубил в чате.' }, { userId: world.targetUserId }),
  'action app/[locale]/(public)/users/[userId]/actions.ts#blockUserAction': ({ world }) => act({ userId: world.targetUserId }, { userId: world.targetUserId }),
  'action app/[locale]/(public)/users/[userId]/actions.ts#unblockUserAction': ({ world }) => act({ userId: world.targetUserId }, { userId: world.targetUserId }),
  'action app/[locale]/(public)/users/[userId]/actions.ts#replyToReviewAction': ({ world, cast }) =>
    act({ reviewId: world.reviewOfRiderId, text: 'Спасибо, до встречи!' }, { userId: cast.users.bookingOwner.id }),
  'action app/[locale]/(app)/bookings/trust-actions.ts#submitReviewAction': ({ world }) => act({ bookingId: world.completedBookingId, rating: '4', comment: 'Хорошая поездка.' }, { tripId: world.completedTripId }),
  'action app/[locale]/(app)/bookings/trust-actions.ts#reportDriverNoShowAction': ({ world }) => act({ bookingId: world.completedBookingId }, { tripId: world.completedTripId }),
  'action app/[locale]/(app)/bookings/trust-actions.ts#disputeNoShowAction': ({ world }) => act({ noShowId: world.noShowId, note: 'Я была на месте.' }, { tripId: world.completedTripId }),
  'action app/[locale]/(app)/admin/moderation/actions.ts#resolveReportAction': ({ world }) => act({ reportId: world.reportId, decision: 'HIDE_REVIEW', note: 'Оскорбление.' }),
  'action app/[locale]/(app)/admin/moderation/actions.ts#decideNoShowAction': ({ world }) => act({ noShowId: world.disputedNoShowId, decision: 'OVERTURN' }),
  'action app/[locale]/(app)/admin/moderation/actions.ts#reinstateUserAction': ({ world }) => act({ userId: world.targetUserId }),
  // Without the confirmation: walked as everyone, it must not end the cast's own sessions.
  'action app/[locale]/(app)/account/session-actions.ts#signOutEverywhereAction': () => act({}),
  'action app/[locale]/(app)/admin/users/actions.ts#setUserRoleAction': ({ world }) => act({ userId: world.targetUserId, role: 'COORDINATOR', granted: 'true' }),
  'action app/[locale]/(app)/bookings/actions.ts#cancelMyBookingAction': ({ world }) => act({ bookingId: world.bookingId }),
  'action app/[locale]/(app)/bookings/actions.ts#acceptBookingChangeAction': ({ world }) => act({ bookingId: world.bookingId }),
  'action app/[locale]/(app)/bookings/actions.ts#markPaymentAction': ({ world, audience }) => act({ bookingId: world.bookingId, state: paymentState(audience) }),
  'action app/[locale]/(app)/notifications/actions.ts#markNotificationsReadAction': () => act({}),
  'action app/[locale]/(app)/stay/actions.ts#ensureSelfTravellerAction': () => act({ citizenship: 'RU' }),
  'action app/[locale]/(app)/stay/actions.ts#createTravellerAction': () => act({ name: 'Попутчица', citizenship: 'KG' }),
  'action app/[locale]/(app)/stay/actions.ts#updateTravellerAction': ({ world }) => act({ travellerId: world.travellerId, name: 'Айгерим Б.' }),
  'action app/[locale]/(app)/stay/actions.ts#deleteTravellerAction': ({ world }) => act({ travellerId: world.freeTravellerId }),
  'action app/[locale]/(app)/stay/actions.ts#addStayAction': ({ world }) => act({ travellerId: world.travellerId, entryOn: '2024-01-10', exitOn: '2024-01-20' }),
  'action app/[locale]/(app)/stay/actions.ts#updateStayAction': ({ world }) => act({ travellerId: world.travellerId, stayId: world.stayId, entryOn: '2025-03-16', exitOn: '2025-04-29' }),
  'action app/[locale]/(app)/stay/actions.ts#deleteStayAction': ({ world }) => act({ travellerId: world.travellerId, stayId: world.stayId }),
  'action app/[locale]/(app)/stay/actions.ts#markRegisteredAction': ({ world }) => act({ stayId: world.stayId }),
  'action app/[locale]/(app)/stay/actions.ts#addDocumentAction': ({ world }) => act({ travellerId: world.travellerId, kind: 'TEMPORARY_RESIDENCE', validFrom: '2024-02-01', validTo: '2024-12-31' }),
  'action app/[locale]/(app)/stay/actions.ts#deleteDocumentAction': ({ world }) => act({ travellerId: world.travellerId, documentId: world.documentId }),
  'action app/[locale]/(app)/stay/actions.ts#whatIfAction': ({ world }) => act({ travellerId: world.travellerId, exitOn: world.date, returnOn: world.date }),
  'action app/[locale]/(app)/my-trips/new/actions.ts#publishTripAction': (ctx) =>
    act({
      carId: own(ctx).carId, originCityId: 'almaty', pickupLabel: PICKUP.label, pickupLat: String(PICKUP.lat), pickupLng: String(PICKUP.lng),
      checkpointId: 'korday', destinationCityId: 'bishkek', departureOn: kzDate(3), departureTime: '11:00', seatsTotal: '3',
      pricingMode: 'PER_SEAT', pricePerSeatTenge: '5000', approvalMode: 'INSTANT', notes: '',
    }),
  'action app/[locale]/(app)/my-trips/[tripId]/actions.ts#decideRequestAction': ({ world }) => act({ bookingId: world.pendingBookingId, decision: 'approve' }, { tripId: world.manualTripId }),
  'action app/[locale]/(app)/my-trips/[tripId]/actions.ts#markBoardingAction': ({ world }) => act({ bookingId: world.bookingId, position: '0', boarding: 'BOARDED' }, { tripId: world.tripId }),
  'action app/[locale]/(app)/my-trips/[tripId]/actions.ts#markPaymentAction': ({ world }) => act({ bookingId: world.bookingId, state: 'CONFIRMED' }, { tripId: world.tripId }),
  'action app/[locale]/(app)/my-trips/[tripId]/actions.ts#setTripStatusAction': ({ world }) => act({ tripId: world.tripId, status: 'BOARDING', reason: '' }, { tripId: world.tripId }),
  'action app/[locale]/(app)/my-trips/[tripId]/actions.ts#assignTripToGroupAction': ({ world }) => act({ tripId: world.tripId, groupId: world.groupId }, { tripId: world.tripId }),
  'action app/[locale]/(app)/my-trips/[tripId]/edit/actions.ts#editTripAction': ({ world }) =>
    act({ tripId: world.tripId, pickupLabel: PICKUP.label, pickupLat: String(PICKUP.lat), pickupLng: String(PICKUP.lng), notes: 'Встреча у северного входа.' }, { tripId: world.tripId }),
  'action app/[locale]/(app)/dispatch/actions.ts#createGroupAction': () => act({ name: `Группа ${randomUUID().slice(0, 6)}` }),
  'action app/[locale]/(app)/dispatch/actions.ts#createInviteAction': ({ world }) => act({ groupId: world.groupId, expiresInDays: '7', maxUses: '5' }),
  'action app/[locale]/(app)/dispatch/actions.ts#revokeInviteAction': ({ world }) => act({ groupId: world.groupId, inviteId: world.inviteId }),
  'action app/[locale]/(app)/dispatch/actions.ts#removeMemberAction': ({ world, cast }) => act({ groupId: world.groupId, userId: cast.users.tripDriver.id }),
  'action app/[locale]/(app)/dispatch/actions.ts#leaveGroupAction': ({ world }) => act({ groupId: world.groupId }),
  'action app/[locale]/(app)/dispatch/actions.ts#joinGroupAction': ({ world }) => act({ code: world.inviteCode }),

  'page /': () => page('/'),
  'page /sign-in': () => page('/sign-in'),
  'page /register': () => page('/register'),
  'page /forgot-password': () => page('/forgot-password'),
  'page /reset-password': () => page(`/reset-password?token=${'N0tAL1veT0ken'.repeat(4)}`),
  'page /verify-email': () => page(`/verify-email?token=${'N0tAL1veT0ken'.repeat(4)}`),
  'page /offline': () => page('/offline'),
  'page /trips': ({ world }) => page(`/trips?date=${world.date}&from=almaty`),
  'page /trips/[tripId]': ({ world }) => page(`/trips/${world.tripId}`),
  'page /account': () => page('/account'),
  'page /admin/users': () => page('/admin/users'),
  'page /admin/outbox': () => page('/admin/outbox'),
  'page /admin/moderation': () => page('/admin/moderation'),
  'page /users/[userId]': ({ cast }) => page(`/users/${cast.users.bookingOwner.id}`),
  'page /bookings': () => page('/bookings'),
  'page /bookings/[bookingId]/receipt': ({ world }) => page(`/bookings/${world.bookingId}/receipt`),
  'page /notifications': () => page('/notifications'),
  'page /stay': () => page('/stay'),
  'page /my-trips': () => page('/my-trips'),
  'page /my-trips/new': () => page('/my-trips/new'),
  'page /my-trips/[tripId]': ({ world }) => page(`/my-trips/${world.tripId}`),
  'page /my-trips/[tripId]/edit': ({ world }) => page(`/my-trips/${world.tripId}/edit`),
  'page /dispatch': () => page('/dispatch'),
  'page /dispatch/join': ({ world }) => page(`/dispatch/join?code=${world.inviteCode}`),
  'page /dispatch/groups/[groupId]': ({ world }) => page(`/dispatch/groups/${world.groupId}`),
  'page /dispatch/manifest/[tripId]': ({ world }) => page(`/dispatch/manifest/${world.tripId}`),
  'page /dispatch/[groupId]': ({ world }) => page(`/dispatch/${world.groupId}`),
  'page /dispatch/[groupId]/[date]': ({ world }) => page(`/dispatch/${world.groupId}/${world.date}`),
  'page /dispatch/[groupId]/[date]/manifest': ({ world }) => page(`/dispatch/${world.groupId}/${world.date}/manifest`),
  'page /dispatch/[groupId]/[date]/summary': ({ world }) => page(`/dispatch/${world.groupId}/${world.date}/summary`),
  'page /dispatch/[groupId]/audit': ({ world }) => page(`/dispatch/${world.groupId}/audit`),
}

/** Changes something when allowed (it then gets a world of its own). */
export function mutates(entry: AccessEntry): boolean {
  if (entry.kind === 'page') return false
  if (entry.kind === 'route') return entry.method !== 'GET'
  return entry.name !== 'whatIfAction'
}

export function probeFor(entry: AccessEntry): Build {
  const build = probes[entryKey(entry)]
  if (!build) throw new Error(`no probe for ${entryKey(entry)} in e2e/lib/probes.ts: add the request someone would send`)
  return build
}
