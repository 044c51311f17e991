// What a session token (next-auth's JWT) carries for us: the user's id, the user's session version
// when it was made, and the session's own id. Tokens from before versions existed carry only `uid`.
import { z } from 'zod'

export const sessionClaimsSchema = z.object({
  uid: z.uuid(),
  sv: z.number().int().min(0).optional(),
  sid: z.uuid().optional(),
  /** Expiry (seconds since the epoch), as next-auth sets it. */
  exp: z.number().optional(),
})

export type SessionClaims = z.infer<typeof sessionClaimsSchema>
