// A stand-in worker for scripts/lib/cluster-limits.test.ts: asks the shared search limiter
// HITS times for one address, as fast as it can, and reports what it was told.
import { createSharedLimiter } from '@/lib/rate-limit'

async function main() {
  const hits = Number(process.env.HITS)
  const limiter = createSharedLimiter('test-search', Number(process.env.LIMIT), 60)
  const results = await Promise.all(Array.from({ length: hits }, () => limiter('203.0.113.7')))
  process.send!({ done: results.map((r) => r.allowed) }, () => process.disconnect())
}

void main()
