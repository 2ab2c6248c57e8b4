import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { fresh } from '../../../tests/support/db.ts';
import type { HostDatabase } from '../../db/types.ts';
import { type OutboxMail, outboxMailer } from '../../mail/outbox.ts';
import { type AuthDeps, createAuthApp } from '../app.ts';

export const SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const SITE = 'http://localhost:8787';
export const PASSWORD = 'correct horse battery';

/** A clock tests can move: the auth app reads it through deps.now. */
export class Clock {
  #ms = Date.now();
  now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export interface Harness {
  app: Hono;
  db: HostDatabase;
  clock: Clock;
  outbox(): Promise<OutboxMail[]>;
  /** A JSON request to the auth app, as auth-js sends it (API version 2024-01-01 unless told). */
  call(
    method: string,
    path: string,
    init?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

/**
 * One migrated database per test file and engine (PGlite; PostgreSQL too when
 * TEST_DATABASE_URL is set, as in CI). Each `setup()` empties the auth tables and the outbox
 * and builds a fresh app (fresh rate limiters, fresh clock).
 */
export function useAuthDb(engine: 'pglite' | 'postgres'): (overrides?: Partial<AuthDeps>) => Promise<Harness> {
  let db: HostDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const t = await fresh(engine);
    db = t.db;
    drop = t.drop;
  });
  afterAll(async () => {
    await drop?.();
  });
  return async (overrides = {}) => {
    await db.asOwner(async (sql) => {
      await sql.query('delete from auth.users');
      await sql.query('delete from auth.flow_state');
      await sql.query('delete from private.mail_outbox');
    });
    return harness(db, overrides);
  };
}

function harness(db: HostDatabase, overrides: Partial<AuthDeps>): Harness {
  const mailer = outboxMailer(db);
  const clock = new Clock();
  const app = createAuthApp({
    db,
    jwtSecret: SECRET,
    jwtExpirySeconds: 3600,
    siteUrl: SITE,
    autoconfirm: true,
    signinLimit: 10,
    mailer,
    now: clock.now,
    ...overrides,
  });
  return {
    app,
    db,
    clock,
    outbox: () => mailer.list(),
    call(method, path, init = {}) {
      const headers: Record<string, string> = {
        'x-supabase-api-version': '2024-01-01',
        'x-real-ip': '203.0.113.7',
        ...init.headers,
      };
      if (init.body !== undefined) headers['content-type'] ??= 'application/json';
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const body =
        init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
  };
}

export interface Session {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  expires_at: number;
  token_type: string;
  user: { id: string; email: string; user_metadata: Record<string, unknown>; app_metadata: Record<string, unknown> };
}

export async function signUp(
  h: Harness,
  email: string,
  password = PASSWORD,
  data?: Record<string, unknown>,
): Promise<Session> {
  const res = await h.call('POST', '/signup', { body: { email, password, data } });
  if (res.status !== 200) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

export async function signIn(h: Harness, email: string, password = PASSWORD): Promise<Session> {
  const res = await h.call('POST', '/token?grant_type=password', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

/** The token in the newest mail's link for `param` (token or token_hash). */
export function linkToken(mail: OutboxMail, param: 'token' | 'token_hash'): string {
  const match = new RegExp(`[?&]${param}=([^&\\s]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${param} in mail: ${mail.text}`);
  return decodeURIComponent(match[1]!);
}

export async function count(db: HostDatabase, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await db.asOwner((sql) =>
    sql.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params),
  );
  return rows[0]!.n;
}
