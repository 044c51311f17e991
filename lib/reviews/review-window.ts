// Double-blind reviews (docs/decisions/009-trust-and-moderation.md): after a run is completed each
// side of a confirmed booking has 14 days to review the other. A review stays hidden until the
// other side has reviewed too, or until those 14 days are over — then both show at once, and no
// review can be written any more (so nobody writes theirs after reading the other's).
export const REVIEW_WINDOW_DAYS = 14

export function reviewDeadline(completedAt: Date): Date {
  return new Date(completedAt.getTime() + REVIEW_WINDOW_DAYS * 86_400_000)
}
