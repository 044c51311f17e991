// The load test's outside world in a process of its own: a local SMTP server and a fake Telegram
// Bot API, so that the load generator's busy event loop does not slow their answers (and with them
// the app's deliveries). Prints one JSON line with their addresses; state and reset through the
// fake's /__fake/ control endpoints. Ends when the load test's IPC channel closes.
import { startFakeTelegram } from '@/lib/testing/fake-telegram'
import { startSmtpSink } from '@/lib/testing/smtp-sink'

async function main() {
  const smtp = await startSmtpSink()
  const telegram = await startFakeTelegram({
    extraControl: (name) => {
      if (name === 'mail') return smtp.mails.map((m) => ({ messageId: m.messageId, at: m.at }))
      if (name === 'reset') {
        smtp.mails.length = 0
        return true
      }
      return undefined
    },
  })
  const stop = async () => {
    await Promise.allSettled([smtp.close(), telegram.close()])
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop())
  process.once('disconnect', () => void stop())
  process.stdout.write(`${JSON.stringify({ smtpUrl: smtp.url, telegramUrl: telegram.url, telegramToken: telegram.token })}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
