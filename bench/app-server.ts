// The app as the bench runs it: a child process in production mode (the same startPoputka as
// `npm start`) on the bench's database, built beforehand by the parent. Prints "ready <url>".
import { startPoputka } from '@/scripts/lib/poputka'

async function main() {
  const port = Number(process.env.PORT)
  const app = await startPoputka({ dev: false, port, hostname: '127.0.0.1', demo: false, log: () => undefined })
  const stop = async () => {
    await app.stop()
    process.exit(0)
  }
  process.once('SIGTERM', () => void stop())
  process.once('SIGINT', () => void stop())
  console.log(`ready ${app.url.replace('localhost', '127.0.0.1')}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
