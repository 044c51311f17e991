// Who may use what, as ONE table: every route handler (path + method), every server action (file +
// export) and every page, with the audiences allowed and the exact answer everyone else gets.
//
// Audiences are people in relation to one resource — a run in a coordinator group with a booking on
// it: `bookingOwner` is the rider who booked, `tripDriver` drives the run, `groupCoordinator`
// coordinates the run's group; `otherDriver` and `otherCoordinator` drive and coordinate elsewhere;
// `passenger` is any signed-in user with no relation to it; `admin` has the ADMIN role.
//
// lib/auth/access-table.test.ts fails when a route, action or page exists that is not listed here (or
// an entry names one that no longer exists); e2e/authorization.spec.ts walks every entry as every
// audience against the running app and checks the answers and the bodies (`hides`).
//
// A rider's stays and residence documents (and a booking's `checkInputs` / `reasons`) reach only that
// rider: drivers, coordinators and admins see a verdict and nothing behind it. There is no admin view
// of stays; keep it that way (an admin view would have to be logged).

export const AUDIENCES = ['anonymous', 'passenger', 'bookingOwner', 'tripDriver', 'otherDriver', 'groupCoordinator', 'otherCoordinator', 'admin'] as const

export type Audience = (typeof AUDIENCES)[number]

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** A rider's private data, as it could show in a response: the dates of their stays and residence
 * documents, and the keys of the legal check's stored inputs and reasons, of stays and documents. */
export const PRIVATE_MARKERS = ['stayDates', 'documentDates', 'checkInputs', 'reasons', 'stays', 'documents'] as const
/** What a public profile never shows of its member (docs/decisions/009-trust-and-moderation.md):
 * the email and phone, a traveller's citizenship, and the dates of the runs they travelled on. */
export const PROFILE_MARKERS = ['email', 'phone', 'citizenship', 'travelDates'] as const
export type PrivateMarker = (typeof PRIVATE_MARKERS)[number] | (typeof PROFILE_MARKERS)[number]

/** JSON and CSV: none of it, not even a key. */
const RIDER_DATA: readonly PrivateMarker[] = PRIVATE_MARKERS
/** Pages carry the app's translated messages, whose keys include "reasons" and "documents": there the
 * data itself is what must not appear (dates, stored check inputs). */
const RIDER_DATA_ON_PAGES: readonly PrivateMarker[] = ['stayDates', 'documentDates', 'checkInputs']
/** A profile (JSON): nothing of the rider's legal data, and no contact, citizenship or travel date. */
const PROFILE_DATA: readonly PrivateMarker[] = [...PRIVATE_MARKERS, ...PROFILE_MARKERS]
/** A profile page: the same, the key-only markers aside (the page's messages carry such keys). */
const PROFILE_DATA_ON_PAGES: readonly PrivateMarker[] = [...RIDER_DATA_ON_PAGES, 'email', 'phone', 'travelDates']

/** What a page answers: 200, a redirect (307) elsewhere, sign-in (a redirect to /sign-in), 403, 404. */
export type PageOutcome = 200 | 307 | 'sign-in' | 403 | 404

/** What an action answers: `ok` (ok: true), `redirect` (it redirected on success), or the `code` of
 * its `ok: false` value (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION…). */
export type ActionOutcome = 'ok' | 'redirect' | (string & {})

type Common<O> = {
  /** Audiences allowed; each gets `ok` (or its own outcome from `okFor`). */
  allow: readonly Audience[]
  ok: O
  okFor?: Partial<Record<Audience, O>>
  /** Every audience not allowed, with its exact answer. */
  deny: Partial<Record<Audience, O>>
  /** Responses that show other people's bookings (manifest, board, run page, CSV…): what of the
   * rider's must never appear in them for anyone but that rider. (The stay and document dates are
   * checked in every response to anyone else, listed here or not.) */
  hides?: readonly PrivateMarker[]
  /** Why the table says what it says where that is not obvious. */
  note?: string
}

export type RouteEntry = Common<number> & { kind: 'route'; method: HttpMethod; path: string }
export type ActionEntry = Common<ActionOutcome> & { kind: 'action'; file: string; name: string }
export type PageEntry = Common<PageOutcome> & { kind: 'page'; path: string }
export type AccessEntry = RouteEntry | ActionEntry | PageEntry

