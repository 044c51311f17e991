// What a live PostgreSQL schema actually contains, read from pg_catalog: tables, columns, indexes,
// primary and foreign keys, enums. The drift check compares it with schema.prisma.
import type pg from 'pg'

export type CatalogColumn = {
  name: string
  /** format_type() of the column's type, or of its element type for arrays: 'timestamp(3) with time zone'. */
  type: string
  isArray: boolean
  /** Set when the (element) type is an enum: its type name. */
  enumName: string | null
  notNull: boolean
  /** pg_get_expr() of the default, or null. Identity columns report 'identity'. */
  defaultExpression: string | null
}

export type CatalogIndex = {
  name: string
  /** Key columns in order; null where the key is an expression. */
  columns: (string | null)[]
  descending: boolean[]
  unique: boolean
  /** Access method: btree, hash, gin, gist, spgist, brin. */
  method: string
  /** Partial (WHERE …) and exclusion-constraint indexes cannot come from schema.prisma. */
  partial: boolean
  exclusion: boolean
}

export type CatalogForeignKey = {
  name: string
  columns: string[]
  referencedTable: string
  referencedColumns: string[]
  /** pg_constraint codes: a = NO ACTION, r = RESTRICT, c = CASCADE, n = SET NULL, d = SET DEFAULT */
  onDelete: string
  onUpdate: string
}

export type CatalogTable = {
  name: string
  columns: CatalogColumn[]
  primaryKey: { name: string; columns: string[] } | null
  /** Every index except the primary key's. */
  indexes: CatalogIndex[]
  foreignKeys: CatalogForeignKey[]
}

export type DatabaseCatalog = {
  tables: CatalogTable[]
  enums: { name: string; values: string[] }[]
}

type Queryable = Pick<pg.ClientBase, 'query'>

/** Reads the catalog of the connection's current schema (public). Works inside an open transaction. */
export async function loadDatabaseCatalog(client: Queryable): Promise<DatabaseCatalog> {
  const tables = await client.query<{ oid: number; name: string }>(`
    SELECT c.oid, c.relname AS name
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`)

  const columns = await client.query<CatalogColumn & { table_oid: number }>(`
    SELECT a.attrelid::int AS table_oid, a.attname AS name,
           format_type(et.oid, a.atttypmod) AS type,
           t.typcategory = 'A' AS "isArray",
           CASE WHEN et.typtype = 'e' THEN et.typname::text END AS "enumName",
           a.attnotnull AS "notNull",
           CASE WHEN a.attidentity <> '' THEN 'identity' ELSE pg_get_expr(d.adbin, d.adrelid) END AS "defaultExpression"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_type t ON t.oid = a.atttypid
    JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attrelid, a.attnum`)

  const indexes = await client.query<CatalogIndex & { table_oid: number; primary: boolean }>(`
    SELECT x.indrelid::int AS table_oid, i.relname AS name,
           ARRAY(SELECT a.attname::text
                 FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                 WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
           ARRAY(SELECT (o.opt & 1) = 1
                 FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
                 WHERE o.ord <= x.indnkeyatts ORDER BY o.ord) AS descending,
           x.indisunique AS unique, x.indisprimary AS primary, x.indisexclusion AS exclusion,
           x.indpred IS NOT NULL AS partial,
           am.amname AS method
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_am am ON am.oid = i.relam
    WHERE c.relnamespace = current_schema()::regnamespace
    ORDER BY i.relname`)

  const constraints = await client.query<{
    table_oid: number
    name: string
    type: 'p' | 'f'
    columns: string[]
    referenced_table: string | null
    referenced_columns: string[] | null
    on_delete: string
    on_update: string
  }>(`
    SELECT con.conrelid::int AS table_oid, con.conname AS name, con.contype AS type,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           rc.relname AS referenced_table,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
           con.confdeltype AS on_delete, con.confupdtype AS on_update
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    LEFT JOIN pg_class rc ON rc.oid = con.confrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND con.contype IN ('p', 'f')
    ORDER BY con.conname`)

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = current_schema()::regnamespace
    GROUP BY t.typname
    ORDER BY t.typname`)

  return {
    tables: tables.rows.map((table) => {
      const primary = constraints.rows.find((c) => c.table_oid === table.oid && c.type === 'p')
      return {
        name: table.name,
        columns: columns.rows
          .filter((c) => c.table_oid === table.oid)
          .map(({ table_oid: _, ...column }) => column),
        primaryKey: primary ? { name: primary.name, columns: primary.columns } : null,
        indexes: indexes.rows
          .filter((x) => x.table_oid === table.oid && !x.primary)
          .map(({ table_oid: _, primary: __, ...index }) => index),
        foreignKeys: constraints.rows
          .filter((c) => c.table_oid === table.oid && c.type === 'f')
          .map((c) => ({
            name: c.name,
            columns: c.columns,
            referencedTable: c.referenced_table ?? '',
            referencedColumns: c.referenced_columns ?? [],
            onDelete: c.on_delete,
            onUpdate: c.on_update,
          })),
      }
    }),
    enums: enums.rows,
  }
}
