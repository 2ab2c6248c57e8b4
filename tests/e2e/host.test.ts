import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startExpectingFailure, startServer, tempDataDir } from '../support/server.ts';

/** The embedded host's life cycle: one process per data dir, clean shutdown, data kept. */

let data: ReturnType<typeof tempDataDir>;
let server: RunningServer | undefined;

beforeAll(() => {
  data = tempDataDir();
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  data.remove();
});

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
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await signUp(server.url, 'kept@example.test')).status).toBe(200);
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
  });

  it('fails at start with a clear message when the environment is invalid', async () => {
    const bad = await startExpectingFailure({ DATA_DIR: data.dir, PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/invalid environment/);
    expect(bad.output).toMatch(/PORT/);
    expect(bad.output).toMatch(/DATABASE_URL/);
  });
});
