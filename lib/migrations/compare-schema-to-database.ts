// Compares schema.prisma's datamodel with a live database catalog and lists every difference as one
// readable line ("trips.seats_taken: expected NOT NULL"). Our migrations are hand-written SQL
// (docs/decisions/001-migration-runner.md), so this is what keeps them and the schema in step.
//
// Checked, both ways unless noted: tables (@@map), columns (@map) with their PostgreSQL type (native
// types, enums, lists), NOT NULL, defaults (presence, and the value for literals), enums and their
// values in order, primary keys, unique and plain indexes (columns in order, name per Prisma's
// conventions or `map:`, UNIQUE, access method, DESC), foreign keys (columns, referenced table and
// columns, ON DELETE / ON UPDATE with Prisma's defaults), implicit many-to-many tables.
// Deliberately not checked: CHECK constraints, partial (WHERE) and exclusion indexes (the schema
// cannot express them; migrations add them freely), index operator classes, foreign-key names (the
// datamodel does not carry a relation's `map:`), NOT NULL on scalar lists (Prisma leaves list
// columns nullable and never reads the difference), contents of @default(dbgenerated(...)).
import type { CatalogColumn, CatalogIndex, CatalogTable, DatabaseCatalog } from './database-catalog'
import type { DmmfField, DmmfModel, ReferentialAction, SchemaDatamodel } from './schema-datamodel'

const MIGRATIONS_TABLE = '_prisma_migrations'
/** PostgreSQL's NAMEDATALEN - 1; Prisma shortens default constraint names to fit. */
const MAX_IDENTIFIER_LENGTH = 63

type DefaultRule =
  | { kind: 'none' }
  | { kind: 'unchecked' }
  | { kind: 'expected'; describe: string; matches: (normalized: string) => boolean }

type ExpectedColumn = {
  name: string
  /** "Model.field", for messages */
  source: string
  /** format_type() of the (element) type, or null for an enum */
  type: string | null
  enumName: string | null
  isArray: boolean
  /** undefined: not checked (scalar lists) */
  notNull: boolean | undefined
  default: DefaultRule
}

type ExpectedIndex = { name: string; columns: string[]; descending: boolean[]; unique: boolean; method: string }

type ExpectedForeignKey = {
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
  onDelete: ReferentialAction
  onUpdate: ReferentialAction
}

type ExpectedTable = {
  name: string
  /** "model User", or "implicit many-to-many relation Likes" */
  source: string
  columns: ExpectedColumn[]
  primaryKey: { name: string; columns: string[] } | null
  indexes: ExpectedIndex[]
  foreignKeys: ExpectedForeignKey[]
}

const ACTION_CODES: Record<ReferentialAction, string> = {
  NoAction: 'a',
  Restrict: 'r',
  Cascade: 'c',
  SetNull: 'n',
  SetDefault: 'd',
}
const ACTION_SQL: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' }

/** Every difference between the datamodel and the catalog; empty when they agree. */
export function compareSchemaToDatabase(datamodel: SchemaDatamodel, catalog: DatabaseCatalog): string[] {
  const mismatches: string[] = []
  compareEnums(datamodel, catalog, mismatches)
  const expected = expectedTables(datamodel, mismatches)
  for (const table of expected) {
    const actual = catalog.tables.find((t) => t.name === table.name)
    if (!actual) {
      mismatches.push(`${table.name}: table missing (${table.source})`)
      continue
    }
    compareColumns(table, actual, mismatches)
    comparePrimaryKey(table, actual, mismatches)
    compareIndexes(table, actual, mismatches)
    compareForeignKeys(table, actual, mismatches)
  }
  for (const table of catalog.tables) {
    if (table.name !== MIGRATIONS_TABLE && !expected.some((t) => t.name === table.name)) {
      mismatches.push(`${table.name}: table not in schema.prisma`)
    }
  }
  return mismatches
}

// ---------------------------------------------------------------------------------------------
// What the schema expects

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name
}