const SIGNED_IN: readonly Audience[] = AUDIENCES.filter((a) => a !== 'anonymous')
/** May manage the run: its driver, its group's coordinators, admins (lib/trips/managed-trip.ts). */
const MANAGERS: readonly Audience[] = ['tripDriver', 'groupCoordinator', 'admin']
/** May see a group's board: its coordinators and admins (lib/dispatch/group-access.ts). */
const BOARD: readonly Audience[] = ['groupCoordinator', 'admin']
/** Have the COORDINATOR or ADMIN role (requireRole on the coordinator endpoints). */
const COORDINATOR_ROLE: readonly Audience[] = ['groupCoordinator', 'otherCoordinator', 'admin']
const DRIVER_ROLE: readonly Audience[] = ['tripDriver', 'otherDriver']

/** The denial map: `others` for every signed-in audience not allowed (with `overrides`), and the
 * anonymous answer (401 on the API, UNAUTHENTICATED from actions, sign-in for pages). */
function deny<O>(allow: readonly Audience[], anonymous: O | null, others: O, overrides: Partial<Record<Audience, O>> = {}): Partial<Record<Audience, O>> {
  const out: Partial<Record<Audience, O>> = {}
  for (const a of AUDIENCES) {
    if (allow.includes(a)) continue
    out[a] = a in overrides ? overrides[a]! : a === 'anonymous' ? (anonymous as O) : others
  }
  return out
}

type RouteSpec = Omit<RouteEntry, 'kind' | 'method' | 'path' | 'deny'> & { others?: number; overrides?: Partial<Record<Audience, number>>; anonymous?: number }
function route(method: HttpMethod, path: string, spec: RouteSpec): RouteEntry {
  const { others = 404, overrides, anonymous = 401, ...rest } = spec
  return { kind: 'route', method, path, ...rest, deny: deny(spec.allow, anonymous, others, overrides) }
}

type ActionSpec = Omit<ActionEntry, 'kind' | 'file' | 'name' | 'deny' | 'ok'> & { ok?: ActionOutcome; others?: ActionOutcome; overrides?: Partial<Record<Audience, ActionOutcome>> }
function action(file: string, name: string, spec: ActionSpec): ActionEntry {
  const { others = 'NOT_FOUND', overrides, ok = 'ok', ...rest } = spec
  return { kind: 'action', file: `app/[locale]/${file}`, name, ok, ...rest, deny: deny(spec.allow, 'UNAUTHENTICATED', others, overrides) }
}

type PageSpec = Omit<PageEntry, 'kind' | 'path' | 'deny' | 'ok'> & { ok?: PageOutcome; others?: PageOutcome; overrides?: Partial<Record<Audience, PageOutcome>> }
function page(path: string, spec: PageSpec): PageEntry {
  const { others = 404, overrides, ok = 200, ...rest } = spec
  return { kind: 'page', path, ok, ...rest, deny: deny(spec.allow, 'sign-in', others, overrides) }
}

const EVERYONE = AUDIENCES

