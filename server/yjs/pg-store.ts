import * as Y from 'yjs';
import type { HostDatabase } from '../db/types.ts';
import type { YjsStore } from './store.ts';

export interface PgYjsStore extends YjsStore {
  /** Resolves once no compaction is running (shutdown, tests). */
  idle(): Promise<void>;
}

/** More stored updates than this, and a document's log is merged into one update. */
export const COMPACT_AFTER = 200;

const bytes = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);

/**
 * The update log in private.yjs_updates, as the owner (no request role may touch it). Each
 * append is one statement that also counts the document's rows; past `compactAfter`, a
 * background transaction locks the rows it read, merges them (Y.mergeUpdates), deletes them
 * and inserts the merge. Appends made meanwhile have higher ids and stay as they are.
 */
export function createPgYjsStore(db: HostDatabase, compactAfter = COMPACT_AFTER): PgYjsStore {
  const compacting = new Map<string, Promise<void>>();

  async function compact(document: string): Promise<void> {
    await db.asOwner(async (sql) => {
      const rows = await sql.query<{ id: string; update: unknown }>(
        'select id, update from private.yjs_updates where document = $1 order by id for update',
        [document],
      );
      if (rows.length <= 1) return;
      const merged = Y.mergeUpdates(rows.map((r) => bytes(r.update)));
      await sql.query('delete from private.yjs_updates where document = $1 and id = any($2::bigint[])', [
        document,
        rows.map((r) => r.id),
      ]);
      await sql.query('insert into private.yjs_updates (document, update) values ($1, $2)', [document, merged]);
    });
  }

  return {
    async load(document) {
      const rows = await db.asOwner((sql) =>
        sql.query<{ update: unknown }>('select update from private.yjs_updates where document = $1 order by id', [
          document,
        ]),
      );
      return rows.map((r) => bytes(r.update));
    },
    async append(document, update) {
      const [row] = await db.asOwner((sql) =>
        sql.query<{ n: number }>(
          `with added as (insert into private.yjs_updates (document, update) values ($1, $2) returning id)
           select (select count(*) from private.yjs_updates where document = $1)::int + 1 as n from added`,
          [document, update],
        ),
      );
      if ((row?.n ?? 0) > compactAfter && !compacting.has(document)) {
        const run = compact(document)
          .catch((err: unknown) => console.error(`yjs: compacting ${document} failed`, err))
          .finally(() => compacting.delete(document));
        compacting.set(document, run);
      }
    },
    async idle() {
      while (compacting.size) await Promise.all(compacting.values());
    },
  };
}
