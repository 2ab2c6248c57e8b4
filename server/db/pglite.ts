import { PGlite } from '@electric-sql/pglite';
import type { Caller, Sql } from '../../edge/db/port.ts';
import { callerParams, SERVICE_PARAMS, SET_CALLER_SQL } from '../../edge/db/port.ts';
import type { HostDatabase } from './types.ts';

type Tx = Pick<PGlite, 'query'>;

function wrap(tx: Tx): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      const result = await tx.query<T>(text, params as unknown[] | undefined);
      return result.rows;
    },
  };
}

/**
 * PGlite: one connection, so every request is one `transaction()`; PGlite queues them.
 * `dataDir` undefined means in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<HostDatabase> {
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  return {
    kind: 'pglite',
    asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
      return pg.transaction(async (tx) => {
        await tx.query(SET_CALLER_SQL, callerParams(caller));
        return fn(wrap(tx));
      });
    },
    asService<T>(fn: (sql: Sql) => Promise<T>) {
      return pg.transaction(async (tx) => {
        await tx.query(SET_CALLER_SQL, SERVICE_PARAMS);
        return fn(wrap(tx));
      });
    },
    asOwner<T>(fn: (sql: Sql) => Promise<T>) {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async runScript(script: string) {
      await pg.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    execRows(script: string) {
      return pg.transaction(async (tx) => (await tx.exec(script)).flatMap((r) => r.rows as Record<string, unknown>[]));
    },
    async listen(channel: string, onNotify: (payload: string) => void) {
      const stop = await pg.listen(channel, onNotify);
      return () => stop();
    },
    async close() {
      await pg.close();
    },
  };
}
