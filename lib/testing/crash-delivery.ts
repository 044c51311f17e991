// Child process of lib/notifications/delivery/delivery-crash.test.ts: a delivery worker (the real
// deliverDue against the test's SMTP server and fake Bot API), one delivery at a time, with the
// fault-injection pause of deliver-due.ts switched on when POPUTKA_FAULT_DELIVERY_PAUSE_MS is set,
// so the test can SIGKILL it exactly there. Without the fault it runs until the outbox is empty,
// then exits 0. Run as `node --import tsx` (one process).
import { db } from '@/lib/db'
import { deliverDue } from '@/lib/notifications/delivery/deliver-due'
import { createEmailSender, createTelegramApi, createTelegramSender } from '@/lib/notifications/delivery/senders'

async function main() {
  const email = createEmailSender({ smtpUrl: process.env.SMTP_URL!, from: process.env.MAIL_FROM! })
  const senders = { email, telegram: createTelegramSender(createTelegramApi({ token: process.env.TELEGRAM_BOT_TOKEN!, apiUrl: process.env.TELEGRAM_API_URL! })) }
  const leaseMs = Number(process.env.POPUTKA_DELIVERY_LEASE_MS ?? 120_000)
  for (;;) {
    await deliverDue(senders, { concurrency: 1, leaseMs })
    const left = await db.notificationDelivery.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })
    if (left === 0) break
    await new Promise((r) => setTimeout(r, 100)) // a lease of a killed worker still running
  }
  email.close()
  process.stdout.write(`${JSON.stringify({ done: true })}\n`)
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + '\n')
  process.exit(1)
})
