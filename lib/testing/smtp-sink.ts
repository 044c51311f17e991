// A local SMTP server for tests (the `smtp-server` package: a real SMTP implementation on
// 127.0.0.1, any free port): the app sends to it through SMTP_URL exactly as it would to a real
// relay, and tests read what arrived, parsed with `mailparser`.
//
// A message counts as received when the server has accepted its DATA (the "250 OK" after the final
// "."): a sender that dies before that point has sent nothing, as with a real relay. `rejectNext`
// answers the next DATA with an SMTP error (4xx temporary, 5xx permanent); `holdData` keeps the
// server from answering DATA (to kill a sender mid-transfer).
import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  from: string
  to: string[]
  subject: string
  text: string
  messageId: string
  headers: Record<string, string>
  at: number
}

export type SmtpSink = {
  url: string
  port: number
  mails: ReceivedMail[]
  /** Mails to one address. */
  to: (address: string) => ReceivedMail[]
  rejectNext: (responseCode: number, message: string, times?: number) => void
  holdData: (on: boolean) => void
  waitFor: (predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>
  close: () => Promise<void>
}

export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = []
  const rejections: { responseCode: number; message: string }[] = []
  const held = new Set<() => void>()
  let hold = false

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // No reverse DNS of 127.0.0.1 per connection (there is no DNS offline; it only adds waiting).
    disableReverseLookup: true,
    onData(stream, session, callback) {
      void (async () => {
        try {
          const chunks: Buffer[] = []
          for await (const chunk of stream) chunks.push(chunk as Buffer)
          if (hold) await new Promise<void>((resolve) => held.add(resolve))
          const rejection = rejections.shift()
          if (rejection) {
            const error = Object.assign(new Error(rejection.message), { responseCode: rejection.responseCode })
            return callback(error)
          }
          const parsed = await simpleParser(Buffer.concat(chunks))
          const headers: Record<string, string> = {}
          for (const [k, v] of parsed.headers) headers[k] = typeof v === 'string' ? v : JSON.stringify(v)
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            headers,
            at: Date.now(),
          })
          callback()
        } catch (error) {
          callback(error as Error)
        }
      })()
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address.toLowerCase())),
    rejectNext: (responseCode, message, times = 1) => {
      for (let i = 0; i < times; i++) rejections.push({ responseCode, message })
    },
    holdData: (on) => {
      hold = on
      if (!on) {
        for (const release of [...held]) {
          held.delete(release)
          release()
        }
      }
    },
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = mails.find(predicate)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no such mail within ${timeoutMs} ms; received: ${mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    close: async () => {
      hold = false
      for (const release of [...held]) release()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
