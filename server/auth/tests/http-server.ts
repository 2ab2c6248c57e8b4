import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { Hono } from 'hono';
import { afterEach } from 'vitest';
import { freshPglite } from '../../../tests/support/db.ts';
import type { HostDatabase } from '../../db/types.ts';
import { outboxMailer } from '../../mail/outbox.ts';
import { type AuthDeps, createAuthApp } from '../app.ts';
import { anonKey } from '../keys.ts';
import { Clock, SECRET } from './support.ts';

/**
 * The auth app mounted at /auth/v1 on a real HTTP server (PGlite behind it), the way the Node
 * host mounts it, for the real @supabase/supabase-js client, plain fetch and Chromium.
 */

export interface Server {
  url: string;
  db: HostDatabase;
  clock: Clock;
  outbox: ReturnType<typeof outboxMailer>;
  key: string;
  client(options?: { flowType?: 'pkce' | 'implicit' }): SupabaseClient;
  /** A mail link (http://localhost:8787/...) from the outbox, pointed at this server. */
  local(link: string): string;
}

let running: { server: ServerType; db: HostDatabase } | undefined;

afterEach(async () => {
  if (!running) return;
  const { server, db } = running;
  running = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
});

/** One server per test; it is closed (and its database dropped) after the test. */
export async function start(opts: Partial<Omit<AuthDeps, 'db' | 'mailer' | 'now'>> = {}): Promise<Server> {
  const { db } = await freshPglite();
  const clock = new Clock();
  const outbox = outboxMailer(db);
  const host = new Hono();
  // What the Node host does: the client address comes from the socket, never from headers.
  host.use('*', async (c, next) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set('x-real-ip', getConnInfo(c).remote.address ?? 'unknown');
    c.req.raw = new Request(c.req.raw, { headers });
    await next();
  });
  host.get('/', (c) => c.html('<!doctype html><title>lms</title><p>test page</p>'));
  const auth = createAuthApp({
    jwtSecret: SECRET,
    jwtExpirySeconds: 3600,
    siteUrl: 'http://localhost:8787',
    autoconfirm: true,
    signinLimit: 10,
    ...opts,
    db,
    mailer: outbox,
    now: clock.now,
  });
  host.route('/auth/v1', auth);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  running = { server, db };
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await anonKey(SECRET);
  return {
    url,
    db,
    clock,
    outbox,
    key,
    client: (options = {}) =>
      createClient(url, key, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...options },
      }),
    local: (link) => {
      const u = new URL(link);
      return `${url}${u.pathname}${u.search}`;
    },
  };
}
