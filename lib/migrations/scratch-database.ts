// Test helper: a throwaway database on the test cluster, so migration tests never touch
// poputka_test, which other test files use at the same time.
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export type ScratchDatabase = { name: string; url: string; drop: () => Promise<void> }

/** Creates an empty database next to the one `adminUrl` points at (as superuser). */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  }
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
