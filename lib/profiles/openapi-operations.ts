// Profiles, reviews, no-shows, reports and blocks in GET /api/openapi.json (registered by
// lib/api/openapi.ts).
import type { Operation } from '@/lib/api/openapi'
import { createReportSchema } from '@/lib/moderation/create-report'
import { disputeNoShowSchema } from '@/lib/no-shows/dispute-no-show'
import { updateProfileSchema } from '@/lib/profiles/update-profile'
import { replyToReviewSchema } from '@/lib/reviews/reply-to-review'
import { submitReviewSchema } from '@/lib/reviews/submit-review'

export const trustOperations: Operation[] = [
  { method: 'get', path: '/api/users/{userId}/profile', summary: "A member's public profile: record, rating, latest reviews, cars, languages (never contacts, citizenship or dates)", auth: 'none' },
  { method: 'patch', path: '/api/account/profile', summary: 'Edit one’s public profile: name, languages, about', auth: 'user', body: updateProfileSchema },
  { method: 'post', path: '/api/bookings/{bookingId}/review', summary: 'Review the other side of a completed run (double-blind: hidden until both reviewed or 14 days passed)', auth: 'user', body: submitReviewSchema },
  { method: 'post', path: '/api/reviews/{reviewId}/reply', summary: 'Answer a visible review of you, once', auth: 'user', body: replyToReviewSchema },
  { method: 'post', path: '/api/bookings/{bookingId}/no-show', summary: 'The rider says the driver did not come (from departure until 7 days after)', auth: 'user' },
  { method: 'post', path: '/api/no-shows/{noShowId}/dispute', summary: 'Dispute a no-show said of you, within 7 days (an admin decides)', auth: 'user', body: disputeNoShowSchema },
  { method: 'post', path: '/api/reports', summary: 'Report a member, a run or a review to the admins', auth: 'user', body: createReportSchema },
  { method: 'get', path: '/api/blocks', summary: 'The members you have blocked', auth: 'user' },
  { method: 'put', path: '/api/blocks/{userId}', summary: 'Block a member: no bookings between you, their runs leave your search', auth: 'user' },
  { method: 'delete', path: '/api/blocks/{userId}', summary: 'Lift a block', auth: 'user' },
]
