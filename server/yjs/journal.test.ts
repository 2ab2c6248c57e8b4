import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, readSegment } from './journal.ts';
import { createJournaledStore } from './journaled-store.ts';
import type { YjsStore } from './store.ts';

/**
 * The shared-notes journal: records survive the process (what one process wrote, the next reads),
 * a torn tail is cut off, segments go once stored; and the journaled store shares at once, stores
 * behind, retries a failing database and replays leftovers before any document loads.
 */

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'yjs-journal-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (...values: number[]) => new Uint8Array(values);
const files = (dir: string) => readdirSync(dir).sort();

/** A store in memory whose writes wait for `release()` and may fail. */
function memoryStore() {
  const rows: { document: string; update: Uint8Array }[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  let failures = 0;
  const store: YjsStore = {
    async load(document) {
      return rows.filter((r) => r.document === document).map((r) => r.update);
    },
    async append(document, update) {
      await gate;
      if (failures > 0) {
        failures--;
        throw new Error('database unavailable');
      }
      rows.push({ document, update });
    },
  };
  return {
    store,
    rows,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
    fail(times: number) {
      failures = times;
    },
  };
}

describe('the journal', () => {
  it('gives the next process every record the last one wrote and did not store', () => {
    const dir = tempDir();
    const first = openJournal(dir);
    const a = first.write('note:1', bytes(1, 2, 3));
    first.write('cohort-note:ü', bytes(4));
    first.done(a);
    // No close: the process is killed.
    const second = openJournal(dir);
    expect(second.leftovers).toEqual([
      { document: 'note:1', update: bytes(1, 2, 3) },
      { document: 'cohort-note:ü', update: bytes(4) },
    ]);
    second.forgetLeftovers();
    second.close();
    expect(files(dir)).toEqual([]);
    expect(openJournal(dir).leftovers).toEqual([]);
  });

  it('stops at a torn or corrupt record', () => {
    const dir = tempDir();
    const journal = openJournal(dir);
    journal.write('note:1', bytes(1));
    journal.write('note:2', bytes(2));
    const [file] = files(dir);
    const path = join(dir, file!);
    const whole = readFileSync(path);
    // A write cut short by the kill: half a record at the end.
    appendFileSync(path, whole.subarray(0, 7));
    expect(readSegment(readFileSync(path)).map((r) => r.document)).toEqual(['note:1', 'note:2']);
    // A flipped bit in the second record's update: its checksum fails, the replay ends before it.
    const flipped = Buffer.from(whole);
    flipped[flipped.length - 1]! ^= 1;
    writeFileSync(path, flipped);
    expect(readSegment(readFileSync(path)).map((r) => r.document)).toEqual(['note:1']);
    expect(readSegment(new Uint8Array([0, 0, 0, 200, 1, 2, 3, 4]))).toEqual([]);
  });

  it('begins a new segment past the size, and drops a full one once all its records are stored', () => {
    const dir = tempDir();
    const journal = openJournal(dir, 64);
    const first = [journal.write('note:1', new Uint8Array(40)), journal.write('note:1', new Uint8Array(40))];
    const next = journal.write('note:1', bytes(9));
    expect(files(dir)).toHaveLength(2);
    for (const entry of first) journal.done(entry);
    expect(files(dir)).toHaveLength(1);
    journal.done(next);
    journal.close();
    expect(files(dir)).toEqual([]);
  });
});

describe('the journaled store', () => {
  it('answers an append once journaled, stores it behind, and a reload waits for it', async () => {
    const dir = tempDir();
    const db = memoryStore();
    const store = createJournaledStore(db.store, openJournal(dir));
    await store.recovered;
    db.hold();
    await store.append('note:1', bytes(1));
    expect(db.rows).toEqual([]);
    const loading = store.load('note:1');
    db.release();
    expect(await loading).toEqual([bytes(1)]);
    await store.close();
    expect(files(dir)).toEqual([]);
  });

  it('retries a failing database until it stores the update', async () => {
    const db = memoryStore();
    const logged: string[] = [];
    const store = createJournaledStore(db.store, openJournal(tempDir()), { retryMs: 5, log: (l) => logged.push(l) });
    db.fail(2);
    await store.append('note:1', bytes(7));
    await store.idle();
    expect(db.rows).toEqual([{ document: 'note:1', update: bytes(7) }]);
    expect(logged).toEqual([expect.stringContaining('retrying in 5 ms'), expect.stringContaining('retrying in 10 ms')]);
    await store.close();
  });

  it('stores what a killed process left before any document loads, and keeps it while the database fails', async () => {
    const dir = tempDir();
    const killed = openJournal(dir);
    killed.write('note:1', bytes(1));
    killed.write('note:1', bytes(2));

    // The next start cannot reach the database: the leftovers stay journaled.
    const down = memoryStore();
    down.fail(Number.POSITIVE_INFINITY);
    const failing = createJournaledStore(down.store, openJournal(dir), { retryMs: 1, log: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await failing.close();
    const check = openJournal(dir);
    expect(check.leftovers).toHaveLength(2);
    check.close();

    const db = memoryStore();
    const store = createJournaledStore(db.store, openJournal(dir));
    expect(await store.load('note:1')).toEqual([bytes(1), bytes(2)]);
    expect(await store.recovered).toBe(2);
    await store.close();
    expect(files(dir)).toEqual([]);
  });
});
