import { chmodSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/data/accounts.ts';
import { type RunningServer, startExpectingFailure, startServer, tempDataDir } from '../support/server.ts';

/** The embedded host's life cycle: one process per data dir, clean shutdown, data kept. */

let data: ReturnType<typeof tempDataDir>;
let server: RunningServer | undefined;

beforeAll(() => {
  data = tempDataDir();
  // A data dir left world-readable by an older version (or a loose umask): the start fixes it.
  chmodSync(data.dir, 0o755);
  writeFileSync(join(data.dir, 'notes.txt'), 'old', { mode: 0o644 });
  chmodSync(join(data.dir, 'notes.txt'), 0o644);
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  data.remove();
});

/** Every entry under `dir` (dir included) whose mode lets group or others in. */
function notPrivate(dir: string): string[] {
  const loose: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) loose.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return loose;
}

function signIn(url: string, email: string, password: string) {
  return fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(url: string, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Uploads `total` bytes slowly (as a phone on a slow network would) on a raw socket, after
 * headers that declare them, then asks for /api/health on the same connection. Resolves with
 * everything the server sent, or with the socket error the client saw.
 */
function slowUploadThenHealth(url: string, total: number, ms: number): Promise<{ received: string; error?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let error: string | undefined;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (/\r\n\r\n\{"status":"ok"\}/.test(received)) socket.end();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    socket.on('close', () => resolve({ received, error }));
    socket.write(
      `POST /api/enrollments HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(16 * 1024, 120);
    const steps = Math.ceil(total / chunk.length);
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) return clearInterval(timer);
      const size = Math.min(chunk.length, total - sent);
      socket.write(chunk.subarray(0, size));
      sent += size;
      if (sent >= total) {
        clearInterval(timer);
        socket.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
      }
    }, ms / steps);
  });
}

async function signUp(url: string, email: string) {
  return fetch(`${url}/auth/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'keep-me-safe-1' }),
  });
}

describe('the embedded host', () => {
  it('starts on the embedded default, seeds, and prints its URL and the demo accounts', async () => {
    server = await startServer({ DATA_DIR: data.dir });
    const out = server.output();
    expect(out).toMatch(/running at http:\/\/localhost:\d+/);
    expect(out).toContain('student@demo.test');
    expect(out).toMatch(/password: \S+/);
    expect(out).toMatch(/2 file\(s\) in \S+ were readable by other users; they are private now/);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await signUp(server.url, 'kept@example.test')).status).toBe(200);
  });

  it('keeps the data dir, every file in it and the lock private to its owner', async () => {
    const names = readdirSync(data.dir);
    expect(names).toEqual(expect.arrayContaining(['lms.lock', 'secrets.json', 'pglite', 'notes.txt']));
    expect(readdirSync(join(data.dir, 'pglite')).length).toBeGreaterThan(5);
    expect(notPrivate(data.dir)).toEqual([]);
  });

  it('answers an upload over the limit with a 413 a client can read, and keeps the connection usable', async () => {
    const big = await fetch(`${server!.url}/api/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(8 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
    // Slower than the 500 ms after which the server used to reset the connection under the upload.
    const slow = await slowUploadThenHealth(server!.url, 2 * 1024 * 1024, 2500);
    expect(slow.error).toBeUndefined();
    expect(slow.received).toMatch(/^HTTP\/1\.1 413 /);
    expect(slow.received).toContain('"code":"payload_too_large"');
    expect(slow.received).toMatch(/HTTP\/1\.1 200 OK[\s\S]*\{"status":"ok"\}$/);
  });

  it('answers the dev outbox only under its own host names, and /api/config with its own origin', async () => {
    const url = server!.url;
    const { port } = new URL(url);
    expect((await getWithHost(url, '/dev/api/outbox', `127.0.0.1:${port}`)).status).toBe(200);
    const rebound = await getWithHost(url, '/dev/api/outbox', `attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toMatch(/items/);
    const config = JSON.parse((await getWithHost(url, '/api/config', `attacker.example:${port}`)).body);
    expect(config.supabaseUrl).toBe(`http://localhost:${port}`);
    expect(config.devOutbox).toBe(true); // a request from this machine
  });

  it('refuses a second server on the same data dir with a clear message', async () => {
    const second = await startExpectingFailure({ DATA_DIR: data.dir });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/in use by another process/);
  });

  it('closes the database cleanly on SIGTERM and keeps all data across a restart', async () => {
    expect(await server!.stop('SIGTERM')).toBe(0);
    expect(server!.output()).toMatch(/closing the database cleanly/);
    server = await startServer({ DATA_DIR: data.dir });
    expect(server.output()).not.toMatch(/seeding demo data/);
    const signIn = await fetch(`${server.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kept@example.test', password: 'keep-me-safe-1' }),
    });
    expect(signIn.status).toBe(200);
    const courses = await (await fetch(`${server.url}/api/courses?pageSize=1`)).json();
    expect(courses.total).toBeGreaterThanOrEqual(12);
  });

  it('serves the web app for client routes and JSON errors for unknown API routes', async () => {
    const page = await fetch(`${server!.url}/courses/some-course`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const api = await fetch(`${server!.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'route not found' } });
    // A page the app does not have: its not-found page for people, a 404 for crawlers.
    const missing = await fetch(`${server!.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/text\/html/);
    expect(missing.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    // Malformed percent-encoding in a page path, or in an API path: a 4xx in the error shape.
    for (const path of ['/%E0%A4%A', '/api/courses/%ZZ', '/api/courses?q=%00']) {
      const res = await fetch(`${server!.url}${path}`);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(typeof (await res.json()).error.code, path).toBe('string');
    }
    expect(server!.output()).not.toMatch(/URIError|unhandled error|invalid byte sequence/);
  });

  it('seeds nothing demo in production unless asked for, and then gives the admin a generated password, shown once', async () => {
    await server?.stop('SIGTERM');
    server = undefined;
    const prod = tempDataDir();
    try {
      const plain = await startServer({ DATA_DIR: prod.dir, NODE_ENV: 'production' });
      expect(plain.output()).not.toMatch(/seeding demo data/);
      expect(plain.output()).not.toContain(DEMO_PASSWORD);
      expect((await signIn(plain.url, 'admin@demo.test', DEMO_PASSWORD)).status).toBe(400);
      expect(await plain.stop('SIGTERM')).toBe(0);

      const seeded = await startServer({ DATA_DIR: prod.dir, NODE_ENV: 'production', SEED: 'true' });
      const out = seeded.output();
      expect(out).toMatch(/seeding demo data/);
      expect(out).not.toContain(DEMO_PASSWORD);
      const password = /admin@demo\.test, password \(shown once, change it\): (\S+)/.exec(out)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect((await signIn(seeded.url, 'admin@demo.test', DEMO_PASSWORD)).status).toBe(400);
      expect((await signIn(seeded.url, 'admin@demo.test', password!)).status).toBe(200);
      expect(await seeded.stop('SIGTERM')).toBe(0);

      const again = await startServer({ DATA_DIR: prod.dir, NODE_ENV: 'production', SEED: 'true' });
      expect(again.output()).not.toContain(password!);
      expect(again.output()).not.toContain(DEMO_PASSWORD);
      expect(await again.stop('SIGTERM')).toBe(0);
    } finally {
      prod.remove();
    }
  });

  it('fails at start with a clear message when the environment is invalid', async () => {
    const bad = await startExpectingFailure({ DATA_DIR: data.dir, PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/invalid environment/);
    expect(bad.output).toMatch(/PORT/);
    expect(bad.output).toMatch(/DATABASE_URL/);
  });
});
