import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { HostDatabase } from '../db/types.ts';
import { createYjsServer, type YjsServer, type YjsServerOptions } from './server.ts';

/**
 * The shared-notes tests' world: real users, a course with one lesson, access tokens signed
 * with the test secret, and a Yjs server on a free port; y-websocket's real client talks to it.
 */

export const SECRET = 'yjs-test-secret-yjs-test-secret-yjs-test';

export interface World {
  lesson: string;
  course: string;
  instructor: string;
  learner: string;
  learner2: string;
  outsider: string;
}

/** Users (profiles come from the auth.users trigger), a published course and lesson, two enrollments. */
export async function createWorld(db: HostDatabase): Promise<World> {
  return db.asOwner(async (sql) => {
    const ids: string[] = [];
    for (const name of ['instructor', 'learner', 'learner2', 'outsider']) {
      const [u] = await sql.query<{ id: string }>(
        `insert into auth.users (id, email, raw_user_meta_data)
         values (gen_random_uuid(), $1 || '-' || gen_random_uuid() || '@yjs.test', jsonb_build_object('first_name', $1::text))
         returning id`,
        [name],
      );
      ids.push(u!.id);
    }
    const [instructor, learner, learner2, outsider] = ids as [string, string, string, string];
    const [card] = await sql.query<{ id: string }>(
      `insert into public.instructors (user_id, display_name) values ($1, 'Teacher') returning id`,
      [instructor],
    );
    const [course] = await sql.query<{ id: string }>(
      `insert into public.courses (slug, title, instructor_id, status, price_amount)
       values ('yjs-' || gen_random_uuid(), 'Notes course', $1, 'published', 0) returning id`,
      [card!.id],
    );
    const [section] = await sql.query<{ id: string }>(
      `insert into public.sections (course_id, title, position) values ($1, 'Basics', 1) returning id`,
      [course!.id],
    );
    const [lesson] = await sql.query<{ id: string }>(
      `insert into public.lessons (course_id, section_id, title, position) values ($1, $2, 'Notes', 1) returning id`,
      [course!.id, section!.id],
    );
    for (const user of [learner, learner2]) {
      await sql.query(`insert into public.enrollments (user_id, course_id, source) values ($1, $2, 'free')`, [
        user,
        course!.id,
      ]);
    }
    return { lesson: lesson!.id, course: course!.id, instructor, learner, learner2, outsider };
  });
}

/** An access token as the auth service signs it (HS256, the test secret). */
export function tokenFor(user: string, expiresInSeconds = 3600, secret = SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', aud: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

export interface TestServer {
  url: string;
  yjs: YjsServer;
  close(): Promise<void>;
}

export async function startYjs(
  db: HostDatabase,
  options: Omit<YjsServerOptions, 'db' | 'jwtSecret'> = {},
): Promise<TestServer> {
  const yjs = createYjsServer({ db, jwtSecret: SECRET, ...options });
  const http: Server = createServer((_req, res) => res.writeHead(404).end());
  yjs.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    yjs,
    async close() {
      await yjs.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A y-websocket client on `${base}/yjs/<document>?token=...`, resolved once synced. */
export async function provider(base: string, document: string, token: string): Promise<WebsocketProvider> {
  const p = new WebsocketProvider(`${base}/yjs`, document, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    resyncInterval: -1,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${document}: not synced in 10 s`)), 10_000);
    p.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return p;
}

/** The HTTP status an upgrade to `url` is refused with (or 101 when it is accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.terminate();
    });
    ws.on('error', (err) => reject(err));
  });
}

/** Polls `check` until it holds (or throws after `ms`). */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
