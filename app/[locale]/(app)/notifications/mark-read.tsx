'use client'
// Opening the page reads what it shows: the unread ones are marked read once, after the page has
// rendered them (a prefetch of the page marks nothing), and the header's count is refreshed.
import { useEffect, useRef, startTransition } from 'react'
import { useRouter } from '@/lib/i18n/navigation'
import { markNotificationsReadAction } from './actions'

export function MarkRead({ ids }: { ids: string[] }) {
  const router = useRouter()
  const done = useRef<string>('')
  const key = ids.join(',')
  useEffect(() => {
    if (!key || done.current === key) return
    done.current = key
    const form = new FormData()
    for (const id of key.split(',')) form.append('ids[]', id)
    startTransition(async () => {
      const result = await markNotificationsReadAction(null, form)
      if (result.ok) router.refresh()
    })
  }, [key, router])
  return null
}
