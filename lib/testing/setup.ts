// Runs in every test worker before the test files: point lib/env at the throwaway database.
import { inject } from 'vitest'

Object.assign(process.env, {
  DATABASE_URL: inject('databaseUrl'),
  NEXTAUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
  LOG_LEVEL: 'silent',
  DATABASE_POOL_SIZE: '20',
})
