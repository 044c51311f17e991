import type { DefaultSession } from 'next-auth'

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user']
    /** The user's session version when this session was made (lib/auth/session-user.ts). */
    sv?: number
    /** This session's own id (ended by signing out). */
    sid?: string
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string
    sv?: number
    sid?: string
  }
}
