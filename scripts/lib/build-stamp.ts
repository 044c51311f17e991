// "Build if there is no current build": a hash of everything a production build depends on,
// stored beside the build. A different hash (or none) means build again.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'prisma/schema.prisma', 'proxy.ts', 'next.config.js', 'tsconfig.json', 'package-lock.json']
const SKIP = new Set(['node_modules', '.next', 'generated'])
const STAMP = path.join('.next', 'poputka-build-stamp')

function walk(target: string, out: string[]) {
  if (!existsSync(target)) return
  const stat = statSync(target)
  if (stat.isFile()) {
    if (!/\.test\.tsx?$/.test(target)) out.push(target)
    return
  }
  for (const entry of readdirSync(target).sort()) if (!SKIP.has(entry)) walk(path.join(target, entry), out)
}

export function computeBuildHash(root: string = process.cwd()): string {
  const files: string[] = []
  for (const input of INPUTS) walk(path.join(root, input), files)
  const hash = createHash('sha256')
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex')
}

export function isBuildCurrent(root: string = process.cwd()): boolean {
  const stamp = path.join(root, STAMP)
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === computeBuildHash(root)
}

export function writeBuildStamp(root: string = process.cwd()): void {
  writeFileSync(path.join(root, STAMP), computeBuildHash(root) + '\n')
}
