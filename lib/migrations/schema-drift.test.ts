// The migrated database matches prisma/schema.prisma: every model, field, type, default, index and
// relation the generated client expects exists, and nothing the schema does not know. Migrations are
// hand-written (docs/decisions/001-migration-runner.md); without this test they could drift apart
// silently. Generic: it walks the schema's datamodel, so new models are covered without edits here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { compareSchemaToDatabase, normalizeDefaultExpression } from '@/lib/migrations/compare-schema-to-database'
import { loadDatabaseCatalog } from '@/lib/migrations/database-catalog'
import { runMigrations } from '@/lib/migrations/run-migrations'
import { createScratchDatabase, withClient, type ScratchDatabase } from '@/lib/migrations/scratch-database'
import { loadSchemaDatamodel, type SchemaDatamodel } from '@/lib/migrations/schema-datamodel'
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

const adminUrl = inject('adminDatabaseUrl')
const FIXTURES = path.join(__dirname, 'fixtures')

/** Runs `sql` in a transaction on `url`, returns the comparison, then rolls everything back. */
async function mismatchesAfter(url: string, datamodel: SchemaDatamodel, sql: string): Promise<string[]> {
  return withClient(url, async (client) => {
    await client.query('BEGIN')
    try {
      if (sql) await client.query(sql)
      return compareSchemaToDatabase(datamodel, await loadDatabaseCatalog(client))
    } finally {
      await client.query('ROLLBACK')
    }
  })
}