function expectedTables(datamodel: SchemaDatamodel, mismatches: string[]): ExpectedTable[] {
  const modelByName = new Map(datamodel.models.map((m) => [m.name, m]))
  const field = (model: DmmfModel, name: string): DmmfField => {
    const found = model.fields.find((f) => f.name === name)
    if (!found) throw new Error(`datamodel: ${model.name}.${name} does not exist`)
    return found
  }
  const tables: ExpectedTable[] = []

  for (const model of datamodel.models) {
    const table = tableName(model)
    if (model.schema && model.schema !== 'public') {
      mismatches.push(`${table}: model ${model.name} lives in schema "${model.schema}", which the drift check does not read`)
    }
    const indexes = datamodel.indexes.filter((i) => i.model === model.name)
    const id = indexes.find((i) => i.type === 'id')
    const idColumns = id?.fields.map((f) => columnName(field(model, f.name))) ?? []

    tables.push({
      name: table,
      source: `model ${model.name}`,
      columns: model.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => ({
          name: columnName(f),
          source: `${model.name}.${f.name}`,
          type: f.kind === 'enum' ? null : expectedColumnType(f),
          enumName: f.kind === 'enum' ? enumDbName(datamodel, f.type) : null,
          isArray: f.isList,
          notNull: f.isList ? undefined : f.isRequired,
          default: expectedDefault(datamodel, f),
        })),
      primaryKey: id ? { name: id.dbName ?? primaryKeyName(table), columns: idColumns } : null,
      indexes: indexes
        .filter((i) => i.type === 'unique' || i.type === 'normal')
        .map((i) => {
          const columns = i.fields.map((f) => columnName(field(model, f.name)))
          const unique = i.type === 'unique'
          return {
            name: i.dbName ?? indexName(table, columns, unique ? '_key' : '_idx'),
            columns,
            descending: i.fields.map((f) => f.sortOrder === 'desc'),
            unique,
            method: (i.algorithm ?? 'BTree').toLowerCase(),
          }
        }),
      foreignKeys: model.fields
        .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
        .map((f) => {
          const target = modelByName.get(f.type)
          if (!target) throw new Error(`datamodel: ${model.name}.${f.name} refers to unknown model ${f.type}`)
          return {
            columns: (f.relationFromFields ?? []).map((name) => columnName(field(model, name))),
            referencedTable: tableName(target),
            referencedColumns: (f.relationToFields ?? []).map((name) => columnName(field(target, name))),
            // Prisma's defaults: a required relation restricts deletes, an optional one sets NULL.
            onDelete: f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull'),
            onUpdate: f.relationOnUpdate ?? 'Cascade',
          }
        }),
    })
  }

  tables.push(...implicitManyToManyTables(datamodel, field))
  return tables
}

// A list relation with no `fields:` on either side is stored in a table Prisma creates:
// "_<RelationName>"(A, B), A referencing the model whose name sorts first.
function implicitManyToManyTables(
  datamodel: SchemaDatamodel,
  field: (model: DmmfModel, name: string) => DmmfField,
): ExpectedTable[] {
  const relations = new Map<string, DmmfModel[]>()
  for (const model of datamodel.models) {
    for (const f of model.fields) {
      if (f.kind === 'object' && f.isList && f.relationName && (f.relationFromFields?.length ?? 0) === 0) {
        const otherSide = datamodel.models
          .find((m) => m.name === f.type)
          ?.fields.find((o) => o.relationName === f.relationName && o !== f)
        if (otherSide?.isList) relations.set(f.relationName, [...(relations.get(f.relationName) ?? []), model])
      }
    }
  }
  return [...relations].map(([relationName, models]) => {
    const [a, b] = [...models].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
    const table = `_${relationName}`
    const side = (model: DmmfModel | undefined, column: 'A' | 'B') => {
      const id = datamodel.indexes.find((i) => i.model === model?.name && i.type === 'id')
      const idField = model && id?.fields.length === 1 ? field(model, id.fields[0]!.name) : undefined
      if (!model || !idField) throw new Error(`datamodel: implicit relation ${relationName} needs a single-field @id`)
      return {
        column: {
          name: column,
          source: `${model.name} in ${relationName}`,
          type: idField.kind === 'enum' ? null : expectedColumnType(idField),
          enumName: idField.kind === 'enum' ? enumDbName(datamodel, idField.type) : null,
          isArray: false,
          notNull: true,
          default: { kind: 'none' } as const,
        },
        foreignKey: {
          columns: [column],
          referencedTable: tableName(model),
          referencedColumns: [columnName(idField)],
          onDelete: 'Cascade' as const,
          onUpdate: 'Cascade' as const,
        },
      }
    }
    const sides = [side(a, 'A'), side(b, 'B')]
    return {
      name: table,
      source: `implicit many-to-many relation ${relationName}`,
      columns: sides.map((s) => s.column),
      primaryKey: { name: `${table}_AB_pkey`, columns: ['A', 'B'] },
      indexes: [{ name: `${table}_B_index`, columns: ['B'], descending: [false], unique: false, method: 'btree' }],
      foreignKeys: sides.map((s) => s.foreignKey),
    }
  })
}

function enumDbName(datamodel: SchemaDatamodel, name: string): string {
  const found = datamodel.enums.find((e) => e.name === name)
  return found?.dbName ?? name
}

