// GET /api/openapi.json must describe every JSON endpoint that exists: this fails when a route
// handler is added without registering it (or a registered one disappears).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildOpenApiDocument } from './openapi'

const API_DIR = path.join(process.cwd(), 'app', 'api')
/** next-auth's own endpoints and this document itself are not part of our API description. */
const NOT_DESCRIBED = ['/api/auth/{nextauth}', '/api/openapi.json']

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) return routeFiles(full)
    return entry === 'route.ts' ? [full] : []
  })
}

function discovered(): string[] {
  const out: string[] = []
  for (const file of routeFiles(API_DIR)) {
    const rel = path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep)
    const apiPath = '/' + rel.map((s) => s.replace(/^\[\.\.\.(\w+)\]$/, '{$1}').replace(/^\[(\w+)\]$/, '{$1}')).join('/')
    if (NOT_DESCRIBED.includes(apiPath)) continue
    const source = readFileSync(file, 'utf8')
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) out.push(`${method.toLowerCase()} ${apiPath}`)
    }
  }
  return out.sort()
}

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument()
  const described = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort()

  test('every route handler is described', () => {
    expect(discovered().filter((op) => !described.includes(op))).toEqual([])
  })

  test('every described operation exists', () => {
    const existing = discovered()
    expect(described.filter((op) => !existing.includes(op))).toEqual([])
  })

  test('request bodies are JSON schemas generated from zod', () => {
    const publish = doc.paths['/api/trips']?.post as { requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } } }
    expect(Object.keys(publish.requestBody!.content['application/json'].schema.properties ?? {})).toEqual(expect.arrayContaining(['carId', 'checkpointId', 'seatsTotal', 'pricingMode']))
  })
})
