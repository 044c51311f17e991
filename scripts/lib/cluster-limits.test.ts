// The search limit holds across worker processes: real child processes ask the shared limiter over
// their IPC channel, and the primary's answerer (the code `npm start`'s primary runs) counts for all.
import { fork } from 'node:child_process'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import type { LimitRequest } from '@/lib/primary-channel'
import { createLimitAnswerer } from './cluster'

function runWorkers(count: number, hits: number, limit: number, env: Record<string, string>): Promise<boolean[][]> {
  const answer = createLimitAnswerer()
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<boolean[]>((resolve, reject) => {
          const child = fork(path.join(__dirname, 'testing', 'limit-worker.ts'), [], {
            execArgv: ['--import', 'tsx'],
            env: { ...process.env, ...env, HITS: String(hits), LIMIT: String(limit) },
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          })
          let done: boolean[] | undefined
          child.on('message', (message: unknown) => {
            const m = message as Partial<LimitRequest> & { done?: boolean[] }
            if (m.poputka === 'limit') child.send(answer(m as LimitRequest))
            if (m.done) done = m.done
          })
          child.once('exit', (code) => (done ? resolve(done) : reject(new Error(`worker exited with ${code} and no answer`))))
        }),
    ),
  )
}

describe('the shared search limit', () => {
  test('three workers hitting one address 20 times each get 25 allowed in all, not 25 each', async () => {
    const results = await runWorkers(3, 20, 25, { POPUTKA_CLUSTER_WORKER: '1' })
    const allowed = results.flat().filter(Boolean).length
    expect(results.map((r) => r.length)).toEqual([20, 20, 20])
    expect(allowed).toBe(25)
  })

  test('without a primary (one process), each process counts for itself', async () => {
    const results = await runWorkers(2, 20, 15, { POPUTKA_CLUSTER_WORKER: '0' })
    expect(results.map((r) => r.filter(Boolean).length)).toEqual([15, 15])
  })
})
