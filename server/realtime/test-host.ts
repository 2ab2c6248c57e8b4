import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HttpBindings, type ServerType, serve } from '@hono/node-server';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { testPayments } from '../../tests/support/edge-harness.ts';
import { createHostApp } from '../app.ts';
import { anonKey, serviceRoleKey } from '../auth/keys.ts';
import type { HostDatabase } from '../db/types.ts';
import { parseEnv } from '../env.ts';
import type { RealtimeLimits } from './limits.ts';
import { createRealtime, type RealtimeOptions, type RealtimeService } from './service.ts';

/**
 * A real host for the Realtime tests: the whole host app (auth at /auth/v1, REST broadcast at
 * /realtime/v1) and the WebSocket endpoint on one HTTP server on a free port, over a database
 * the test file owns. The real supabase-js client talks to it.
 */

export const SECRET = 'realtime-test-secret-realtime-test-secret';
export const PASSWORD = 'correct horse battery';

export interface TestHost {
  url: string;
  key: string;
  serviceKey: string;
  db: HostDatabase;
  realtime: RealtimeService;
  /** A client that is not signed in (the anon key). */
  anon(): SupabaseClient;
  /** Signs up (autoconfirmed) and signs in a new user; the client's realtime carries its token. */
  user(name: string): Promise<{ client: SupabaseClient; id: string; token: string }>;
  close(): Promise<void>;
}

let users = 0;

export async function startHost(
  db: HostDatabase,
  limits?: Partial<RealtimeLimits>,
  options: Pick<RealtimeOptions, 'presenceHeartbeatMs'> = {},
): Promise<TestHost> {
  const realtime = await createRealtime({ db, jwtSecret: SECRET, limits, graceMs: 2_000, ...options });
  const app = await createHostApp({
    env: parseEnv({ DATA_DIR: '/tmp/unused', AUTH_SIGNIN_LIMIT: '1000' }),
    siteUrl: 'http://localhost:8787',
    port: 8787,
    db,
    jwtSecret: SECRET,
    webRoot: '/nonexistent',
    realtime,
    payments: testPayments(),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        fetch: (req, raw) => {
          const bindings = raw as HttpBindings;
          req.headers.set('x-real-ip', bindings.incoming.socket?.remoteAddress ?? 'unknown');
          return app.fetch(req, bindings);
        },
      },
      () => resolve(s),
    );
  });
  realtime.attach(server as Server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await anonKey(SECRET);
  const clients: SupabaseClient[] = [];
  const client = () => {
    const c = createClient(url, key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    });
    clients.push(c);
    return c;
  };
  return {
    url,
    key,
    serviceKey: await serviceRoleKey(SECRET),
    db,
    realtime,
    anon: client,
    async user(name) {
      const c = client();
      const email = `${name}-${process.pid}-${++users}@realtime.test`;
      const { data, error } = await c.auth.signUp({ email, password: PASSWORD });
      if (error || !data.session || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
      await c.realtime.setAuth(data.session.access_token);
      return { client: c, id: data.user.id, token: data.session.access_token };
    },
    async close() {
      await Promise.all(clients.map((c) => c.removeAllChannels()));
      await realtime.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Outcome = { status: string; error?: string };

/** Subscribes and resolves with the first settled status (SUBSCRIBED, CHANNEL_ERROR, ...). */
export function subscribed(channel: RealtimeChannel): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    channel.subscribe((status, err) => {
      if (settled) return;
      settled = true;
      resolve({ status, error: err?.message });
    });
  });
}

/** Resolves with the first value `register` hands to its callback, or rejects after `ms`. */
export function next<T>(register: (done: (value: T) => void) => void, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing arrived in ${ms} ms`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Waits `ms`: for asserting that something did NOT arrive. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** The course world of the tests, written as the owner: ids by role. */
export async function courseWorld(
  db: HostDatabase,
  people: { instructor: string; learner: string; companyAdmin?: string; employee?: string },
): Promise<{ course: string; company: string; session: string }> {
  return db.asOwner(async (sql) => {
    const [card] = await sql.query<{ id: string }>(
      `insert into public.instructors (user_id, display_name) values ($1, 'Teacher') returning id`,
      [people.instructor],
    );
    const [course] = await sql.query<{ id: string }>(
      `insert into public.courses (slug, title, instructor_id, status, price_amount)
       values ('rt-' || gen_random_uuid(), 'Realtime course', $1, 'published', 0) returning id`,
      [card!.id],
    );
    await sql.query(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free')`, [
      people.learner,
      course!.id,
    ]);
    const [company] = await sql.query<{ id: string }>(
      `insert into public.companies (slug, name) values ('rt-' || gen_random_uuid(), 'Co') returning id`,
    );
    for (const [user, role] of [
      [people.companyAdmin, 'admin'],
      [people.employee, 'employee'],
    ] as const) {
      if (user) {
        await sql.query('insert into public.company_members (company_id, user_id, role) values ($1, $2, $3)', [
          company!.id,
          user,
          role,
        ]);
      }
    }
    const [session] = await sql.query<{ id: string }>(
      `insert into public.live_sessions (course_id, title, starts_at, created_by)
       values ($1, 'Office hours', now(), $2) returning id`,
      [course!.id, people.instructor],
    );
    return { course: course!.id, company: company!.id, session: session!.id };
  });
}