/** format_type() of the column Prisma creates for a field (element type for lists); null if unknown. */
function expectedColumnType(field: DmmfField): string | null {
  const [nativeName, args = []] = field.nativeType ?? []
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(',')})` : base)
  const precision = (base: string, zone: 'with' | 'without') =>
    `${base}${args.length ? `(${args[0]})` : ''} ${zone} time zone`
  if (nativeName) {
    const native: Record<string, () => string> = {
      Text: () => 'text',
      Char: () => `character(${args[0] ?? 1})`,
      VarChar: () => withArgs('character varying'),
      Bit: () => `bit(${args[0] ?? 1})`,
      VarBit: () => withArgs('bit varying'),
      Uuid: () => 'uuid',
      Xml: () => 'xml',
      Inet: () => 'inet',
      Citext: () => 'citext',
      Boolean: () => 'boolean',
      Integer: () => 'integer',
      SmallInt: () => 'smallint',
      Oid: () => 'oid',
      BigInt: () => 'bigint',
      DoublePrecision: () => 'double precision',
      Real: () => 'real',
      Decimal: () => withArgs('numeric'),
      Money: () => 'money',
      Timestamp: () => precision('timestamp', 'without'),
      Timestamptz: () => precision('timestamp', 'with'),
      Date: () => 'date',
      Time: () => precision('time', 'without'),
      Timetz: () => precision('time', 'with'),
      Json: () => 'json',
      JsonB: () => 'jsonb',
      ByteA: () => 'bytea',
    }
    return native[nativeName]?.() ?? null
  }
  const scalar: Record<string, string> = {
    String: 'text',
    Boolean: 'boolean',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Decimal: 'numeric(65,30)',
    DateTime: 'timestamp(3) without time zone',
    Json: 'jsonb',
    Bytes: 'bytea',
  }
  return scalar[field.type] ?? null
}

function expectedDefault(datamodel: SchemaDatamodel, field: DmmfField): DefaultRule {
  const value = field.default
  if (!field.hasDefaultValue || value === undefined) return { kind: 'none' }
  if (typeof value === 'object' && !Array.isArray(value)) {
    switch (value.name) {
      case 'now':
        return expectDefault('now()', (d) => /^(current_timestamp(\(\d\))?|now\(\))$/i.test(d))
      case 'autoincrement':
      case 'sequence':
        return expectDefault(`${value.name}()`, (d) => d === 'identity' || /^nextval\(/i.test(d))
      case 'dbgenerated':
        // Prisma itself does not compare the expression; an empty dbgenerated() allows any default.
        return value.args.length ? expectDefault(`dbgenerated(${JSON.stringify(value.args[0])})`, () => true) : { kind: 'unchecked' }
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        // Generated by the client: the column has no default.
        return { kind: 'none' }
      default:
        return expectDefault(`${value.name}()`, () => true)
    }
  }
  const literal = (v: string | number | boolean): string => {
    if (typeof v !== 'string') return String(v)
    const stored = field.kind === 'enum' ? enumValueDbName(datamodel, field.type, v) : v
    return `'${stored.replaceAll("'", "''")}'`
  }
  if (Array.isArray(value)) {
    const rendered = `ARRAY[${value.map(literal).join(', ')}]`
    return expectDefault(rendered, (d) => d === rendered || (value.length === 0 && d === "'{}'"))
  }
  if (typeof value === 'number') {
    return expectDefault(String(value), (d) => Number(d.replace(/^'(.*)'$/, '$1')) === value)
  }
  if (typeof value === 'boolean') return expectDefault(String(value), (d) => d.toLowerCase() === String(value))
  if (field.type === 'Json') {
    return expectDefault(literal(value), (d) => sameJson(unquote(d), value))
  }
  if (field.type === 'String' || field.kind === 'enum') return expectDefault(literal(value), (d) => d === literal(value))
  // DateTime, Decimal, BigInt and Bytes literals: PostgreSQL re-renders them; check presence only.
  return expectDefault(literal(value), () => true)
}

function expectDefault(describe: string, matches: (normalized: string) => boolean): DefaultRule {
  return { kind: 'expected', describe, matches }
}

function enumValueDbName(datamodel: SchemaDatamodel, enumName: string, value: string): string {
  const found = datamodel.enums.find((e) => e.name === enumName)?.values.find((v) => v.name === value)
  return found?.dbName ?? value
}

function unquote(text: string): string | null {
  const match = /^'((?:[^']|'')*)'$/.exec(text)
  return match ? match[1]!.replaceAll("''", "'") : null
}

