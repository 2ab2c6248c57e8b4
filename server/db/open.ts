import { join, resolve } from 'node:path';
import type { Env } from '../env.ts';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { HostDatabase } from './types.ts';

/**
 * The database chosen once at boot: PostgreSQL when DATABASE_URL is set, otherwise PGlite
 * in DATA_DIR (locked against a second process; the lock is released on close).
 */
export async function openHostDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>): Promise<HostDatabase> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const dir = resolve(env.DATA_DIR);
  const lock = lockDataDir(dir);
  try {
    const db = await openPglite(join(dir, 'pglite'));
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
