import type { Journal } from './journal.ts';
import type { YjsStore } from './store.ts';

export interface JournaledStore extends YjsStore {
  /** Stores what an earlier process left in the journal; the server serves once it resolved. */
  readonly recovered: Promise<number>;
  /** Resolves once every journaled update is in the database (or the store was closed). */
  idle(): Promise<void>;
  /** Stops retrying: what is not stored yet stays in the journal for the next start. */
  close(): Promise<void>;
}

export interface JournaledStoreOptions {
  /** The first retry of a failed database write waits this long, doubling up to 30 s. Default 500 ms. */
  retryMs?: number;
  log?: (line: string) => void;
}

/**
 * The database store behind a local journal (journal.ts): `append` resolves as soon as the update
 * is journaled, so the server shares it at once, and the database write follows (the inner store
 * group-commits those that arrive together). A failed write is retried until it succeeds; its
 * record stays in the journal meanwhile. `load` waits for the document's writes in flight, so a
 * document loaded again right after it was unloaded has every update.
 */
export function createJournaledStore(
  inner: YjsStore & { idle?(): Promise<void> },
  journal: Journal,
  options: JournaledStoreOptions = {},
): JournaledStore {
  const retryMs = options.retryMs ?? 500;
  const log = options.log ?? ((line: string) => console.error(line));
  /** Per document, the writes not yet stored. */
  const inFlight = new Map<string, Set<Promise<void>>>();
  /** Documents loaded and not released since. */
  const open = new Set<string>();
  /** Retries waiting for their turn: close() wakes them (and they give up). */
  const sleepers = new Map<ReturnType<typeof setTimeout>, () => void>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(timer);
        resolve();
      }, ms);
      sleepers.set(timer, resolve);
    });

  /** Stores one update, retrying with backoff; resolves once stored (or the store closed). */
  async function store(document: string, update: Uint8Array): Promise<boolean> {
    for (let wait = retryMs; ; wait = Math.min(wait * 2, 30_000)) {
      try {
        await inner.append(document, update);
        return true;
      } catch (err) {
        if (closed) return false;
        log(`yjs: storing an update of ${document} failed, retrying in ${wait} ms: ${String(err)}`);
        await sleep(wait);
        if (closed) return false;
      }
    }
  }

  function track(document: string, write: Promise<unknown>): void {
    const set = inFlight.get(document) ?? new Set<Promise<void>>();
    inFlight.set(document, set);
    const done = write.then(() => {
      set.delete(done);
      if (set.size === 0 && inFlight.get(document) === set) inFlight.delete(document);
    });
    set.add(done);
  }

  const leftovers = journal.leftovers.slice();
  const recovered = Promise.all(leftovers.map((r) => store(r.document, r.update))).then((stored) => {
    if (stored.every(Boolean)) journal.forgetLeftovers();
    return leftovers.length;
  });

  async function idle(): Promise<void> {
    await recovered;
    while (inFlight.size) await Promise.all([...inFlight.values()].flatMap((set) => [...set]));
    await inner.idle?.();
  }

  return {
    recovered,
    idle,
    async load(document) {
      open.add(document);
      await recovered;
      const writes = inFlight.get(document);
      if (writes) await Promise.all(writes);
      return inner.load(document);
    },
    async append(document, update) {
      const entry = journal.write(document, update);
      track(
        document,
        store(document, update).then((stored) => {
          if (stored) journal.done(entry);
        }),
      );
    },
    release(document) {
      open.delete(document);
      // The inner store forgets the document once its writes in flight are done (they count it).
      const writes = inFlight.get(document);
      if (!writes) return inner.release?.(document);
      void Promise.all(writes).then(() => {
        if (!open.has(document)) inner.release?.(document);
      });
    },
    async close() {
      closed = true;
      for (const [timer, wake] of sleepers) {
        clearTimeout(timer);
        wake();
      }
      sleepers.clear();
      await idle().catch(() => {});
      journal.close();
    },
  };
}
