import pg from 'pg';
import type { Caller, Database, Sql } from './port.ts';
import { callerParams, SERVICE_PARAMS, SET_CALLER_SQL } from './port.ts';

/**
 * The `pg` adapter of the database port: any PostgreSQL 15+ (Debian's, a managed one, or
 * Supabase's) through a pool. It lives in edge/ because the Supabase Edge Function uses it too
 * (`pg` through Deno's npm compatibility), so "one transaction as the caller" has one
 * implementation on both runtimes; the Node host adds nothing to it.
 */
export interface PostgresDatabase extends Database {
  readonly kind: 'postgres';
  statementAsCaller<T>(caller: Caller, text: string): Promise<T[]>;
  /**
   * Runs `fn` in one transaction as the connecting (owner) role: migrations, seeding, the
   * embedded auth. `prepared` names its statements as asCaller does (the benchmark's bare SQL,
   * so that it is planned no more often than the API's).
   */
  asOwner<T>(fn: (sql: Sql) => Promise<T>, opts?: { prepared?: boolean }): Promise<T>;
  /** Runs a multi-statement script (a migration) in one transaction as the owner. */
  runScript(script: string): Promise<void>;
  /** LISTEN on a dedicated connection (reconnected when lost); resolves to a function that stops. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
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
  return `begin; ${setCaller(c, caller)}`;
}

/** SET_CALLER_SQL with its two parameters as literals, for the simple protocol. */
function setCaller(c: Pick<pg.PoolClient, 'escapeLiteral'>, caller: Caller): string {
  return setRole(c, callerParams(caller));
}

function setRole(c: Pick<pg.PoolClient, 'escapeLiteral'>, [role, claims]: [string, string]): string {
  // Replacer functions: a `$&` in the claims must stay text, not become a replacement pattern.
  return SET_CALLER_SQL.replace('$1', () => c.escapeLiteral(role)).replace('$2', () => c.escapeLiteral(claims));
}

/**
 * Names for the statements requests run, so each connection parses and plans one once and
 * keeps it (a prepared statement), instead of planning it again in every request: with
 * row-level security a catalog or player query spends longer in the planner (0.5-2 ms, the
 * policies' subqueries included) than in the executor. PostgreSQL re-plans a kept statement
 * when the tables, policies or functions it depends on change, or when it runs as another
 * role (a plan that depends on row-level security is tied to its role). Up to
 * MAX_NAMED_STATEMENTS distinct texts per process are named; any beyond run unnamed.
 */
export const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();

export function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `lms_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

const wrap = (client: pg.PoolClient, named: boolean): Sql => ({
  async query<T>(text: string, params?: unknown[]) {
    const name = named ? statementName(text) : undefined;
    const result = name ? await client.query({ name, text, values: params }) : await client.query(text, params);
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

  async function inTransaction<T>(
    begin: (c: pg.PoolClient) => Promise<unknown>,
    fn: (sql: Sql) => Promise<T>,
    named = false,
  ) {
    const client = await pool.connect();
    let broken = false;
    try {
      await begin(client);
      const result = await fn(wrap(client, named));
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

  const listeners = new Set<() => Promise<void>>();

  return {
    kind: 'postgres',
    asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
      // Requests run a fixed set of statements: those are named (prepared once per connection).
      return inTransaction((c) => c.query(beginAsCaller(c, caller)), fn, true);
    },
    asService<T>(fn: (sql: Sql) => Promise<T>) {
      return inTransaction((c) => c.query(`begin; ${setRole(c, SERVICE_PARAMS)}`), fn);
    },
    async statementAsCaller<T>(caller: Caller, text: string) {
      // The simple protocol runs both statements of one string in one implicit transaction, so
      // `set_config(..., true)` ends with it; on an error PostgreSQL rolls it back and the
      // connection is idle again. One round trip where asCaller takes three.
      const client = await pool.connect();
      let broken = false;
      try {
        const results = (await client.query(`${setCaller(client, caller)}; ${text}`)) as unknown as pg.QueryResult[];
        return results.at(-1)!.rows as T[];
      } catch (error) {
        // An error PostgreSQL reported leaves the connection idle; any other (a lost socket) does not.
        broken = !(error instanceof pg.DatabaseError);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    asOwner<T>(fn: (sql: Sql) => Promise<T>, opts: { prepared?: boolean } = {}) {
      return inTransaction(BEGIN, fn, opts.prepared === true);
    },
    async runScript(script: string) {
      // No parameters: the simple protocol runs every statement of the script.
      await inTransaction(BEGIN, (sql) => sql.query(script));
    },
    async listen(channel: string, onNotify: (payload: string) => void) {
      const stop = await listenOn(url, channel, onNotify);
      const unlisten = async () => {
        listeners.delete(unlisten);
        await stop();
      };
      listeners.add(unlisten);
      return unlisten;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own, outside the pool. When it is lost (a restart of the
 * database, a network cut) it is opened again after a second, until stopped; NOTIFYs sent
 * meanwhile are missed, as with any LISTEN.
 */
async function listenOn(url: string, channel: string, onNotify: (payload: string) => void) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const reopen = () => {
    if (stopped || retry) return;
    const lost = client;
    client = undefined;
    lost?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      open().catch((err: Error) => {
        console.error(`postgres: LISTEN ${channel} failed: ${err.message}`);
        reopen();
      });
    }, 1000);
  };
  const open = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onNotify(n.payload);
    });
    c.on('error', (err) => {
      console.error(`postgres: LISTEN connection lost: ${err.message}`);
      reopen();
    });
    c.on('end', () => {
      if (client === c) reopen();
    });
    await c.connect();
    await c.query(`listen ${c.escapeIdentifier(channel)}`);
    if (stopped) {
      await c.end();
      return;
    }
    client = c;
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end();
  };
}