describe('prisma/schema.prisma and prisma/migrations', () => {
  let db: ScratchDatabase
  let datamodel: SchemaDatamodel

  beforeAll(async () => {
    db = await createScratchDatabase(adminUrl, 'drift')
    await runMigrations(db.url)
    datamodel = loadSchemaDatamodel()
  })
  afterAll(async () => {
    await db?.drop()
  })

  test('the migrated database matches the schema, both ways', async () => {
    const mismatches = await mismatchesAfter(db.url, datamodel, '')

    expect(datamodel.models.length).toBeGreaterThan(0)
    expect(mismatches, `schema.prisma and the migrations disagree:\n${mismatches.join('\n')}\n`).toEqual([])
  })

  test('the generated client was generated from this schema (run `npm run db:generate` if not)', () => {
    // The client builds its SQL from this runtime model; it must name the same tables and columns.
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) })
    const runtime = (client as unknown as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel
    expect(runtime, 'PrismaClient no longer exposes _runtimeDataModel; update this test').toBeDefined()

    expect(projectRuntimeModel(runtime!)).toEqual(projectDatamodel(datamodel))
  })

  test('the generated client reads every model from the migrated database', async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) })
    try {
      const delegates = client as unknown as Record<string, { findFirst: () => Promise<unknown> }>
      for (const model of Object.values(Prisma.ModelName)) {
        const delegate = delegates[model.charAt(0).toLowerCase() + model.slice(1)]
        expect(delegate, model).toBeDefined()
        await expect(delegate!.findFirst(), model).resolves.toBeNull()
      }
    } finally {
      await client.$disconnect()
    }
  })

  // Proof that the comparison fails: break the migrated database in one way (inside a transaction
  // that is rolled back) and expect exactly the matching complaint.
  test.each([
    {
      label: 'a dropped column',
      sql: 'ALTER TABLE cars DROP COLUMN colour',
      expected: ['cars.colour: column missing (Car.colour)'],
    },
    {
      label: 'a dropped index',
      sql: 'DROP INDEX cars_owner_id_idx',
      expected: ['cars: index cars_owner_id_idx (owner_id) missing'],
    },
    {
      label: 'a changed ON DELETE',
      sql: `ALTER TABLE cars DROP CONSTRAINT cars_owner_id_fkey,
              ADD CONSTRAINT cars_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE RESTRICT ON UPDATE CASCADE`,
      expected: ['cars(owner_id) → users(id): ON DELETE RESTRICT, expected CASCADE'],
    },
    {
      label: 'the three at once',
      sql: `ALTER TABLE cars DROP COLUMN colour; DROP INDEX cars_owner_id_idx;
            ALTER TABLE trips DROP CONSTRAINT trips_pickup_point_id_fkey,
              ADD CONSTRAINT trips_pickup_point_id_fkey FOREIGN KEY (pickup_point_id) REFERENCES pickup_points(id) ON DELETE CASCADE`,
      expected: [
        'cars.colour: column missing (Car.colour)',
        'cars: index cars_owner_id_idx (owner_id) missing',
        'trips(pickup_point_id) → pickup_points(id): ON DELETE CASCADE, expected SET NULL',
        'trips(pickup_point_id) → pickup_points(id): ON UPDATE NO ACTION, expected CASCADE',
      ],
    },
    {
      label: 'a dropped foreign key',
      sql: 'ALTER TABLE trips DROP CONSTRAINT trips_car_id_fkey',
      expected: ['trips(car_id) → cars(id): foreign key missing'],
    },
    {
      label: 'a foreign key to the wrong table',
      sql: `ALTER TABLE trips DROP CONSTRAINT trips_destination_city_id_fkey,
              ADD CONSTRAINT trips_destination_city_id_fkey FOREIGN KEY (destination_city_id) REFERENCES checkpoints(id)
              ON DELETE RESTRICT ON UPDATE CASCADE`,
      expected: [
        'trips(destination_city_id) → cities(id): foreign key missing',
        'trips: foreign key trips_destination_city_id_fkey (destination_city_id) → checkpoints(id) not in schema.prisma',
      ],
    },
    {
      label: 'a required column left nullable',
      sql: 'ALTER TABLE trips ALTER COLUMN seats_taken DROP NOT NULL',
      expected: ['trips.seats_taken: expected NOT NULL'],
    },
    {
      label: 'an optional column made NOT NULL',
      sql: 'DELETE FROM users; ALTER TABLE users ALTER COLUMN phone SET NOT NULL',
      expected: ['users.phone: expected nullable, found NOT NULL'],
    },
    {
      label: 'a changed native type',
      sql: 'ALTER TABLE cities ALTER COLUMN country_code TYPE varchar(3)',
      expected: ['cities.country_code: expected type character(2), found character varying(3)'],
    },
    {
      label: 'a timestamp without time zone',
      sql: 'ALTER TABLE trips ALTER COLUMN departure_at TYPE timestamp(3)',
      expected: ['trips.departure_at: expected type timestamp(3) with time zone, found timestamp(3) without time zone'],
    },
    {
      label: 'an enum column turned into text',
      // (a column no partial index filters on, so the ALTER itself succeeds)
      sql: 'ALTER TABLE bookings ALTER COLUMN payment_state DROP DEFAULT, ALTER COLUMN payment_state TYPE text',
      expected: [
        'bookings.payment_state: expected type enum "PaymentState", found text',
        "bookings.payment_state: expected DEFAULT 'OWED', found none",
      ],
    },
    {
      label: 'a list column that is not a list',
      // (The drivers' rating index has roles in its predicate: it goes first.)
      sql: `DROP INDEX users_driver_rating_idx; ALTER TABLE users ALTER COLUMN roles DROP DEFAULT,
              ALTER COLUMN roles TYPE "Role" USING roles[1], ALTER COLUMN roles SET DEFAULT 'PASSENGER'`,
      expected: [
        'users.roles: expected type enum "Role"[], found enum "Role"',
        `users.roles: expected DEFAULT ARRAY['PASSENGER'], found DEFAULT 'PASSENGER'::"Role"`,
      ],
    },
    {
      label: 'a dropped default',
      sql: 'ALTER TABLE trips ALTER COLUMN seats_taken DROP DEFAULT',
      expected: ['trips.seats_taken: expected DEFAULT 0, found none'],
    },
    {
      label: 'a changed default',
      sql: "ALTER TABLE trips ALTER COLUMN seats_taken SET DEFAULT 1; ALTER TABLE users ALTER COLUMN locale SET DEFAULT 'en'",
      expected: [
        'users.locale: expected DEFAULT \'ru\', found DEFAULT \'en\'::text',
        'trips.seats_taken: expected DEFAULT 0, found DEFAULT 1',
      ],
    },
    {
      label: 'a default the schema lacks',
      sql: "ALTER TABLE cars ALTER COLUMN make SET DEFAULT 'Lada'",
      expected: ["cars.make: expected no default, found DEFAULT 'Lada'::text"],
    },
    {
      label: 'a default on an @updatedAt column',
      sql: 'ALTER TABLE users ALTER COLUMN updated_at SET DEFAULT now()',
      expected: ['users.updated_at: expected no default, found DEFAULT now()'],
    },
    {
      label: 'an extra column',
      sql: 'ALTER TABLE users ADD COLUMN nickname text',
      expected: ['users.nickname: column not in schema.prisma (model User)'],
    },
    {
      label: 'an extra table',
      sql: 'CREATE TABLE stray_scratch_table (id integer PRIMARY KEY)',
      expected: ['stray_scratch_table: table not in schema.prisma'],
    },
    {
      label: 'a dropped table',
      sql: 'DROP TABLE rate_limits',
      expected: ['rate_limits: table missing (model RateLimit)'],
    },
    {
      label: 'an enum value added',
      sql: `ALTER TYPE "TripStatus" ADD VALUE 'LOST'`,
      expected: [
        'enum TripStatus: expected values (SCHEDULED, BOARDING, DEPARTED, AT_BORDER, RETURNED, COMPLETED, CANCELLED), ' +
          'found (SCHEDULED, BOARDING, DEPARTED, AT_BORDER, RETURNED, COMPLETED, CANCELLED, LOST)',
      ],
    },
    {
      label: 'enum values in another order',
      sql: `ALTER TYPE "ApprovalMode" RENAME VALUE 'INSTANT' TO 'X';
            ALTER TYPE "ApprovalMode" RENAME VALUE 'MANUAL' TO 'INSTANT';
            ALTER TYPE "ApprovalMode" RENAME VALUE 'X' TO 'MANUAL'`,
      expected: ['enum ApprovalMode: expected values (INSTANT, MANUAL), found (MANUAL, INSTANT)'],
    },
    {
      label: 'an extra enum',
      sql: `CREATE TYPE "Mood" AS ENUM ('HAPPY')`,
      expected: ['enum Mood: not in schema.prisma'],
    },
    {
      label: 'a renamed index',
      sql: 'ALTER INDEX trips_driver_id_departure_at_idx RENAME TO trips_by_driver',
      expected: ['trips: index trips_driver_id_departure_at_idx (driver_id, departure_at) is named trips_by_driver in the database'],
    },
    {
      label: 'index columns in another order',
      sql: `DROP INDEX trips_driver_id_departure_at_idx;
            CREATE INDEX trips_driver_id_departure_at_idx ON trips (departure_at, driver_id)`,
      expected: [
        'trips: index trips_driver_id_departure_at_idx (driver_id, departure_at) missing',
        'trips: index trips_driver_id_departure_at_idx (departure_at, driver_id) not in schema.prisma',
      ],
    },
    {
      label: 'a unique index made plain',
      sql: 'DROP INDEX users_email_key; CREATE INDEX users_email_key ON users (email)',
      expected: ['users: unique index users_email_key (email) is not UNIQUE in the database'],
    },
    {
      label: 'a DESC index column',
      sql: 'DROP INDEX cars_owner_id_idx; CREATE INDEX cars_owner_id_idx ON cars (owner_id DESC)',
      expected: ['cars: index cars_owner_id_idx (owner_id) is (owner_id DESC), expected (owner_id)'],
    },
    {
      label: 'a hash index',
      sql: 'DROP INDEX cars_owner_id_idx; CREATE INDEX cars_owner_id_idx ON cars USING hash (owner_id)',
      expected: ['cars: index cars_owner_id_idx (owner_id) uses hash, expected btree'],
    },
    {
      label: 'an extra plain index',
      sql: 'CREATE INDEX trips_status_idx ON trips (status)',
      expected: ['trips: index trips_status_idx (status) not in schema.prisma'],
    },
    {
      label: 'a dropped primary key',
      sql: 'ALTER TABLE rate_limits DROP CONSTRAINT rate_limits_pkey',
      expected: ['rate_limits: primary key missing, expected rate_limits_pkey (key)'],
    },
    {
      label: 'a renamed primary key',
      sql: 'ALTER TABLE rate_limits RENAME CONSTRAINT rate_limits_pkey TO rate_limits_key_pk',
      expected: ['rate_limits: primary key is named rate_limits_key_pk, expected rate_limits_pkey'],
    },
    {
      label: 'CHECKs, partial indexes: allowed',
      sql: `ALTER TABLE cars ADD CONSTRAINT cars_plate_upper CHECK (plate = upper(plate));
            CREATE UNIQUE INDEX cars_plate_active ON cars (plate) WHERE archived_at IS NULL;
            CREATE INDEX users_email_lower ON users (lower(email))`,
      expected: [],
    },
  ])('$label', async ({ sql, expected }) => {
    expect(await mismatchesAfter(db.url, datamodel, sql)).toEqual(expected)
  })
})

