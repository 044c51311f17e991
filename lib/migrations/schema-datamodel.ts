// The Prisma schema's full model metadata (DMMF), read offline by Prisma's own schema parser:
// @prisma/prisma-schema-wasm ships the very wasm file bundled in our prisma CLI, so this is what
// `prisma generate` sees. The generated client's runtimeDataModel lacks nullability, defaults and
// indexes, which the drift check needs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { get_dmmf } from '@prisma/prisma-schema-wasm'

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault'

export type DmmfDefault =
  | { name: string; args: unknown[] }
  | string
  | number
  | boolean
  | (string | number | boolean)[]

export type DmmfField = {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'object' | 'enum' | 'unsupported'
  type: string
  isList: boolean
  isRequired: boolean
  isId: boolean
  isUnique: boolean
  hasDefaultValue: boolean
  isUpdatedAt: boolean
  default?: DmmfDefault
  /** e.g. ['Timestamptz', ['3']] for @db.Timestamptz(3) */
  nativeType?: [string, string[]] | null
  relationName?: string
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: ReferentialAction
  relationOnUpdate?: ReferentialAction
}

export type DmmfModel = {
  name: string
  dbName: string | null
  schema?: string | null
  fields: DmmfField[]
}

export type DmmfIndex = {
  model: string
  type: 'id' | 'unique' | 'normal' | 'fulltext'
  /** Set when the schema names the constraint with `map:`. */
  dbName?: string
  algorithm?: string
  fields: { name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }[]
}

export type DmmfEnum = {
  name: string
  dbName?: string | null
  values: { name: string; dbName: string | null }[]
}

export type SchemaDatamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] }

export function defaultSchemaPath(): string {
  return path.join(process.cwd(), 'prisma', 'schema.prisma')
}

/** Parses a schema file (or a folder of .prisma files) into its datamodel; throws a readable error. */
export function loadSchemaDatamodel(schemaPath: string = defaultSchemaPath()): SchemaDatamodel {
  const files = readSchemaFiles(schemaPath)
  let json: string
  try {
    json = get_dmmf(JSON.stringify({ prismaSchema: files.length === 1 ? files[0]![1] : files }))
  } catch (error) {
    throw new Error(`${schemaPath} does not parse: ${describeWasmError(error)}`)
  }
  const dmmf = JSON.parse(json) as { datamodel: SchemaDatamodel }
  return dmmf.datamodel
}

function readSchemaFiles(schemaPath: string): [string, string][] {
  if (!existsSync(schemaPath)) throw new Error(`No Prisma schema at ${schemaPath}`)
  if (!statSync(schemaPath).isDirectory()) return [[schemaPath, readFileSync(schemaPath, 'utf8')]]
  return readdirSync(schemaPath, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.prisma'))
    .sort()
    .map((name): [string, string] => [path.join(schemaPath, name), readFileSync(path.join(schemaPath, name), 'utf8')])
}

// The wasm throws an Error whose message is JSON ({ error_code, message }) with ANSI colours.
function describeWasmError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  let message = raw
  try {
    message = (JSON.parse(raw) as { message?: string }).message ?? raw
  } catch {
    // not JSON: keep the raw text
  }
  return message.replace(/\u001b\[[0-9;]*m/g, '')
}