function sameJson(text: string | null, expected: string): boolean {
  if (text === null) return false
  try {
    return canonicalJson(JSON.parse(text)) === canonicalJson(JSON.parse(expected))
  } catch {
    return false
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * A default expression as PostgreSQL prints it, without type casts or wrapping parentheses:
 * `ARRAY['PASSENGER'::"Role"]` → `ARRAY['PASSENGER']`, `'-1'::integer` → `'-1'`.
 */
export function normalizeDefaultExpression(expression: string): string {
  const cast =
    /::\s*(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_]*(?:\s+(?:varying|precision))?)(?:\s*\([^)]*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\[\])*/gi
  let result = expression
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(cast, '')))
    .join('')
    .trim()
  while (result.startsWith('(') && result.endsWith(')') && isBalanced(result.slice(1, -1))) {
    result = result.slice(1, -1).trim()
  }
  return result
}

function isBalanced(text: string): boolean {
  let depth = 0
  for (const part of text.split(/'(?:[^']|'')*'/)) {
    for (const ch of part) {
      if (ch === '(') depth++
      if (ch === ')' && --depth < 0) return false
    }
  }
  return depth === 0
}

// Prisma's default constraint names (psl-core constraint_names.rs), shortened to 63 bytes.
function primaryKeyName(table: string): string {
  return `${truncate(table, MAX_IDENTIFIER_LENGTH - 5)}_pkey`
}

function indexName(table: string, columns: string[], suffix: '_key' | '_idx'): string {
  return `${truncate(`${table}_${columns.join('_')}`, MAX_IDENTIFIER_LENGTH - suffix.length)}${suffix}`
}

function truncate(text: string, maxBytes: number): string {
  let result = text
  while (Buffer.byteLength(result) > maxBytes) result = result.slice(0, -1)
  return result
}

// ---------------------------------------------------------------------------------------------
// Comparisons

function compareEnums(datamodel: SchemaDatamodel, catalog: DatabaseCatalog, mismatches: string[]): void {
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name
    const expected = e.values.map((v) => v.dbName ?? v.name)
    const actual = catalog.enums.find((c) => c.name === name)
    if (!actual) mismatches.push(`enum ${name}: missing`)
    else if (actual.values.join() !== expected.join()) {
      mismatches.push(`enum ${name}: expected values (${expected.join(', ')}), found (${actual.values.join(', ')})`)
    }
  }
  for (const actual of catalog.enums) {
    if (!datamodel.enums.some((e) => (e.dbName ?? e.name) === actual.name)) {
      mismatches.push(`enum ${actual.name}: not in schema.prisma`)
    }
  }
}

function describeType(type: string | null, enumName: string | null, isArray: boolean): string {
  return `${enumName !== null ? `enum "${enumName}"` : (type ?? '?')}${isArray ? '[]' : ''}`
}

function compareColumns(table: ExpectedTable, actual: CatalogTable, mismatches: string[]): void {
  for (const column of table.columns) {
    const where = `${table.name}.${column.name}`
    const found = actual.columns.find((c) => c.name === column.name)
    if (!found) {
      mismatches.push(`${where}: column missing (${column.source})`)
      continue
    }
    if (column.type === null && column.enumName === null) {
      mismatches.push(`${where}: the drift check does not know the type of ${column.source}; teach expectedColumnType`)
    } else {
      const sameType =
        column.enumName !== null ? found.enumName === column.enumName : found.enumName === null && found.type === column.type
      if (!sameType || found.isArray !== column.isArray) {
        mismatches.push(
          `${where}: expected type ${describeType(column.type, column.enumName, column.isArray)}, ` +
            `found ${describeType(found.type, found.enumName, found.isArray)}`,
        )
      }
    }
    if (column.notNull === true && !found.notNull) mismatches.push(`${where}: expected NOT NULL`)
    if (column.notNull === false && found.notNull) mismatches.push(`${where}: expected nullable, found NOT NULL`)
    compareDefault(where, column, found, mismatches)
  }
  for (const found of actual.columns) {
    if (!table.columns.some((c) => c.name === found.name)) {
      mismatches.push(`${table.name}.${found.name}: column not in schema.prisma (${table.source})`)
    }
  }
}

function compareDefault(where: string, column: ExpectedColumn, found: CatalogColumn, mismatches: string[]): void {
  const rule = column.default
  const actual = found.defaultExpression
  if (rule.kind === 'unchecked') return
  if (rule.kind === 'none') {
    if (actual !== null) mismatches.push(`${where}: expected no default, found DEFAULT ${actual}`)
    return
  }
  if (actual === null) mismatches.push(`${where}: expected DEFAULT ${rule.describe}, found none`)
  else if (!rule.matches(normalizeDefaultExpression(actual))) {
    mismatches.push(`${where}: expected DEFAULT ${rule.describe}, found DEFAULT ${actual}`)
  }
}

