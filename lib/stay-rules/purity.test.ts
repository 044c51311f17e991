// Guards the engine's contract: pure (no clock, no randomness, no I/O) and self-contained.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'

const directory = path.dirname(new URL(import.meta.url).pathname)
const sources = readdirSync(directory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))

describe('lib/stay-rules sources', () => {
  test('are found', () => {
    expect(sources).toEqual(expect.arrayContaining(['assess-stay.ts', 'check-run.ts', 'index.ts', 'naive-reference.ts', 'regimes.ts']))
  })

  test.each(sources)('%s reads no clock, no randomness and imports only its siblings', (name) => {
    const code = readFileSync(path.join(directory, name), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')
    expect(code).not.toMatch(/Date\.now\s*\(|new Date\s*\(|performance\.now|Math\.random|process\.|require\s*\(/)
    const imports = [...code.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1])
    for (const specifier of imports) expect(specifier).toMatch(/^\.\/[a-z-]+$/)
  })
})
