import { join, resolve } from 'node:path';
import { defaultPoolSize, openPostgres } from '../../edge/db/postgres.ts';
import type { Env } from '../env.ts';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import type { HostDatabase } from './types.ts';

/**
 * The database chosen once at boot: PostgreSQL when DATABASE_URL is set (a pool of DB_POOL_SIZE
 * connections, by default sized from the CPU count: see defaultPoolSize), otherwise PGlite in
 * DATA_DIR (locked against a second process; the lock is released on close).
 */
export async function openHostDatabase(
  env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'> & Partial<Pick<Env, 'DB_POOL_SIZE'>>,
): Promise<HostDatabase> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL, env.DB_POOL_SIZE ?? defaultPoolSize());
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
