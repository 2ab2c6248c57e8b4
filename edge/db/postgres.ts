import pg from 'pg';
import type { Caller, Database, Sql } from './port.ts';
import { callerParams, SET_CALLER_SQL } from './port.ts';

/**
 * The `pg` adapter of the database port: any PostgreSQL 15+ (Debian's, a managed one, or
 * Supabase's) through a pool. It lives in edge/ because the Supabase Edge Function uses it too
 * (`pg` through Deno's npm compatibility), so "one transaction as the caller" has one
 * implementation on both runtimes; the Node host adds nothing to it.
 */
export interface PostgresDatabase extends Database {
  readonly kind: 'postgres';
  /** Runs `fn` in one transaction as the connecting (owner) role: migrations, seeding, the embedded auth. */
  asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (a migration) in one transaction as the owner. */
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The pool size when none is configured: twice the CPU count plus one. That is PostgreSQL's
 * own rule of thumb for a server's busy connections ((cores x 2) + spindles: a connection
 * waits on I/O or on the network about as often as it computes); past it, more connections
 * queue inside PostgreSQL instead of in the pool, and add context switches and memory. The
 * host usually runs beside its database, or is one of several hosts sharing it, so its own
 * CPU count is the bound it knows. On a 2-core machine: 5.
 */
export function defaultPoolSize(cpus = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.floor(cpus)) * 2 + 1;
}

const BEGIN = (c: pg.PoolClient) => c.query('begin');

/**
 * `begin` and the caller's role and claims in one round trip (the simple protocol runs both
 * statements of one string), where a parameterised set_config would need a second: every API
 * request pays it, and on a pool the round trips are most of a small request's cost. The role
 * is one of two constants; the claims (a verified token's JSON) go through the driver's
 * literal quoting, which doubles quotes and backslashes whatever standard_conforming_strings says.
 */
export function beginAsCaller(c: Pick<pg.PoolClient, 'escapeLiteral'>, caller: Caller): string {
  const [role, claims] = callerParams(caller);
  // Replacer functions: a `$&` in the claims must stay text, not become a replacement pattern.
  const set = SET_CALLER_SQL.replace('$1', () => c.escapeLiteral(role)).replace('$2', () => c.escapeLiteral(claims));
  return `begin; ${set}`;
}

const wrap = (client: pg.PoolClient): Sql => ({
  async query<T>(text: string, params?: unknown[]) {
    const result = await client.query(text, params);
    return result.rows as T[];
  },
});

/**
 * Opens a pool of `max` connections. Each call of asCaller / asOwner checks one connection out
 * for one transaction, so concurrent requests run side by side, each still one transaction
 * as its caller (`set_config(..., true)` ends with it: nothing leaks to the connection's next user).
 */
export async function openPostgres(url: string, max = defaultPoolSize()): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops (a restart, a timeout) is replaced; it must not crash the process.
  pool.on('error', (err) => console.error(`postgres: idle connection lost: ${err.message}`));
  // Fail at boot, with a clear message, if the database cannot be reached.
  const probe = await pool.connect();
  probe.release();

  async function inTransaction<T>(begin: (c: pg.PoolClient) => Promise<unknown>, fn: (sql: Sql) => Promise<T>) {
    const client = await pool.connect();
    let broken = false;
    try {
      await begin(client);
      const result = await fn(wrap(client));
      await client.query('commit');
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given to the next request.
      await client.query('rollback').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
      return inTransaction((c) => c.query(beginAsCaller(c, caller)), fn);
    },
    asOwner<T>(fn: (sql: Sql) => Promise<T>) {
      return inTransaction(BEGIN, fn);
    },
    async runScript(script: string) {
      // No parameters: the simple protocol runs every statement of the script.
      await inTransaction(BEGIN, (sql) => sql.query(script));
    },
    async close() {
      await pool.end();
    },
  };
}
