import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../tests/support/db.ts';
import { createHostApp } from './app.ts';
import { parseEnv } from './env.ts';

const SECRET = 'host-test-secret-host-test-secret-000000';
let t: TestDatabase;
beforeAll(async () => {
  t = await freshPglite();
});
afterAll(() => t.drop());

const host = (env: Record<string, string>) =>
  createHostApp({ env: parseEnv({ DATA_DIR: '/tmp/unused', ...env }), siteUrl: 'http://localhost:8787', db: t.db, jwtSecret: SECRET, webRoot: '/nonexistent' });

describe('the dev outbox', () => {
  it('is served to a browser on this machine', async () => {
    const app = await host({});
    const res = await app.request('/dev/api/outbox', { headers: { 'x-real-ip': '127.0.0.1' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect((await app.request('/dev/api/outbox', { headers: { 'x-real-ip': '::1' } })).status).toBe(200);
  });

  it('is refused to anyone else, since it holds live reset links', async () => {
    const app = await host({});
    for (const ip of ['203.0.113.9', '10.0.0.2', '::ffff:192.168.1.4']) {
      const res = await app.request('/dev/api/outbox', { headers: { 'x-real-ip': ip } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect((await app.request('/dev/api/outbox')).status).toBe(403);
  });

  it('is off in production unless asked for, and the web app is told', async () => {
    const app = await host({ NODE_ENV: 'production' });
    expect((await app.request('/dev/api/outbox', { headers: { 'x-real-ip': '127.0.0.1' } })).status).toBe(404);
    expect((await (await app.request('/api/config')).json()).devOutbox).toBe(false);
    const on = await host({ NODE_ENV: 'production', DEV_OUTBOX: 'true' });
    expect((await (await on.request('/api/config')).json()).devOutbox).toBe(true);
  });
});

describe('the host routes', () => {
  it('answers unknown API and auth paths with JSON 404s, not the web app', async () => {
    const app = await host({});
    for (const path of ['/api/nope', '/dev/api/nope']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
    // The auth endpoints answer in GoTrue's error shape, as supabase-js expects.
    const auth = await app.request('/auth/v1/nope');
    expect(auth.status).toBe(404);
    expect(await auth.json()).toMatchObject({ error_code: 'not_found' });
  });

  it('says the web app is not built yet instead of failing', async () => {
    const app = await host({});
    const res = await app.request('/courses');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  });
});
