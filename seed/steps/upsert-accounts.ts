/**
 * Demo accounts in auth.users and their public.profiles rows, shared by the accounts and the
 * admin account steps. Existing accounts keep their password; names and roles are restored.
 */
import type { Sql } from '../../edge/db/port.ts';
import type { AccountSeed } from '../data/index.ts';
import { ids } from '../ids.ts';

async function accountIds(sql: Sql, emails: string[]): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; email: string }>(
    'select id, lower(email) as email from auth.users where lower(email) = any($1::text[])',
    [emails.map((e) => e.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Inserts missing auth users (with the demo password) and sets the demo profiles' names and
 * roles. Returns how many users it created.
 */
export async function upsertAccounts(sql: Sql, accounts: AccountSeed[], hash: () => Promise<string>, now: Date) {
  const existing = await accountIds(
    sql,
    accounts.map((a) => a.email),
  );
  const missing = accounts.filter((a) => !existing.has(a.email.toLowerCase()));
  if (missing.length) {
    const encrypted = await hash();
    const at = now.toISOString();
    for (const a of missing) {
      // The profile comes from the on_auth_user_created trigger (always as a student).
      await sql.query(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                 raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, $3, $4,
                 '{"provider":"email","providers":["email"]}'::jsonb, $5::jsonb, $4, $4)
         on conflict do nothing`,
        [ids.user(a.email), a.email, encrypted, at, JSON.stringify({ first_name: a.firstName, last_name: a.lastName })],
      );
    }
    await supabaseAuthCompat(
      sql,
      missing.map((a) => ids.user(a.email)),
      at,
    );
  }
  const byEmail = await accountIds(
    sql,
    accounts.map((a) => a.email),
  );
  for (const a of accounts) {
    const id = byEmail.get(a.email.toLowerCase());
    if (!id) throw new Error(`demo account ${a.email} could not be created`);
    await sql.query(
      `insert into public.profiles (id, email, first_name, last_name, role)
       values ($1, $2, $3, $4, $5::public.app_role)
       on conflict (id) do update
         set first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role
         where (profiles.first_name, profiles.last_name, profiles.role)
               is distinct from (excluded.first_name, excluded.last_name, excluded.role)`,
      [id, a.email, a.firstName, a.lastName, a.role],
    );
  }
  return { created: missing.length, byEmail };
}

/**
 * On a real Supabase database, GoTrue needs an email identity per user and '' rather than
 * NULL in its token columns. Those tables and columns do not exist in the embedded compat
 * schema, so each part runs only where they exist.
 */
async function supabaseAuthCompat(sql: Sql, userIds: string[], at: string) {
  const cols = await sql.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'auth' and table_name in ('users', 'identities')`,
  );
  const has = (table: string, column: string) => cols.some((c) => c.table_name === table && c.column_name === column);
  const tokenColumns = [
    'confirmation_token',
    'recovery_token',
    'email_change',
    'email_change_token_new',
    'email_change_token_current',
    'phone_change',
    'phone_change_token',
    'reauthentication_token',
  ].filter((c) => has('users', c));
  if (tokenColumns.length) {
    const sets = tokenColumns.map((c) => `${c} = coalesce(${c}, '')`).join(', ');
    await sql.query(`update auth.users set ${sets} where id = any($1::uuid[])`, [userIds]);
  }
  if (['provider_id', 'user_id', 'identity_data', 'provider'].every((c) => has('identities', c))) {
    await sql.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       select u.id::text, u.id,
              jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
              'email', $2::timestamptz, $2::timestamptz, $2::timestamptz
       from auth.users u where u.id = any($1::uuid[])
       on conflict do nothing`,
      [userIds, at],
    );
  }
}
