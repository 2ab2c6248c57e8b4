import pg from 'pg';
import { openPostgres } from '../../edge/db/postgres.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPglite } from '../../server/db/pglite.ts';
import type { HostDatabase } from '../../server/db/types.ts';

/**
 * Fresh, migrated databases for tests. PGlite always; PostgreSQL when TEST_DATABASE_URL
 * names a server (CI always sets it: there a missing server fails the run, never skips it).
 * Each PostgreSQL test database is created for the test file and dropped after.
 */

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  db: HostDatabase;
  drop(): Promise<void>;
}

export async function freshPglite(): Promise<TestDatabase> {
  const db = await openPglite();
  await migrate(db);
  return { name: 'pglite', db, drop: () => db.close() };
}

export async function freshPostgres(adminUrl = TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const dbName = `lms_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = await openPostgres(url.toString(), 4);
  await migrate(db);
  return {
    name: 'postgres',
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    },
  };
}

/** The engines this run covers: PGlite, plus PostgreSQL when configured; CI demands both. */
export function engines(): ('pglite' | 'postgres')[] {
  if (TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('CI must test PostgreSQL too: set TEST_DATABASE_URL');
  return ['pglite'];
}

export function fresh(engine: 'pglite' | 'postgres'): Promise<TestDatabase> {
  return engine === 'pglite' ? freshPglite() : freshPostgres();
}
