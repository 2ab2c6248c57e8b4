import pg from 'pg';
import type { Caller, Sql } from '../../edge/db/port.ts';
import { SET_CALLER_SQL, callerParams } from '../../edge/db/port.ts';
import type { HostDatabase } from './types.ts';

// Keep bigint/numeric as strings (exact), timestamps as ISO strings like PGlite's JSON.
const wrap = (client: pg.PoolClient): Sql => ({
  async query<T>(text: string, params?: unknown[]) {
    const result = await client.query(text, params);
    return result.rows as T[];
  },
});

/** Any PostgreSQL 15+ (Debian's, a managed one, or Supabase's) through a pool. */
export async function openPostgres(url: string, max = 10): Promise<HostDatabase> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail at boot, with a clear message, if the database cannot be reached.
  const probe = await pool.connect();
  probe.release();

  async function inTransaction<T>(setup: ((c: pg.PoolClient) => Promise<unknown>) | null, fn: (sql: Sql) => Promise<T>) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      if (setup) await setup(client);
      const result = await fn(wrap(client));
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
      return inTransaction((c) => c.query(SET_CALLER_SQL, callerParams(caller)), fn);
    },
    asOwner<T>(fn: (sql: Sql) => Promise<T>) {
      return inTransaction(null, fn);
    },
    async runScript(script: string) {
      // No parameters: the simple protocol runs every statement of the script.
      await inTransaction(null, (sql) => sql.query(script));
    },
    async close() {
      await pool.end();
    },
  };
}
