// Migrate, seed reference data, and seed demo data into an empty database.
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { isDemoDataNeeded, seedDemoData, seedReferenceData } from '@/prisma/seed'

export async function prepareDatabase(url: string, options: { demo: boolean; log?: (m: string) => void }) {
  const log = options.log ?? console.log
  const result = await runMigrations(url, { log })
  for (const warning of result.warnings) log(`warning: ${warning}`)
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) })
  try {
    await seedReferenceData(db)
    if (options.demo && (await isDemoDataNeeded(db))) {
      const { trips } = await seedDemoData(db)
      log(`Seeded demo data: 6 accounts and ${trips} runs for the coming week.`)
    }
  } finally {
    await db.$disconnect()
  }
  return result
}
