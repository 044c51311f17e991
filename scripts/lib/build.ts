import { spawn } from 'node:child_process'
import { isBuildCurrent, writeBuildStamp } from './build-stamp'

/** Runs `next build` unless the current sources were built already. */
export async function ensureProductionBuild(options: { force?: boolean; log?: (m: string) => void } = {}): Promise<boolean> {
  const log = options.log ?? console.log
  if (!options.force && isBuildCurrent()) return false
  log('Building the app for production (next build)… this takes about a minute the first time.')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`))))
    child.on('error', reject)
  })
  writeBuildStamp()
  return true
}
