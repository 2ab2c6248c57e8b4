import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostDatabase } from './types.ts';

const root = new URL('../../supabase/', import.meta.url).pathname;
export const MIGRATIONS_DIR = join(root, 'migrations');
export const COMPAT_DIR = join(root, 'compat');

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

async function readDir(dir: string): Promise<{ file: string; sql: string }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(files.map(async (file) => ({ file, sql: await readFile(join(dir, file), 'utf8') })));
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  return (await readDir(dir)).map(({ file, sql }) => {
    const match = /^(\d{14})_(.+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file name must be <14-digit timestamp>_<intent>.sql: ${file}`);
    return { version: match[1]!, name: match[2]!, sql };
  });
}

/**
 * Applies what Supabase would provide (supabase/compat, idempotent, every boot), then each
 * pending migration in its own transaction, recorded like the Supabase CLI records them.
 * An advisory lock keeps two hosts on one PostgreSQL from migrating at once.
 */
export async function migrate(db: HostDatabase, opts: { compat?: boolean } = {}): Promise<string[]> {
  if (opts.compat !== false) {
    for (const { sql } of await readDir(COMPAT_DIR)) await db.runScript(sql);
  }
  await db.runScript(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, name text, statements text[]
    );`);
  const applied: string[] = [];
  for (const m of await loadMigrations()) {
    const done = await db.asOwner((sql) =>
      sql.query('select 1 from supabase_migrations.schema_migrations where version = $1', [m.version]),
    );
    if (done.length) continue;
    const record = `insert into supabase_migrations.schema_migrations (version, name)
      values ('${m.version}', '${m.name.replace(/'/g, "''")}') on conflict do nothing;`;
    await db.runScript(`select pg_advisory_xact_lock(727274);\n${m.sql}\n;${record}`);
    applied.push(`${m.version}_${m.name}`);
  }
  return applied;
}
