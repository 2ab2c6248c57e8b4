import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostDatabase } from './types.ts';

const root = new URL('../../supabase/', import.meta.url).pathname;
export const MIGRATIONS_DIR = join(root, 'migrations');
export const COMPAT_DIR = join(root, 'compat');

/** One advisory lock key for every host migrating one database. */
const LOCK = 'select pg_advisory_xact_lock(727274);';
/** Raised (and caught here) when another host applied a migration while we waited for the lock. */
const ALREADY_APPLIED = 'lms: migration already applied';

export interface Migration {
  version: string;
  name: string;
  file: string;
  sql: string;
  /** sha256 of the file, hex: an applied migration whose file changed stops the start. */
  checksum: string;
}

export class MigrationChangedError extends Error {}

async function readDir(dir: string): Promise<{ file: string; sql: string }[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(files.map(async (file) => ({ file, sql: await readFile(join(dir, file), 'utf8') })));
}

export const checksumOf = (sql: string) => createHash('sha256').update(sql, 'utf8').digest('hex');

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  return (await readDir(dir)).map(({ file, sql }) => {
    const match = /^(\d{14})_(.+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file name must be <14-digit timestamp>_<intent>.sql: ${file}`);
    return { version: match[1]!, name: match[2]!, file, sql, checksum: checksumOf(sql) };
  });
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Applies what Supabase would provide (supabase/compat, idempotent, every boot), then each
 * pending migration in its own transaction, recorded like the Supabase CLI records them, plus
 * a checksum per migration.
 *
 * Several hosts may start against one PostgreSQL at once. Every transaction here takes the
 * same advisory lock as its first statement, and decides "already applied?" only after it
 * holds the lock, inside the transaction that applies the migration: a host that waited for
 * another one finds the migration recorded and skips it (the guard aborts that transaction).
 * The compat scripts are idempotent but not safe to run side by side (concurrent
 * `create ... if not exists` collide in the catalogs), so they run under the lock too.
 *
 * An applied migration whose file changed stops the start with a message naming the file:
 * migrations are never edited once they land. Rows recorded before checksums existed are
 * backfilled from the files on the first run.
 */
export async function migrate(db: HostDatabase, opts: { compat?: boolean; dir?: string } = {}): Promise<string[]> {
  if (opts.compat !== false) {
    for (const { sql } of await readDir(COMPAT_DIR)) await db.runScript(`${LOCK}\n${sql}`);
  }
  await db.runScript(`${LOCK}
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key, name text, statements text[]
    );
    alter table supabase_migrations.schema_migrations add column if not exists checksum text;`);
  const migrations = await loadMigrations(opts.dir);
  await verifyChecksums(db, migrations);

  const applied: string[] = [];
  for (const m of migrations) {
    const record = `insert into supabase_migrations.schema_migrations (version, name, checksum)
      values (${quote(m.version)}, ${quote(m.name)}, ${quote(m.checksum)});`;
    const guard = `do $lms_guard$ begin
      if exists (select 1 from supabase_migrations.schema_migrations where version = ${quote(m.version)}) then
        raise exception '${ALREADY_APPLIED}';
      end if;
    end $lms_guard$;`;
    try {
      await db.runScript(`${LOCK}\n${guard}\n${m.sql}\n;${record}`);
      applied.push(`${m.version}_${m.name}`);
    } catch (err) {
      if (err instanceof Error && err.message.includes(ALREADY_APPLIED)) continue;
      throw new Error(`migration ${m.file} failed: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
  }
  return applied;
}

/** Stops on an applied migration whose file changed; records checksums missing from older rows. */
async function verifyChecksums(db: HostDatabase, migrations: Migration[]): Promise<void> {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  await db.asOwner(async (sql) => {
    await sql.query(LOCK.replace(/;$/, ''));
    const rows = await sql.query<{ version: string; checksum: string | null }>(
      'select version, checksum from supabase_migrations.schema_migrations order by version',
    );
    for (const row of rows) {
      const m = byVersion.get(row.version);
      if (!m) continue; // recorded by something else (e.g. the Supabase CLI): not ours to judge
      if (row.checksum === null) {
        await sql.query('update supabase_migrations.schema_migrations set checksum = $1 where version = $2', [
          m.checksum,
          m.version,
        ]);
      } else if (row.checksum !== m.checksum) {
        throw new MigrationChangedError(
          `the migration supabase/migrations/${m.file} was edited after it was applied to this database ` +
            `(sha256 ${m.checksum.slice(0, 12)}…, applied ${row.checksum.slice(0, 12)}…). ` +
            'A landed migration is never edited: restore the file and put the change in a new migration.',
        );
      }
    }
  });
}
