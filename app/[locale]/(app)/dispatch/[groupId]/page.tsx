import { notFound } from 'next/navigation'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/session'
import { todayInKz } from '@/lib/dates/kz-date'
import { redirect } from '@/lib/i18n/navigation'
import type { Locale } from '@/lib/i18n/routing'

// /dispatch/<group> opens today's board (which checks the group; this page checks who is asking).
export default async function GroupBoardToday({ params }: { params: Promise<{ locale: Locale; groupId: string }> }) {
  const { locale, groupId } = await params
  await requirePageUser(locale, `/dispatch/${groupId}`)
  if (!z.uuid().safeParse(groupId).success) notFound()
  redirect({ href: `/dispatch/${groupId}/${todayInKz()}`, locale })
}
