// Deno lane: the Edge Function's app on real Deno against real PostgreSQL (CI always has it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from '../../../tests/support/db.ts';
import { ids, makeEdgeHarness, TEST_SECRET } from '../../../tests/support/edge-harness.ts';
import { buildFunction } from './app.ts';

const env = (url: string) => ({
  SUPABASE_URL: 'https://project.supabase.co',
  SUPABASE_ANON_KEY: 'anon-key-anon-key-anon-key',
  SUPABASE_DB_URL: url,
  JWT_SECRET: TEST_SECRET,
  SITE_URL: 'https://learn.example.com',
  STRIPE_WEBHOOK_SECRET: 'whsec_test_function_secret_0123456789',
  // A test key only (a P-256 private JWK).
  CERTIFICATE_SIGNING_KEY:
    '{"kty":"EC","crv":"P-256","x":"XYRXI3IHZCyV_dYlQ4xZy6fIiiGXJy0tGacE12KeYqY","y":"kffTqB4VgIT6vDthxp5UiSvAvK4W_qR7ZOX39I9wI5g","d":"uJohFivTDSV3OaWmA3txsLcxkqM9yzQt22svyBvlfdc"}',
});

describe('the api Edge Function', () => {
  it('refuses to start with a clear message when its environment is incomplete', async () => {
    await expect(buildFunction({ SUPABASE_URL: 'https://x.supabase.co' })).rejects.toThrow(/SUPABASE_DB_URL/);
  });
});

describe('the api Edge Function on PostgreSQL', () => {
  if (!TEST_DATABASE_URL) {
    // Locally without a PostgreSQL server this suite is not registered; CI always has one.
    if (globalThis.process?.env?.CI) throw new Error('CI must set TEST_DATABASE_URL');
    return;
  }
  let test: TestDatabase;
  let fn: Awaited<ReturnType<typeof buildFunction>>;
  beforeAll(async () => {
    test = await freshPostgres();
    await makeEdgeHarness({ db: test.db }); // loads the fixture catalog
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${(await test.db.asOwner((sql) => sql.query<{ d: string }>('select current_database() as d')))[0]!.d}`;
    fn = await buildFunction(env(url.toString()));
  });
  afterAll(async () => {
    await fn?.close();
    await test?.drop();
  });

  it('serves the catalog and its Supabase-mode config', async () => {
    const courses = await (await fn.app.request('/api/courses')).json();
    expect(courses.total).toBe(3);
    const config = await (await fn.app.request('/api/config')).json();
    expect(config).toEqual({
      mode: 'supabase',
      supabaseUrl: 'https://project.supabase.co',
      supabaseAnonKey: 'anon-key-anon-key-anon-key',
      devOutbox: false,
    });
  });

  it('enrolls a signed-in learner as that learner', async () => {
    const { signToken } = await import('../../../tests/support/edge-harness.ts');
    const token = await signToken({ sub: ids.other, role: 'authenticated' });
    const res = await fn.app.request('/api/enrollments', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ courseId: ids.free }),
    });
    expect(res.status).toBe(201);
  });
});
