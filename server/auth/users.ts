import type { Sql } from '../../edge/db/port.ts';

/** auth.users, as the auth service reads and writes it, and the User JSON GoTrue returns. */

type Timestamp = Date | string | null;

export interface UserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: Timestamp;
  confirmation_sent_at: Timestamp;
  recovery_sent_at: Timestamp;
  email_change: string | null;
  email_change_sent_at: Timestamp;
  last_sign_in_at: Timestamp;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
  banned_until: Timestamp;
  is_anonymous: boolean;
}

/** Every column the auth service reads, for `returning` clauses elsewhere in server/auth. */
export const USER_COLUMNS = `id, email, encrypted_password, email_confirmed_at, confirmation_sent_at, recovery_sent_at,
  email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, banned_until, is_anonymous`;

export const EMAIL_APP_METADATA = { provider: 'email', providers: ['email'] };

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>(`select ${USER_COLUMNS} from auth.users where lower(email) = lower($1)`, [
    email,
  ]);
  return rows[0] ?? null;
}

export async function findUserById(sql: Sql, id: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
  return rows[0] ?? null;
}

export interface NewUser {
  email: string;
  encryptedPassword: string;
  userMetadata: Record<string, unknown>;
  confirmed: boolean;
  now: Date;
}

/** Inserts a user; null when the email is taken (a concurrent sign-up won the race). */
export async function insertUser(sql: Sql, user: NewUser): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>(
    `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, confirmation_sent_at,
       last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ($1, 'authenticated', 'authenticated', $2, $3, $4, $5, $4, $6, $7, $8, $8)
     on conflict do nothing
     returning ${USER_COLUMNS}`,
    [
      crypto.randomUUID(),
      user.email,
      user.encryptedPassword,
      user.confirmed ? user.now : null,
      user.confirmed ? null : user.now,
      JSON.stringify(EMAIL_APP_METADATA),
      JSON.stringify(user.userMetadata),
      user.now,
    ],
  );
  return rows[0] ?? null;
}

/** Sets the given columns (names from this module only, never from input) and updated_at. */
export async function updateUser(sql: Sql, id: string, set: Record<string, unknown>, now: Date): Promise<UserRow> {
  const entries = Object.entries(set);
  const assignments = entries.map(([column], i) => `${column} = $${i + 3}`);
  const rows = await sql.query<UserRow>(
    `update auth.users set ${[...assignments, 'updated_at = $2'].join(', ')} where id = $1 returning ${USER_COLUMNS}`,
    [
      id,
      now,
      ...entries.map(([, v]) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v)),
    ],
  );
  return rows[0]!;
}

export function isConfirmed(user: UserRow): boolean {
  return user.email_confirmed_at !== null;
}

export function isBanned(user: UserRow, now: Date): boolean {
  return user.banned_until !== null && new Date(user.banned_until) > now;
}

function iso(value: Timestamp): string | undefined {
  return value === null ? undefined : new Date(value).toISOString();
}

/** GoTrue's User JSON (null timestamps are left out, as GoTrue's omitempty does). */
export function userJson(user: UserRow): Record<string, unknown> {
  const confirmedAt = iso(user.email_confirmed_at);
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: confirmedAt,
    phone: '',
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: confirmedAt,
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change ?? undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data,
    user_metadata: user.raw_user_meta_data,
    identities: [
      {
        identity_id: user.id,
        id: user.id,
        user_id: user.id,
        identity_data: {
          email: user.email,
          email_verified: confirmedAt !== undefined,
          phone_verified: false,
          sub: user.id,
        },
        provider: 'email',
        last_sign_in_at: iso(user.last_sign_in_at),
        created_at: iso(user.created_at),
        updated_at: iso(user.updated_at),
        email: user.email,
      },
    ],
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    is_anonymous: user.is_anonymous,
  };
}

/**
 * What a repeated sign-up sees when confirmation is on: a plausible, unconfirmed user with a
 * random id and no identities, so the response does not reveal whether the address exists
 * (GoTrue's sanitizeUser).
 */
export function obfuscatedUserJson(
  email: string,
  metadata: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(),
    aud: 'authenticated',
    role: 'authenticated',
    email,
    phone: '',
    confirmation_sent_at: at,
    app_metadata: EMAIL_APP_METADATA,
    user_metadata: metadata,
    identities: [],
    created_at: at,
    updated_at: at,
    is_anonymous: false,
  };
}
