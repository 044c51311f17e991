// "Did not come", both ways (docs/decisions/009-trust-and-moderation.md):
// - the driver's NO_SHOW mark on a rider's traveller (board or manifest) is the rider's no-show;
// - a rider may say the driver did not come, from departure time until 7 days after, on a run
//   that was not cancelled;
// - the member said to be absent may dispute it within 7 days; an admin then upholds or strikes it.
// A no-show counts on the record while it stands or once upheld; a disputed one waits for the admin.
export const NO_SHOW_CLAIM_DAYS = 7
export const NO_SHOW_DISPUTE_DAYS = 7

export function disputeDeadline(createdAt: Date): Date {
  return new Date(createdAt.getTime() + NO_SHOW_DISPUTE_DAYS * 86_400_000)
}

export function driverNoShowClaimDeadline(departureAt: Date): Date {
  return new Date(departureAt.getTime() + NO_SHOW_CLAIM_DAYS * 86_400_000)
}