export const accessTable: readonly AccessEntry[] = [
  // ── Public ────────────────────────────────────────────────────────────────────────────────────
  route('GET', '/api/health', { allow: EVERYONE, ok: 200 }),
  route('GET', '/api/ping', { allow: EVERYONE, ok: 200 }),
  route('GET', '/api/openapi.json', { allow: EVERYONE, ok: 200 }),
  route('GET', '/api/reference', { allow: EVERYONE, ok: 200 }),
  route('GET', '/api/auth/[...nextauth]', { allow: EVERYONE, ok: 200, note: 'next-auth: session, CSRF token, providers' }),
  route('POST', '/api/auth/[...nextauth]', { allow: EVERYONE, ok: 200, note: 'next-auth: sign-in, sign-out, session update (CSRF token required)' }),
  route('GET', '/api/trips', { allow: EVERYONE, ok: 200, hides: RIDER_DATA, note: 'search (rate limited per address)' }),
  route('GET', '/api/trips/[tripId]', {
    allow: EVERYONE, ok: 200, hides: RIDER_DATA,
    note: "a run's public page; the viewer's own booking only to its rider; the plate only to confirmed riders and managers",
  }),
  route('GET', '/api/users/[userId]/profile', {
    allow: EVERYONE, ok: 200, hides: PROFILE_DATA,
    note: "walked on the booking rider's profile: never their email, phone, citizenship, stays, documents or travel dates, to anyone",
  }),

  // ── The signed-in user's own things (scoped to the actor: there is no one else's to ask for) ──
  route('GET', '/api/account/export', { allow: SIGNED_IN, ok: 200, note: "everything held about the caller; another rider's stays never" }),
  route('DELETE', '/api/account', { allow: SIGNED_IN, ok: 400, note: 'walked with a wrong password (VALIDATION): the check is reached, nothing is deleted' }),
  route('GET', '/api/bookings', { allow: SIGNED_IN, ok: 200 }),
  route('GET', '/api/notifications', { allow: SIGNED_IN, ok: 200 }),
  route('POST', '/api/notifications', { allow: SIGNED_IN, ok: 200 }),
  route('GET', '/api/travellers', { allow: SIGNED_IN, ok: 200 }),
  route('POST', '/api/travellers', { allow: SIGNED_IN, ok: 201 }),
  route('GET', '/api/groups', { allow: SIGNED_IN, ok: 200 }),
  route('PATCH', '/api/account/profile', { allow: SIGNED_IN, ok: 200, note: 'one’s own public profile (walked with one’s own name, so only languages and about change)' }),
  route('POST', '/api/reports', { allow: SIGNED_IN, ok: 201, note: 'anyone signed in reports a member (walked on a plain user), a run or a visible review; rate limited per account' }),
  route('GET', '/api/blocks', { allow: SIGNED_IN, ok: 200 }),
  route('PUT', '/api/blocks/[userId]', { allow: SIGNED_IN, ok: 200, note: 'walked on a plain user' }),
  route('DELETE', '/api/blocks/[userId]', { allow: SIGNED_IN, ok: 200, note: "one's own block only (idempotent)" }),

  // ── A rider's travellers, stays and documents: that rider alone (admins included in "no") ─────
  route('PATCH', '/api/travellers/[travellerId]', { allow: ['bookingOwner'], ok: 200 }),
  route('DELETE', '/api/travellers/[travellerId]', { allow: ['bookingOwner'], ok: 204 }),
  route('GET', '/api/travellers/[travellerId]/assessment', { allow: ['bookingOwner'], ok: 200, hides: RIDER_DATA }),
  route('GET', '/api/travellers/[travellerId]/what-if', { allow: ['bookingOwner'], ok: 200, hides: RIDER_DATA }),
  route('GET', '/api/travellers/[travellerId]/stays', { allow: ['bookingOwner'], ok: 200, hides: RIDER_DATA }),
  route('POST', '/api/travellers/[travellerId]/stays', { allow: ['bookingOwner'], ok: 201 }),
  route('PATCH', '/api/travellers/[travellerId]/stays/[stayId]', { allow: ['bookingOwner'], ok: 200 }),
  route('DELETE', '/api/travellers/[travellerId]/stays/[stayId]', { allow: ['bookingOwner'], ok: 204 }),
  route('GET', '/api/travellers/[travellerId]/documents', { allow: ['bookingOwner'], ok: 200, hides: RIDER_DATA }),
  route('POST', '/api/travellers/[travellerId]/documents', { allow: ['bookingOwner'], ok: 201 }),
  route('DELETE', '/api/travellers/[travellerId]/documents/[documentId]', { allow: ['bookingOwner'], ok: 204 }),

  // ── Bookings ──────────────────────────────────────────────────────────────────────────────────
  route('POST', '/api/trips/[tripId]/bookings', {
    allow: ['passenger', 'otherDriver', 'groupCoordinator', 'otherCoordinator', 'admin'], ok: 201,
    overrides: { bookingOwner: 409, tripDriver: 409 },
    note: 'anyone signed in books with their own travellers; the rider who already booked: ALREADY_BOOKED; the driver: OWN_TRIP',
  }),
  route('GET', '/api/bookings/[bookingId]', { allow: ['bookingOwner'], ok: 200, note: "the rider's own booking; driver.phone only once confirmed" }),
  route('DELETE', '/api/bookings/[bookingId]', { allow: ['bookingOwner'], ok: 200 }),
  route('GET', '/api/bookings/[bookingId]/receipt', { allow: ['bookingOwner', 'tripDriver'], ok: 200, hides: RIDER_DATA }),
  route('POST', '/api/bookings/[bookingId]/payment', {
    allow: ['bookingOwner', ...MANAGERS], ok: 200,
    note: 'the rider marks PAID, a manager CONFIRMED; anyone else: not found',
  }),
  route('POST', '/api/bookings/[bookingId]/decision', { allow: MANAGERS, ok: 200, others: 403, note: 'loadManagedTrip: FORBIDDEN for a run one may not manage' }),
  route('POST', '/api/bookings/[bookingId]/boarding', { allow: MANAGERS, ok: 200, others: 403 }),

  // ── After the run: reviews and no-shows (the two sides of a booking; anyone else: not found) ──
  route('POST', '/api/bookings/[bookingId]/review', {
    allow: ['bookingOwner', 'tripDriver'], ok: 201,
    note: 'walked on a completed run: its rider reviews the driver, its driver the rider; coordinators and admins write no reviews',
  }),
  route('POST', '/api/reviews/[reviewId]/reply', { allow: ['bookingOwner'], ok: 200, note: 'walked on a visible review of the rider: only the reviewed member answers' }),
  route('POST', '/api/bookings/[bookingId]/no-show', { allow: ['bookingOwner'], ok: 201, note: "the rider says the driver did not come (a completed run's booking)" }),
  route('POST', '/api/no-shows/[noShowId]/dispute', { allow: ['bookingOwner'], ok: 200, note: 'walked on the driver’s no-show mark of the rider: only the member said to be absent disputes' }),

  // ── Runs ──────────────────────────────────────────────────────────────────────────────────────
  route('POST', '/api/trips', { allow: DRIVER_ROLE, ok: 201, others: 403, note: 'requireRole(DRIVER): admins publish as drivers only' }),
  route('PATCH', '/api/trips/[tripId]', { allow: MANAGERS, ok: 200, others: 403 }),
  route('DELETE', '/api/trips/[tripId]', { allow: MANAGERS, ok: 200, others: 403 }),
  route('POST', '/api/trips/[tripId]/status', { allow: MANAGERS, ok: 200, others: 403 }),
  route('GET', '/api/trips/[tripId]/manifest', { allow: MANAGERS, ok: 200, others: 403, hides: RIDER_DATA }),
  route('GET', '/api/trips/[tripId]/manifest.csv', { allow: MANAGERS, ok: 200, others: 403, hides: RIDER_DATA }),

  // ── Coordinator groups ────────────────────────────────────────────────────────────────────────
  route('POST', '/api/groups', { allow: COORDINATOR_ROLE, ok: 201, others: 403 }),
  route('GET', '/api/groups/[groupId]', { allow: ['tripDriver', ...BOARD], ok: 200, hides: RIDER_DATA, note: 'members (the run’s driver is one) and admins; anyone else: not found' }),
  route('POST', '/api/groups/join', {
    allow: DRIVER_ROLE, ok: 200, others: 403,
    note: 'drivers with a car holding a code (the run’s driver is already a member: alreadyMember); others GROUP_NEEDS_DRIVER',
  }),
  route('POST', '/api/groups/[groupId]/invites', { allow: BOARD, ok: 201, others: 403, overrides: { otherCoordinator: 404 } }),
  route('DELETE', '/api/groups/[groupId]/invites/[inviteId]', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 } }),
  route('DELETE', '/api/groups/[groupId]/members/[userId]', {
    allow: ['tripDriver', ...BOARD], ok: 200,
    note: 'walked on the run’s driver: coordinators remove them, the driver leaves (own id); anyone else: not found',
  }),
  route('POST', '/api/groups/[groupId]/trips/[tripId]', { allow: ['tripDriver', 'admin'], ok: 200, others: 403, overrides: { otherDriver: 404 } }),
  route('DELETE', '/api/groups/[groupId]/trips/[tripId]', { allow: ['tripDriver', 'admin'], ok: 200, others: 403, overrides: { otherDriver: 404 } }),

  // ── Day board (a group's coordinators and admins; another group's coordinator: not found) ─────
  route('GET', '/api/dispatch/[groupId]/[date]', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('GET', '/api/dispatch/[groupId]/[date]/runs/[tripId]', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('GET', '/api/dispatch/[groupId]/[date]/summary', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('GET', '/api/dispatch/[groupId]/[date]/manifest.csv', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('GET', '/api/dispatch/[groupId]/audit', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('POST', '/api/dispatch/[groupId]/[date]/moves', { allow: BOARD, ok: 200, others: 403, overrides: { otherCoordinator: 404 }, hides: RIDER_DATA }),
  route('POST', '/api/dispatch/[groupId]/[date]/runs', { allow: BOARD, ok: 201, others: 403, overrides: { otherCoordinator: 404 } }),
  route('POST', '/api/dispatch/bookings/[bookingId]/promote', { allow: BOARD, ok: 200, others: 403, hides: RIDER_DATA, note: 'loadManagedTrip: FORBIDDEN for another group' }),
  route('POST', '/api/dispatch/runs/[tripId]/cancel-and-move', { allow: BOARD, ok: 200, others: 403, hides: RIDER_DATA }),

  // ── Server actions ────────────────────────────────────────────────────────────────────────────
  action('(public)/register/actions.ts', 'registerAction', { allow: EVERYONE, note: 'public: anyone may register a new account' }),
  action('(public)/forgot-password/actions.ts', 'requestPasswordResetAction', { allow: EVERYONE, note: 'public: the same answer for any address' }),
  action('(public)/reset-password/actions.ts', 'resetPasswordAction', {
    allow: EVERYONE, ok: 'LINK_INVALID', note: 'public: the emailed token decides whose password; walked with a token that is not live (nothing changes)',
  }),
  action('(public)/verify-email/actions.ts', 'verifyEmailAction', { allow: EVERYONE, ok: 'LINK_INVALID', note: 'public: the emailed token decides which address; walked with a token that is not live' }),
  action('(public)/trips/[tripId]/actions.ts', 'bookSeatsAction', {
    allow: ['passenger', 'otherDriver', 'groupCoordinator', 'otherCoordinator', 'admin'],
    overrides: { bookingOwner: 'ALREADY_BOOKED', tripDriver: 'OWN_TRIP' },
  }),
  action('(app)/account/actions.ts', 'addCarAction', { allow: SIGNED_IN }),
  action('(app)/account/actions.ts', 'deleteAccountAction', { allow: SIGNED_IN, ok: 'VALIDATION', note: 'walked with a wrong password' }),
  action('(app)/account/actions.ts', 'updateNotificationSettingsAction', { allow: SIGNED_IN }),
  action('(app)/account/actions.ts', 'requestEmailVerificationAction', { allow: SIGNED_IN }),
  action('(app)/account/actions.ts', 'connectTelegramAction', { allow: SIGNED_IN, note: 'a one-time deep link for the caller (the e2e server runs the bot against a fake Bot API)' }),
  action('(app)/account/actions.ts', 'disconnectTelegramAction', { allow: SIGNED_IN }),
  action('(app)/admin/outbox/actions.ts', 'retryDeliveryAction', { allow: ['admin'], others: 'FORBIDDEN' }),
  action('(app)/account/actions.ts', 'updateProfileAction', { allow: SIGNED_IN }),
  action('(public)/users/[userId]/actions.ts', 'reportAction', { allow: SIGNED_IN }),
  action('(public)/users/[userId]/actions.ts', 'blockUserAction', { allow: SIGNED_IN }),
  action('(public)/users/[userId]/actions.ts', 'unblockUserAction', { allow: SIGNED_IN }),
  action('(public)/users/[userId]/actions.ts', 'replyToReviewAction', { allow: ['bookingOwner'] }),
  action('(app)/bookings/trust-actions.ts', 'submitReviewAction', { allow: ['bookingOwner', 'tripDriver'] }),
  action('(app)/bookings/trust-actions.ts', 'reportDriverNoShowAction', { allow: ['bookingOwner'] }),
  action('(app)/bookings/trust-actions.ts', 'disputeNoShowAction', { allow: ['bookingOwner'] }),
  action('(app)/admin/moderation/actions.ts', 'resolveReportAction', { allow: ['admin'], others: 'FORBIDDEN', note: 'walked hiding a reported review' }),
  action('(app)/admin/moderation/actions.ts', 'decideNoShowAction', { allow: ['admin'], others: 'FORBIDDEN' }),
  action('(app)/admin/moderation/actions.ts', 'reinstateUserAction', { allow: ['admin'], others: 'FORBIDDEN' }),
  action('(app)/account/session-actions.ts', 'signOutEverywhereAction', {
    allow: SIGNED_IN, ok: 'VALIDATION',
    note: "walked without the form's confirmation: the check is reached, nobody's sessions end (e2e/sessions.spec.ts ends them for real)",
  }),
  action('(app)/admin/users/actions.ts', 'setUserRoleAction', { allow: ['admin'], others: 'FORBIDDEN' }),
  action('(app)/bookings/actions.ts', 'cancelMyBookingAction', { allow: ['bookingOwner'] }),
  action('(app)/bookings/actions.ts', 'acceptBookingChangeAction', { allow: ['bookingOwner'], note: 'the world’s confirmed booking carries a change waiting for the rider' }),
  action('(app)/bookings/actions.ts', 'markPaymentAction', { allow: ['bookingOwner', ...MANAGERS] }),
  action('(app)/notifications/actions.ts', 'markNotificationsReadAction', { allow: SIGNED_IN }),
  action('(app)/stay/actions.ts', 'ensureSelfTravellerAction', { allow: SIGNED_IN }),
  action('(app)/stay/actions.ts', 'createTravellerAction', { allow: SIGNED_IN }),
  action('(app)/stay/actions.ts', 'updateTravellerAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'deleteTravellerAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'addStayAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'updateStayAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'deleteStayAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'markRegisteredAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'addDocumentAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'deleteDocumentAction', { allow: ['bookingOwner'] }),
  action('(app)/stay/actions.ts', 'whatIfAction', { allow: ['bookingOwner'], hides: RIDER_DATA }),
  action('(app)/my-trips/new/actions.ts', 'publishTripAction', { allow: DRIVER_ROLE, ok: 'redirect', others: 'FORBIDDEN' }),
  action('(app)/my-trips/[tripId]/actions.ts', 'decideRequestAction', { allow: MANAGERS, others: 'FORBIDDEN' }),
  action('(app)/my-trips/[tripId]/actions.ts', 'markBoardingAction', { allow: MANAGERS, others: 'FORBIDDEN' }),
  action('(app)/my-trips/[tripId]/actions.ts', 'markPaymentAction', {
    allow: MANAGERS, overrides: { bookingOwner: 'FORBIDDEN' },
    note: "the manage page's 'payment received' (CONFIRMED): the rider may not confirm their own payment",
  }),
  action('(app)/my-trips/[tripId]/actions.ts', 'setTripStatusAction', { allow: MANAGERS, others: 'FORBIDDEN' }),
  action('(app)/my-trips/[tripId]/actions.ts', 'assignTripToGroupAction', { allow: ['tripDriver', 'admin'], note: "a run's driver puts it into one of their groups; anyone else: not found" }),
  action('(app)/my-trips/[tripId]/edit/actions.ts', 'editTripAction', { allow: MANAGERS, others: 'FORBIDDEN' }),
  action('(app)/dispatch/actions.ts', 'createGroupAction', { allow: COORDINATOR_ROLE, ok: 'redirect', others: 'FORBIDDEN' }),
  action('(app)/dispatch/actions.ts', 'createInviteAction', { allow: BOARD, others: 'FORBIDDEN', overrides: { otherCoordinator: 'NOT_FOUND' } }),
  action('(app)/dispatch/actions.ts', 'revokeInviteAction', { allow: BOARD, others: 'FORBIDDEN', overrides: { otherCoordinator: 'NOT_FOUND' } }),
  action('(app)/dispatch/actions.ts', 'removeMemberAction', { allow: BOARD, others: 'FORBIDDEN', overrides: { otherCoordinator: 'NOT_FOUND' } }),
  action('(app)/dispatch/actions.ts', 'leaveGroupAction', {
    allow: ['tripDriver'], ok: 'redirect', overrides: { groupCoordinator: 'LAST_COORDINATOR' },
    note: 'members leave; the last coordinator may not; anyone else is not a member',
  }),
  action('(app)/dispatch/actions.ts', 'joinGroupAction', { allow: DRIVER_ROLE, ok: 'redirect', others: 'GROUP_NEEDS_DRIVER' }),

  // ── Pages (signed-out visitors of protected pages go to sign-in) ──────────────────────────────
  page('/', { allow: EVERYONE }),
  page('/sign-in', { allow: EVERYONE }),
  page('/register', { allow: EVERYONE }),
  page('/forgot-password', { allow: EVERYONE }),
  page('/reset-password', { allow: EVERYONE, note: 'the form only for a live token; the action decides' }),
  page('/verify-email', { allow: EVERYONE, note: 'a button; the action decides' }),
  page('/offline', { allow: EVERYONE, note: 'what the service worker shows offline for a page it has no copy of' }),
  page('/trips', { allow: EVERYONE, hides: RIDER_DATA_ON_PAGES }),
  page('/trips/[tripId]', { allow: EVERYONE, hides: RIDER_DATA_ON_PAGES }),
  page('/account', { allow: SIGNED_IN }),
  page('/admin/users', { allow: ['admin'], others: 403 }),
  page('/admin/outbox', { allow: ['admin'], others: 403 }),
  page('/admin/moderation', { allow: ['admin'], others: 403, hides: RIDER_DATA_ON_PAGES }),
  page('/users/[userId]', { allow: EVERYONE, hides: PROFILE_DATA_ON_PAGES, note: "walked on the booking rider's profile" }),
  page('/bookings', { allow: SIGNED_IN }),
  page('/bookings/[bookingId]/receipt', { allow: ['bookingOwner', 'tripDriver'], hides: RIDER_DATA_ON_PAGES }),
  page('/notifications', { allow: SIGNED_IN }),
  page('/stay', { allow: SIGNED_IN }),
  page('/my-trips', { allow: SIGNED_IN, hides: RIDER_DATA_ON_PAGES }),
  page('/my-trips/new', { allow: SIGNED_IN }),
  page('/my-trips/[tripId]', {
    allow: ['tripDriver', 'admin'], others: 403, overrides: { otherDriver: 404 }, hides: RIDER_DATA_ON_PAGES,
    note: 'requirePageRole(DRIVER, ADMIN), then the run must be theirs to manage',
  }),
  page('/my-trips/[tripId]/edit', { allow: ['tripDriver', 'admin'], others: 403, overrides: { otherDriver: 404 } }),
  page('/dispatch', { allow: SIGNED_IN }),
  page('/dispatch/join', { allow: SIGNED_IN }),
  page('/dispatch/groups/[groupId]', { allow: ['tripDriver', ...BOARD], hides: RIDER_DATA_ON_PAGES }),
  page('/dispatch/manifest/[tripId]', { allow: MANAGERS, hides: RIDER_DATA_ON_PAGES }),
  page('/dispatch/[groupId]', { allow: SIGNED_IN, ok: 307, note: "redirects to today's board, which checks" }),
  page('/dispatch/[groupId]/[date]', { allow: BOARD, hides: RIDER_DATA_ON_PAGES }),
  page('/dispatch/[groupId]/[date]/manifest', { allow: BOARD, hides: RIDER_DATA_ON_PAGES }),
  page('/dispatch/[groupId]/[date]/summary', { allow: BOARD, hides: RIDER_DATA_ON_PAGES }),
  page('/dispatch/[groupId]/audit', { allow: BOARD, hides: RIDER_DATA_ON_PAGES }),
]

/** A stable key for an entry: `GET /api/trips`, `action app/…/actions.ts#bookSeatsAction`, `page /stay`. */
export function entryKey(entry: AccessEntry): string {
  if (entry.kind === 'route') return `${entry.method} ${entry.path}`
  if (entry.kind === 'action') return `action ${entry.file}#${entry.name}`
  return `page ${entry.path}`
}

/** The expected answer for one audience. */
export function expectedOutcome<E extends AccessEntry>(entry: E, audience: Audience): E['ok'] {
  if (entry.allow.includes(audience)) return (entry.okFor?.[audience] ?? entry.ok) as E['ok']
  const denied = entry.deny[audience]
  if (denied === undefined) throw new Error(`${entryKey(entry)} says nothing about ${audience}`)
  return denied as E['ok']
}