describe('the comparison itself, on a wide schema', () => {
  let db: ScratchDatabase
  const datamodel = loadSchemaDatamodel(path.join(FIXTURES, 'wide-schema.prisma'))

  beforeAll(async () => {
    db = await createScratchDatabase(adminUrl, 'drift_wide')
    await withClient(db.url, (c) => c.query(readFileSync(path.join(FIXTURES, 'wide-schema.sql'), 'utf8')))
  })
  afterAll(async () => {
    await db?.drop()
  })

  test("finds nothing in the SQL Prisma's own engine writes for it (no false alarms)", async () => {
    expect(await mismatchesAfter(db.url, datamodel, '')).toEqual([])
  })

  test.each([
    {
      label: 'implicit many-to-many index',
      sql: 'DROP INDEX "_PostToTag_B_index"',
      expected: ['_PostToTag: index _PostToTag_B_index (B) missing'],
    },
    {
      label: 'implicit many-to-many ON DELETE',
      sql: `ALTER TABLE "_Likes" DROP CONSTRAINT "_Likes_A_fkey",
              ADD CONSTRAINT "_Likes_A_fkey" FOREIGN KEY ("A") REFERENCES "Post"(id) ON DELETE RESTRICT ON UPDATE CASCADE`,
      expected: ['_Likes(A) → Post(id): ON DELETE RESTRICT, expected CASCADE'],
    },
    {
      label: 'composite keys and mapped names',
      sql: `ALTER TABLE parents RENAME CONSTRAINT parent_custom_pk TO parents_pkey;
            ALTER INDEX parent_code_custom RENAME TO parents_code_key`,
      expected: [
        'parents: primary key is named parents_pkey, expected parent_custom_pk',
        'parents: unique index parent_code_custom (code) is named parents_code_key in the database',
      ],
    },
    {
      label: 'defaults of every kind',
      sql: `ALTER TABLE everything ALTER COLUMN "int" SET DEFAULT -2, ALTER COLUMN "text" SET DEFAULT 'its',
              ALTER COLUMN "json" SET DEFAULT '{"a": 2}', ALTER COLUMN moods SET DEFAULT ARRAY['sad']::mood[],
              ALTER COLUMN "at" DROP DEFAULT, ALTER COLUMN "id" DROP DEFAULT, ALTER COLUMN "clientUuid" SET DEFAULT 'x'`,
      expected: [
        "everything.id: expected DEFAULT autoincrement(), found none",
        "everything.text: expected DEFAULT 'it''s', found DEFAULT 'its'::text",
        "everything.clientUuid: expected no default, found DEFAULT 'x'::text",
        "everything.int: expected DEFAULT -1, found DEFAULT '-2'::integer",
        "everything.at: expected DEFAULT now(), found none",
        `everything.json: expected DEFAULT '{"a": 1, "b": [true]}', found DEFAULT '{"a": 2}'::jsonb`,
        `everything.moods: expected DEFAULT ARRAY['HAPPY', 'sad'], found DEFAULT ARRAY['sad'::mood]`,
      ],
    },
    {
      label: 'native types with precision',
      sql: `ALTER TABLE everything ALTER COLUMN "decimalPs" TYPE numeric(12,2), ALTER COLUMN "atTz6" TYPE timestamptz(3),
              ALTER COLUMN "time" TYPE time(6), ALTER COLUMN "varcharAny" TYPE varchar(10)`,
      expected: [
        'everything.varcharAny: expected type character varying, found character varying(10)',
        'everything.decimalPs: expected type numeric(10,2), found numeric(12,2)',
        'everything.atTz6: expected type timestamp with time zone, found timestamp(3) with time zone',
        'everything.time: expected type time(3) without time zone, found time(6) without time zone',
      ],
    },
    {
      label: 'mapped enum values',
      sql: `ALTER TYPE mood RENAME VALUE 'sad' TO 'SAD'`,
      expected: [
        'enum mood: expected values (HAPPY, sad, MEH), found (HAPPY, SAD, MEH)',
        "everything.mood: expected DEFAULT 'sad', found DEFAULT 'SAD'::mood",
        "everything.moods: expected DEFAULT ARRAY['HAPPY', 'sad'], found DEFAULT ARRAY['HAPPY'::mood, 'SAD'::mood]",
      ],
    },
    {
      label: 'index sort order and access method',
      sql: `DROP INDEX everything_at_int_idx; CREATE INDEX everything_at_int_idx ON everything ("at", "int");
            DROP INDEX everything_text_idx; CREATE INDEX everything_text_idx ON everything ("text")`,
      expected: [
        'everything: index everything_at_int_idx (at, int) is (at, int), expected (at DESC, int)',
        'everything: index everything_text_idx (text) uses btree, expected hash',
      ],
    },
    {
      label: 'a primary key on a model without @id',
      sql: `ALTER TABLE "NoId" ADD PRIMARY KEY ("key")`,
      expected: ['NoId: primary key NoId_pkey (key) not in schema.prisma'],
    },
  ])('$label', async ({ sql, expected }) => {
    expect(await mismatchesAfter(db.url, datamodel, sql)).toEqual(expected)
  })
})

