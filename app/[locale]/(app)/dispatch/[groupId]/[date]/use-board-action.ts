'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { boardKey, sendJson, type SendResult } from './board-queries'

export type ActionMessage = { tone: 'ok' | 'block'; text: string } | null

/** Runs one board action and reloads the board afterwards — also after a refusal, since a refusal
 * usually means someone else changed the day meanwhile. */
export function useBoardAction(groupId: string, date: string) {
  const t = useTranslations('board')
  const locale = useLocale()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState(false)
  const [message, setMessage] = useState<ActionMessage>(null)

  async function run<T = unknown>(url: string, body?: unknown, options: { method?: 'POST' | 'DELETE'; success?: string; quietCodes?: string[] } = {}): Promise<SendResult<T>> {
    setPending(true)
    setMessage(null)
    const result = await sendJson<T>(url, locale, body, options.method ?? 'POST')
    setPending(false)
    // A refusal the caller shows its own way (a move that needs confirming) is not an error here.
    if (!result.ok && options.quietCodes?.includes(result.code)) return result
    if (!result.ok) setMessage({ tone: 'block', text: result.code === 'NETWORK' ? t('networkError') : result.message })
    else if (options.success) setMessage({ tone: 'ok', text: options.success })
    await queryClient.invalidateQueries({ queryKey: boardKey(groupId, date) })
    return result
  }

  return { run, pending, message, setMessage }
}