function comparePrimaryKey(table: ExpectedTable, actual: CatalogTable, mismatches: string[]): void {
  const expected = table.primaryKey
  const found = actual.primaryKey
  if (!expected) {
    if (found) mismatches.push(`${table.name}: primary key ${found.name} (${found.columns.join(', ')}) not in schema.prisma`)
    return
  }
  if (!found) {
    mismatches.push(`${table.name}: primary key missing, expected ${expected.name} (${expected.columns.join(', ')})`)
    return
  }
  if (found.columns.join() !== expected.columns.join()) {
    mismatches.push(`${table.name}: primary key is (${found.columns.join(', ')}), expected (${expected.columns.join(', ')})`)
  }
  if (found.name !== expected.name) {
    mismatches.push(`${table.name}: primary key is named ${found.name}, expected ${expected.name}`)
  }
}

function describeIndexColumns(columns: (string | null)[], descending: boolean[]): string {
  return columns.map((c, i) => `${c ?? '<expression>'}${descending[i] ? ' DESC' : ''}`).join(', ')
}

function compareIndexes(table: ExpectedTable, actual: CatalogTable, mismatches: string[]): void {
  // Partial, expression and exclusion indexes come from hand-written SQL the schema cannot express.
  const candidates = actual.indexes.filter((i) => !i.partial && !i.exclusion && !i.columns.includes(null))
  const claimed = new Set<CatalogIndex>()
  for (const index of table.indexes) {
    const free = candidates.filter((c) => !claimed.has(c) && c.columns.join() === index.columns.join())
    const found =
      free.find((c) => c.name === index.name) ?? free.find((c) => c.unique === index.unique) ?? free[0]
    const label = `${table.name}: ${index.unique ? 'unique index' : 'index'} ${index.name} (${index.columns.join(', ')})`
    if (!found) {
      mismatches.push(`${label} missing`)
      continue
    }
    claimed.add(found)
    if (found.name !== index.name) mismatches.push(`${label} is named ${found.name} in the database`)
    if (found.unique !== index.unique) {
      mismatches.push(`${label} is ${found.unique ? 'UNIQUE' : 'not UNIQUE'} in the database`)
    }
    if (found.method !== index.method) mismatches.push(`${label} uses ${found.method}, expected ${index.method}`)
    if (found.descending.join() !== index.descending.join()) {
      mismatches.push(
        `${label} is (${describeIndexColumns(found.columns, found.descending)}), ` +
          `expected (${describeIndexColumns(index.columns, index.descending)})`,
      )
    }
  }
  for (const index of candidates) {
    if (!claimed.has(index)) {
      mismatches.push(
        `${table.name}: ${index.unique ? 'unique index' : 'index'} ${index.name} (${index.columns.join(', ')}) not in schema.prisma`,
      )
    }
  }
}

function compareForeignKeys(table: ExpectedTable, actual: CatalogTable, mismatches: string[]): void {
  const claimed = new Set<string>()
  for (const key of table.foreignKeys) {
    const label = `${table.name}(${key.columns.join(', ')}) → ${key.referencedTable}(${key.referencedColumns.join(', ')})`
    const found = actual.foreignKeys.find(
      (f) =>
        !claimed.has(f.name) &&
        f.columns.join() === key.columns.join() &&
        f.referencedTable === key.referencedTable &&
        f.referencedColumns.join() === key.referencedColumns.join(),
    )
    if (!found) {
      mismatches.push(`${label}: foreign key missing`)
      continue
    }
    claimed.add(found.name)
    const onDelete = ACTION_CODES[key.onDelete]
    const onUpdate = ACTION_CODES[key.onUpdate]
    if (found.onDelete !== onDelete) {
      mismatches.push(`${label}: ON DELETE ${ACTION_SQL[found.onDelete]}, expected ${ACTION_SQL[onDelete]}`)
    }
    if (found.onUpdate !== onUpdate) {
      mismatches.push(`${label}: ON UPDATE ${ACTION_SQL[found.onUpdate]}, expected ${ACTION_SQL[onUpdate]}`)
    }
  }
  for (const found of actual.foreignKeys) {
    if (!claimed.has(found.name)) {
      mismatches.push(
        `${table.name}: foreign key ${found.name} (${found.columns.join(', ')}) → ` +
          `${found.referencedTable}(${found.referencedColumns.join(', ')}) not in schema.prisma`,
      )
    }
  }
}
