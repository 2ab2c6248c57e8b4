import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { createPgYjsStore } from './pg-store.ts';

describe.each(engines())('the Postgres Yjs store on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await fresh(engine);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const rows = async (document: string) => {
    const [row] = await t.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from private.yjs_updates where document = $1', [document]),
    );
    return row!.n;
  };

  it('loads what was appended, in order, and compacts past the threshold without losing anything', async () => {
    const store = createPgYjsStore(t.db, 5);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 12; i++) source.getText('t').insert(0, `${i},`);
    for (const u of updates) {
      await store.append('cohort-note:test', u);
      await store.idle();
    }
    expect(await rows('cohort-note:test')).toBeLessThanOrEqual(6);
    const copy = new Y.Doc();
    for (const u of await store.load('cohort-note:test')) Y.applyUpdate(copy, u);
    expect(copy.getText('t').toString()).toBe(source.getText('t').toString());
    expect(await store.load('cohort-note:other')).toEqual([]);
  });

  it('counts what load read: a document reopened past the threshold is compacted at its next append', async () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 6; i++) source.getText('t').insert(0, `${i},`);
    const before = createPgYjsStore(t.db, 1000);
    for (const u of updates.slice(0, 5)) await before.append('cohort-note:reopened', u);
    const store = createPgYjsStore(t.db, 5);
    expect(await store.load('cohort-note:reopened')).toHaveLength(5);
    await store.append('cohort-note:reopened', updates[5]!);
    await store.idle();
    expect(await rows('cohort-note:reopened')).toBe(1);
    const copy = new Y.Doc();
    for (const u of await store.load('cohort-note:reopened')) Y.applyUpdate(copy, u);
    expect(copy.getText('t').toString()).toBe(source.getText('t').toString());
  });

  it('writes the appends that wait for a write in one statement, each document in order', async () => {
    let transactions = 0;
    const counted: typeof t.db = {
      ...t.db,
      asOwner: (fn) => {
        transactions++;
        return t.db.asOwner(fn);
      },
    };
    const store = createPgYjsStore(counted, 1000);
    const documents = ['cohort-note:batch-a', 'cohort-note:batch-b', 'cohort-note:batch-c'];
    const sources = documents.map(() => new Y.Doc());
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      for (const [k, source] of sources.entries()) {
        const before = Y.encodeStateVector(source);
        source.getText('t').insert(source.getText('t').length, `${i},`);
        appends.push(store.append(documents[k]!, Y.encodeStateAsUpdate(source, before)));
      }
    }
    await Promise.all(appends);
    expect(transactions).toBeLessThanOrEqual(3);
    for (const [k, document] of documents.entries()) {
      expect(await rows(document)).toBe(30);
      const copy = new Y.Doc();
      for (const u of await store.load(document)) Y.applyUpdate(copy, u);
      expect(copy.getText('t').toString()).toBe(sources[k]!.getText('t').toString());
    }
  });

  it("is the owner's alone: request roles cannot read the log", async () => {
    const denied = await t.db
      .asCaller({ role: 'authenticated', claims: { sub: crypto.randomUUID(), role: 'authenticated' } }, (sql) =>
        sql.query('select * from private.yjs_updates'),
      )
      .then(
        () => 'read',
        (err: { code?: string }) => err.code,
      );
    expect(denied).toBe('42501');
  });
});
