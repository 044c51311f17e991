// GET|POST /api/auth/* – next-auth (credentials sign-in, session, CSRF token, sign-out)
import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'
import { getAuthOptions } from '@/lib/auth/options'

type Context = { params: Promise<{ nextauth: string[] }> }

function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>
}

export { handler as GET, handler as POST }
