import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpBindings, type ServerType, serve } from '@hono/node-server';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Hono } from 'hono';
import { type Role, type SignedInRole, seedFixtures } from '../../supabase/tests/fixtures.ts';
import { fresh } from '../../tests/support/db.ts';
import { createAuthApp } from '../auth/app.ts';
import { anonKey } from '../auth/keys.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { HostDatabase } from '../db/types.ts';
import { drainAfterResponse } from '../drain.ts';
import { outboxMailer } from '../mail/outbox.ts';
import { createStorageApp, openStorage } from './app.ts';
import type { StorageContext } from './context.ts';

/**
 * A real host for the storage tests: /auth/v1 and /storage/v1 on an HTTP server on port 0, the
 * way the Node host serves them, over a migrated database holding the RLS fixtures
 * (supabase/tests/fixtures.ts), every fixture user with a password to sign in with.
 */

export const SECRET = 'storage-test-secret-storage-test-secret-0000';
export const PASSWORD = 'correct horse battery';
/** A small server-wide cap, so limits can be crossed cheaply. */
export const MAX_FILE_SIZE = 8 * 1024 * 1024;

export class Clock {
  #ms = Date.now();
  now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export interface StorageHost {
  url: string;
  key: string;
  db: HostDatabase;
  root: string;
  clock: Clock;
  ctx: StorageContext;
  /** A supabase-js client signed in as `role` (anon: the anon key only). */
  as(role: Role): Promise<SupabaseClient>;
  /** The signed-in user's access token. */
  token(role: SignedInRole): Promise<string>;
  close(): Promise<void>;
}

export async function startStorageHost(engine: 'pglite' | 'postgres'): Promise<StorageHost> {
  const t = await fresh(engine);
  const db = t.db;
  await seedFixtures(db);
  const hash = await hashPassword(PASSWORD);
  await db.asOwner((sql) =>
    sql.query('update auth.users set encrypted_password = $1, email_confirmed_at = now()', [hash]),
  );
  const root = mkdtempSync(join(tmpdir(), 'lms-storage-'));
  const clock = new Clock();
  const deps = { db, jwtSecret: SECRET, root, maxFileSize: MAX_FILE_SIZE, now: clock.now };
  const ctx = await openStorage(deps);
  const host = new Hono();
  host.route(
    '/auth/v1',
    createAuthApp({
      db,
      jwtSecret: SECRET,
      jwtExpirySeconds: 3600,
      siteUrl: 'http://localhost:8787',
      autoconfirm: true,
      signinLimit: 50,
      mailer: outboxMailer(db),
    }),
  );
  host.route('/', await createStorageApp(deps, ctx));
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        autoCleanupIncoming: false,
        fetch: (req, raw) => {
          const bindings = raw as HttpBindings;
          drainAfterResponse(bindings.incoming, bindings.outgoing);
          req.headers.set('x-real-ip', bindings.incoming.socket?.remoteAddress ?? 'unknown');
          return host.fetch(req, bindings);
        },
      },
      () => resolve(s),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await anonKey(SECRET);
  const client = () =>
    createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });
  const sessions = new Map<SignedInRole, SupabaseClient>();
  const signedIn = async (role: SignedInRole) => {
    let c = sessions.get(role);
    if (!c) {
      c = client();
      const { error } = await c.auth.signInWithPassword({ email: `${role}@example.test`, password: PASSWORD });
      if (error) throw new Error(`sign-in as ${role} failed: ${error.message}`);
      sessions.set(role, c);
    }
    return c;
  };
  return {
    url,
    key,
    db,
    root,
    clock,
    ctx,
    as: async (role) => (role === 'anon' ? client() : signedIn(role)),
    token: async (role) => (await (await signedIn(role)).auth.getSession()).data.session!.access_token,
    async close() {
      (server as Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.drop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
