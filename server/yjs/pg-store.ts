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

/** At most this many appends go into one statement. */
export const MAX_BATCH = 100;

const APPEND_ONE = 'insert into private.yjs_updates (document, update) values ($1, $2)';
/** Several appends in one statement, inserted in array order. */
const APPEND_MANY = 'insert into private.yjs_updates (document, update) select * from unnest($1::text[], $2::bytea[])';

interface Waiting {
  document: string;
  update: Uint8Array;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * The update log in private.yjs_updates, as the owner (no request role may touch it). Appends
 * are group-committed: while one write is in flight, those that arrive wait and the next write
 * inserts them all in one statement (a transaction of its own), so under load the database does
 * one round trip for many updates; each append still resolves only once its row is committed.
 * With `lingerMs` (behind the journal, where nobody waits for the write) the first append of a
 * batch waits that long for others to join it.
 * The store counts each document's rows in memory (those `load` read, plus the appends since;
 * `release` forgets a document); past `compactAfter`, a background transaction locks the rows
 * it read, merges them (Y.mergeUpdates), deletes them and inserts the merge. Appends made
 * meanwhile have higher ids and stay as they are.
 */
export function createPgYjsStore(db: HostDatabase, compactAfter = COMPACT_AFTER, lingerMs = 0): PgYjsStore {
  const compacting = new Map<string, Promise<void>>();
  const counts = new Map<string, number>();
  const waiting: Waiting[] = [];
  let writing = false;

  async function compact(document: string): Promise<void> {
    const merged = await db.asOwner(async (sql) => {
      const rows = await sql.query<{ id: string; update: unknown }>(
        'select id, update from private.yjs_updates where document = $1 order by id for update',
        [document],
      );
      if (rows.length <= 1) return 0;
      const update = Y.mergeUpdates(rows.map((r) => bytes(r.update)));
      await sql.query('delete from private.yjs_updates where document = $1 and id = any($2::bigint[])', [
        document,
        rows.map((r) => r.id),
      ]);
      await sql.query('insert into private.yjs_updates (document, update) values ($1, $2)', [document, update]);
      return rows.length;
    });
    const count = counts.get(document);
    if (count !== undefined && merged > 0) counts.set(document, Math.max(1, count - merged + 1));
  }

  function compactLater(document: string): void {
    if (compacting.has(document)) return;
    const run = compact(document)
      .catch((err: unknown) => console.error(`yjs: compacting ${document} failed`, err))
      .finally(() => compacting.delete(document));
    compacting.set(document, run);
  }

  /** Writes what is waiting, batch after batch, until nothing is. */
  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        await db.asOwner((sql) =>
          batch.length === 1
            ? sql.query(APPEND_ONE, [batch[0]!.document, batch[0]!.update])
            : sql.query(APPEND_MANY, [batch.map((w) => w.document), batch.map((w) => w.update)]),
        );
      } catch (err) {
        for (const w of batch) w.reject(err);
        continue;
      }
      for (const w of batch) {
        const count = (counts.get(w.document) ?? 0) + 1;
        counts.set(w.document, count);
        if (count > compactAfter) compactLater(w.document);
        w.resolve();
      }
    }
    writing = false;
  }

  return {
    async load(document) {
      const rows = await db.asOwner((sql) =>
        sql.query<{ update: unknown }>('select update from private.yjs_updates where document = $1 order by id', [
          document,
        ]),
      );
      counts.set(document, rows.length);
      return rows.map((r) => bytes(r.update));
    },
    append(document, update) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ document, update, resolve, reject });
        if (writing) return;
        if (lingerMs <= 0) return void drain();
        // Behind a journal nobody waits for the write: gather lingerMs of appends into one.
        writing = true;
        setTimeout(() => void drain(), lingerMs);
      });
    },
    release(document) {
      counts.delete(document);
    },
    async idle() {
      while (compacting.size) await Promise.all(compacting.values());
    },
  };
}