describe('helpers', () => {
  test.each([
    { label: 'a text literal', expression: "'ru'::text", normalized: "'ru'" },
    { label: 'a negative integer', expression: "'-1'::integer", normalized: "'-1'" },
    { label: 'a parenthesised number', expression: '(1.5)', normalized: '1.5' },
    { label: 'an enum array', expression: `ARRAY['PASSENGER'::"Role", 'DRIVER'::"Role"]`, normalized: "ARRAY['PASSENGER', 'DRIVER']" },
    { label: 'an empty array', expression: 'ARRAY[]::text[]', normalized: 'ARRAY[]' },
    { label: 'a timestamp literal', expression: "'2026-01-01 00:00:00+00'::timestamp(3) with time zone", normalized: "'2026-01-01 00:00:00+00'" },
    { label: 'a cast inside a string', expression: "'a::text'::character varying", normalized: "'a::text'" },
    { label: 'a function call', expression: 'gen_random_uuid()', normalized: 'gen_random_uuid()' },
    { label: 'a sequence', expression: `nextval('"Post_id_seq"'::regclass)`, normalized: `nextval('"Post_id_seq"')` },
  ])('normalizeDefaultExpression: $label', ({ expression, normalized }) => {
    expect(normalizeDefaultExpression(expression)).toBe(normalized)
  })

  test('loadSchemaDatamodel reports an invalid schema with its line, without colour codes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'poputka-schema-'))
    try {
      const file = path.join(dir, 'schema.prisma')
      writeFileSync(file, 'datasource db {\n  provider = "postgresql"\n}\n\nmodel Broken {\n  id Int @id\n  owner Nowhere\n}\n')
      expect(() => loadSchemaDatamodel(file)).toThrow(/does not parse: [\s\S]*Type "Nowhere" is neither a built-in type[\s\S]*owner Nowhere/)
      expect(() => loadSchemaDatamodel(file)).not.toThrow(/\u001b\[/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

// ---------------------------------------------------------------------------------------------

type RuntimeDataModel = {
  models: Record<string, { dbName: string | null; fields: { name: string; kind: string; type: string; dbName?: string | null }[] }>
}

function projectRuntimeModel(runtime: RuntimeDataModel) {
  return Object.entries(runtime.models)
    .map(([name, model]) => ({
      name,
      dbName: model.dbName ?? null,
      fields: model.fields.map((f) => ({ name: f.name, kind: f.kind, type: f.type, dbName: f.dbName ?? null })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

function projectDatamodel(datamodel: SchemaDatamodel) {
  return datamodel.models
    .map((model) => ({
      name: model.name,
      dbName: model.dbName ?? null,
      fields: model.fields.map((f) => ({ name: f.name, kind: f.kind, type: f.type, dbName: f.dbName ?? null })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
