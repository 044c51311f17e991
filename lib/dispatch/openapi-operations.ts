// The dispatch and group endpoints in the OpenAPI document (GET /api/openapi.json), described by
// the zod schemas the handlers validate with.
import type { Operation } from '@/lib/api/openapi'
import { cancelRunAndMoveSchema } from '@/lib/dispatch/cancel-run-and-move'
import { createGroupSchema } from '@/lib/dispatch/create-group'
import { createInviteSchema } from '@/lib/dispatch/create-invite'
import { boardQuerySchema } from '@/lib/dispatch/get-day-board'
import { joinGroupSchema } from '@/lib/dispatch/join-group'
import { listAuditSchema } from '@/lib/dispatch/list-audit'
import { movePartySchema } from '@/lib/dispatch/move-party'
import { openRunBodySchema } from '@/lib/dispatch/open-run'

export const dispatchOperations: Operation[] = [
  {
    method: 'get', path: '/api/dispatch/{groupId}/{date}', summary: "A group's day board: runs by direction and time, capacity, parties with verdicts and payment, unassigned demand", auth: 'coordinator',
    headers: [{ name: 'If-None-Match', description: 'The ETag of the board last seen: 304 Not Modified while nothing changed' }],
    query: boardQuerySchema,
  },
  { method: 'get', path: '/api/dispatch/{groupId}/{date}/runs/{tripId}', summary: 'One run of the day board with all its parties (the board sends a busy day without them with ?parties=auto)', auth: 'coordinator' },
  { method: 'post', path: '/api/dispatch/{groupId}/{date}/moves', summary: 'Move a party to another run of the board (same direction); TARGET_FULL when it filled meanwhile', auth: 'coordinator', body: movePartySchema },
  { method: 'post', path: '/api/dispatch/{groupId}/{date}/runs', summary: "Open a run for one of the group's drivers and cars on the board's date", auth: 'coordinator', body: openRunBodySchema },
  { method: 'get', path: '/api/dispatch/{groupId}/{date}/summary', summary: 'The day in figures: seats offered and sold, fill rate, no-shows, money by payment state per run', auth: 'coordinator' },
  { method: 'get', path: '/api/dispatch/{groupId}/{date}/manifest.csv', summary: "All the day's manifests as CSV (UTF-8 with BOM; Russian or English headers)", auth: 'coordinator' },
  { method: 'get', path: '/api/dispatch/{groupId}/audit', summary: "The group's audit log (optionally one date)", auth: 'coordinator', query: listAuditSchema },
  { method: 'post', path: '/api/dispatch/runs/{tripId}/cancel-and-move', summary: 'Cancel a run and move its parties to other runs, in one transaction (all or nothing)', auth: 'coordinator', body: cancelRunAndMoveSchema.omit({ tripId: true }) },
  { method: 'post', path: '/api/dispatch/bookings/{bookingId}/promote', summary: 'Promote a waitlisted party to its run when it fits (legal check again)', auth: 'coordinator' },
  { method: 'get', path: '/api/trips/{tripId}/manifest.csv', summary: "A run's manifest as CSV (its driver or its group's coordinators)", auth: 'driver' },
  { method: 'get', path: '/api/groups', summary: 'The groups I belong to, with my role', auth: 'user' },
  { method: 'post', path: '/api/groups', summary: 'Create a group (you become its coordinator)', auth: 'coordinator', body: createGroupSchema },
  { method: 'get', path: '/api/groups/{groupId}', summary: 'A group: roster, cars and invitations for coordinators; name and coordinators for drivers', auth: 'user' },
  { method: 'post', path: '/api/groups/join', summary: 'Join a group with an invitation code (drivers with a car)', auth: 'driver', body: joinGroupSchema },
  { method: 'post', path: '/api/groups/{groupId}/invites', summary: 'Create an invitation code (expiry in hours, number of uses)', auth: 'coordinator', body: createInviteSchema },
  { method: 'delete', path: '/api/groups/{groupId}/invites/{inviteId}', summary: 'Revoke an invitation', auth: 'coordinator' },
  { method: 'delete', path: '/api/groups/{groupId}/members/{userId}', summary: 'Remove a member (coordinators), or leave the group with your own id', auth: 'user' },
  { method: 'post', path: '/api/groups/{groupId}/trips/{tripId}', summary: 'Put your own run into a group you belong to', auth: 'driver' },
  { method: 'delete', path: '/api/groups/{groupId}/trips/{tripId}', summary: 'Take your own run out of a group', auth: 'driver' },
]
