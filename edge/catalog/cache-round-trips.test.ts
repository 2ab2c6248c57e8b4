// On PostgreSQL a catalog cache hit is one round trip: the version, read in one statement with
// the caller's role and claims (db.statementAsCaller), and no transaction at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { ids, makeEdgeHarness, TEST_SECRET, testPayments } from '../../tests/support/edge-harness.ts';
import { createApp } from '../app.ts';
import { hs256Verifier } from '../auth/jwt.ts';
import type { Caller, Database, Sql } from '../db/port.ts';
import type { PostgresDatabase } from '../db/postgres.ts';

describe('catalog cache round trips on PostgreSQL', () => {
  if (!TEST_DATABASE_URL) {
    // Locally without a PostgreSQL server the suite shows as skipped; CI always has one.
    if (globalThis.process?.env?.CI) throw new Error('CI must set TEST_DATABASE_URL');
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {}); // skip-reason: no PostgreSQL server here; CI sets TEST_DATABASE_URL and throws above without it
    return;
  }
  let test: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const calls: string[] = [];

  beforeAll(async () => {
    test = await freshPostgres();
    await makeEdgeHarness({ db: test.db }); // its fixture catalog; the app below counts calls
    const pg = test.db as PostgresDatabase;
    const counting: Database = {
      asCaller<T>(caller: Caller, fn: (sql: Sql) => Promise<T>) {
        calls.push('transaction');
        return pg.asCaller(caller, fn);
      },
      statementAsCaller<T>(caller: Caller, text: string) {
        calls.push(`statement: ${text}`);
        return pg.statementAsCaller<T>(caller, text);
      },
      asService: (fn) => pg.asService(fn),
    };
    app = createApp({
      db: counting,
      verifier: hs256Verifier(TEST_SECRET),
      publicConfig: () => ({
        mode: 'embedded',
        supabaseUrl: 'http://localhost:8787',
        supabaseAnonKey: 'anon-key',
        devOutbox: false,
      }),
      payments: testPayments(),
    });
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('reads the version alone on a hit, and loads in a transaction of its own on a miss', async () => {
    calls.length = 0;
    const first = await app.request('/api/courses/intro-to-html');
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(calls).toEqual([expect.stringContaining('private.catalog_version()'), 'transaction']);

    calls.length = 0;
    const second = await app.request('/api/courses/intro-to-html');
    expect(await second.text()).toBe(body);
    expect(calls).toEqual([expect.stringContaining('private.catalog_version()')]);

    // A change bumps the version: the next read misses and shows it.
    await test.db.asOwner((sql) =>
      sql.query(`update public.courses set title = 'Intro to HTML, revised' where id = $1`, [ids.free]),
    );
    calls.length = 0;
    const third = await app.request('/api/courses/intro-to-html');
    expect(((await third.json()) as { title: string }).title).toBe('Intro to HTML, revised');
    expect(calls).toEqual([expect.stringContaining('private.catalog_version()'), 'transaction']);
  });

  it('never caches an error: an unknown course is a 404 each time', async () => {
    for (let i = 0; i < 2; i++) {
      calls.length = 0;
      const res = await app.request('/api/courses/no-such-course');
      expect(res.status).toBe(404);
      expect(calls).toEqual([expect.stringContaining('private.catalog_version()'), 'transaction']);
    }
  });
});
