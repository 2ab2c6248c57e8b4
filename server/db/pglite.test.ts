import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { beginAsSql } from './pglite.ts';

/**
 * The PGlite adapter runs its own transactions (BEGIN with the caller's role and claims in one
 * call): what a request sees must be what SET_CALLER_SQL gives on PostgreSQL, and one request's
 * failure or turn never leaks into another's.
 */
describe('the PGlite adapter', () => {
  let t: TestDatabase;
  const user = '00000000-0000-4000-8000-0000000000a1';
  beforeAll(async () => {
    t = await freshPglite();
    await t.db.asOwner(async (sql) => {
      await sql.query('create table public.adapter_probe (n integer primary key)');
      await sql.query('grant select, insert on public.adapter_probe to authenticated, service_role');
    });
  });
  afterAll(() => t.drop());

  const whoAmI = (sql: { query<T>(text: string, params?: unknown[]): Promise<T[]> }) =>
    sql.query<{ role: string; claims: string; uid: string | null; jit: string }>(
      `select current_user::text as role, current_setting('request.jwt.claims', true) as claims,
              auth.uid()::text as uid, current_setting('jit') as jit`,
    );

  it('sets the role and claims of each kind of caller, quotes and backslashes intact', async () => {
    const claims = {
      sub: user,
      role: 'authenticated' as const,
      email: "o'brien\\x@demo.test",
      user_metadata: { name: "O'Brien'); drop table public.adapter_probe; --" },
    };
    const [signedIn] = await t.db.asCaller({ role: 'authenticated', claims }, whoAmI);
    expect(signedIn).toMatchObject({ role: 'authenticated', uid: user, jit: 'off' });
    expect(JSON.parse(signedIn!.claims)).toEqual(claims);
    const [anon] = await t.db.asCaller({ role: 'anon' }, whoAmI);
    expect(anon).toMatchObject({ role: 'anon', uid: null });
    const [service] = await t.db.asService(whoAmI);
    expect(service).toMatchObject({ role: 'service_role' });
    expect(JSON.parse(service!.claims)).toEqual({ role: 'service_role' });
    // The probe table is still there: the claims were data, never SQL.
    await expect(t.db.asOwner((sql) => sql.query('select count(*) from public.adapter_probe'))).resolves.toHaveLength(
      1,
    );
  });

  it('leaves no role or claims behind for the next transaction', async () => {
    await t.db.asService(whoAmI);
    const [owner] = await t.db.asOwner(whoAmI);
    expect(owner!.role).not.toBe('service_role');
    expect(owner!.claims ?? '').toBe('');
  });

  it('rolls a failed transaction back and answers the next one normally', async () => {
    await expect(
      t.db.asService(async (sql) => {
        await sql.query('insert into public.adapter_probe values (1)');
        await sql.query('select 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    await expect(
      t.db.asService(async (sql) => {
        await sql.query('insert into public.adapter_probe values (2)');
        try {
          await sql.query('select 1/0');
        } catch {
          // a caller that swallows the error still does not commit half a transaction
        }
      }),
    ).rejects.toThrow(/aborted/);
    const rows = await t.db.asOwner((sql) => sql.query<{ n: number }>('select n from public.adapter_probe order by n'));
    expect(rows).toEqual([]);
  });

  it('refuses a suspended account and rolls back', async () => {
    await t.db.asOwner(async (sql) => {
      await sql.query(
        `insert into auth.users (id, email, raw_user_meta_data) values ($1, 'suspended@demo.test', '{}'::jsonb)`,
        [user],
      );
      await sql.query('update public.profiles set suspended_at = now() where id = $1', [user]);
    });
    const claims = { sub: user, role: 'authenticated' as const };
    await expect(
      t.db.asCaller({ role: 'authenticated', claims }, (sql) =>
        sql.query('insert into public.adapter_probe values (3)'),
      ),
    ).rejects.toThrow(/suspended/);
    await expect(t.db.asOwner((sql) => sql.query('select 1 from public.adapter_probe'))).resolves.toEqual([]);
  });

  it('runs concurrent transactions one after another, never interleaved', async () => {
    const order: string[] = [];
    const slow = t.db.asOwner(async (sql) => {
      order.push('a:start');
      await sql.query('insert into public.adapter_probe values (10)');
      await new Promise((r) => setTimeout(r, 30));
      await sql.query('select 1/0');
    });
    const fast = t.db.asOwner(async (sql) => {
      order.push('b:start');
      return sql.query<{ n: number }>('select n from public.adapter_probe');
    });
    await expect(slow).rejects.toThrow();
    // b ran after a's rollback: it never saw a's uncommitted row.
    await expect(fast).resolves.toEqual([]);
    expect(order).toEqual(['a:start', 'b:start']);
  });

  it('refuses a handle kept past its transaction', async () => {
    let kept: { query(text: string): Promise<unknown> } | null = null;
    await t.db.asService(async (sql) => {
      kept = sql;
    });
    await expect(kept!.query('insert into public.adapter_probe values (20)')).rejects.toThrow(/closed/);
    await expect(t.db.asOwner((sql) => sql.query('select 1 from public.adapter_probe'))).resolves.toEqual([]);
  });

  it('writes only the three known roles into its BEGIN', () => {
    expect(() => beginAsSql(["postgres'; --", '{}'])).toThrow(/unknown role/);
    expect(beginAsSql(['anon', `{"a":"it's"}`])).toContain(`'{"a":"it''s"}'`);
  });
});
