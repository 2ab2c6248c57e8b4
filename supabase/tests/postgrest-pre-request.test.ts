import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { seedFixtures, USER } from './fixtures.ts';

/**
 * Supabase mode: PostgREST refuses a suspended account's tokens too
 * (supabase/migrations/20261129000700_postgrest_pre_request.sql). Where an `authenticator` role
 * exists (Supabase's PostgREST logs in as it), the migration names private.assert_active_caller as
 * its db_pre_request; PostgREST then runs it as the request's role after setting the claims, as here.
 * On PGlite only: a role is cluster-wide on PostgreSQL, and this test creates one.
 */

const MIGRATION = new URL('../migrations/20261129000700_postgrest_pre_request.sql', import.meta.url);

describe('PostgREST pre-request check', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshPglite();
    await seedFixtures(t.db);
  }, 120_000);
  afterAll(() => t?.drop());

  it("sets the authenticator's db_pre_request when that role exists", async () => {
    const sql = readFileSync(MIGRATION, 'utf8');
    const config = await t.db.asOwner(async (q) => {
      await q.query('create role authenticator noinherit nologin');
      await q.query(sql);
      return q.query<{ setting: string }>(
        "select unnest(rolconfig) as setting from pg_catalog.pg_roles where rolname = 'authenticator'",
      );
    });
    expect(config).toEqual([{ setting: 'pgrst.db_pre_request=private.assert_active_caller' }]);
  });

  it("refuses a suspended caller's request the way PostgREST runs the hook, and passes others", async () => {
    const asRequest = (user: string) =>
      t.db.asOwner(async (q) => {
        await q.query('begin');
        try {
          await q.query(
            "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
            [JSON.stringify({ sub: user, role: 'authenticated' })],
          );
          return await q.query<{ ok: boolean }>('select private.assert_active_caller() as ok');
        } finally {
          await q.query('rollback');
        }
      });
    expect(await asRequest(USER.student)).toEqual([{ ok: true }]);
    await t.db.asOwner((q) => q.query('update public.profiles set suspended_at = now() where id = $1', [USER.student]));
    await expect(asRequest(USER.student)).rejects.toMatchObject({ hint: '401:account_suspended' });
    expect(await asRequest(USER.otherStudent)).toEqual([{ ok: true }]);
  });
});
