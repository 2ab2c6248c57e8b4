import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../edge/db/postgres.ts';
import { TEST_DATABASE_URL } from '../../tests/support/db.ts';
import { loadMigrations, MIGRATIONS_DIR, migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';

const copyOfMigrations = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lms-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
};

describe('an edited migration', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('stops the next start with a message naming the file', async () => {
    const dir = copyOfMigrations();
    dirs.push(dir);
    const db = await openPglite();
    try {
      expect((await migrate(db, { dir })).length).toBe((await loadMigrations(dir)).length);
      expect(await migrate(db, { dir })).toEqual([]);
      const [first] = await loadMigrations(dir);
      writeFileSync(join(dir, first!.file), `${first!.sql}\n-- a quiet edit\n`);
      await expect(migrate(db, { dir })).rejects.toThrow(new RegExp(`supabase/migrations/${first!.file} was edited`));
    } finally {
      await db.close();
    }
  });

  it('records checksums for rows applied before checksums existed (backfill), then checks them', async () => {
    const dir = copyOfMigrations();
    dirs.push(dir);
    const db = await openPglite();
    try {
      await migrate(db, { dir });
      await db.runScript('update supabase_migrations.schema_migrations set checksum = null');
      expect(await migrate(db, { dir })).toEqual([]);
      const rows = await db.asOwner((sql) =>
        sql.query<{ version: string; checksum: string | null }>(
          'select version, checksum from supabase_migrations.schema_migrations',
        ),
      );
      const files = new Map((await loadMigrations(dir)).map((m) => [m.version, m.checksum]));
      expect(rows.length).toBe(files.size);
      for (const row of rows) expect(row.checksum, row.version).toBe(files.get(row.version));
    } finally {
      await db.close();
    }
  });
});

describe('hosts migrating one PostgreSQL at once', () => {
  if (!TEST_DATABASE_URL) {
    // Locally without a PostgreSQL server the suite shows as skipped; CI always has one.
    if (process.env.CI) throw new Error('CI must set TEST_DATABASE_URL');
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {}); // skip-reason: no PostgreSQL server here; CI sets TEST_DATABASE_URL and throws above without it
    return;
  }
  const name = `lms_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('applies each migration exactly once, and every host starts', async () => {
    await admin(`create database ${name}`);
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const hosts = await Promise.all([1, 2, 3].map(() => openPostgres(url.toString(), 2)));
    try {
      const results = await Promise.all(hosts.map((db) => migrate(db)));
      const all = results.flat();
      const expected = (await loadMigrations()).map((m) => `${m.version}_${m.name}`);
      expect(all.sort()).toEqual(expected.sort());
      const rows = await hosts[0]!.asOwner((sql) =>
        sql.query<{ n: number }>(
          'select count(*)::int as n from supabase_migrations.schema_migrations where checksum is not null',
        ),
      );
      expect(rows[0]!.n).toBe(expected.length);
    } finally {
      await Promise.all(hosts.map((db) => db.close()));
    }
  });
});
