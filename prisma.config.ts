// Prisma CLI configuration. Only `prisma generate` runs on our machines (the migrate engine cannot
// be downloaded here); migrations are applied by lib/migrations/run-migrations.ts, which records
// them in `_prisma_migrations` exactly as `prisma migrate deploy` would.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/poputka' },
})
