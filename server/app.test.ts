import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SECURITY_HEADERS } from '../edge/http/security-headers.ts';
import { freshPglite, type TestDatabase } from '../tests/support/db.ts';
import { testPayments } from '../tests/support/edge-harness.ts';
import { createHostApp } from './app.ts';
import { parseEnv } from './env.ts';

const SECRET = 'host-test-secret-host-test-secret-000000';
let t: TestDatabase;
const web = mkdtempSync(join(tmpdir(), 'lms-web-'));
beforeAll(async () => {
  t = await freshPglite();
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>LMS</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(async () => {
  await t.drop();
  rmSync(web, { recursive: true, force: true });
});

const LOCAL = { host: 'localhost:8787', 'x-real-ip': '127.0.0.1' };

const host = (env: Record<string, string>, webRoot = '/nonexistent') =>
  createHostApp({
    env: parseEnv({ DATA_DIR: '/tmp/unused', ...env }),
    siteUrl: env.SITE_URL ?? 'http://localhost:8787',
    port: 8787,
    db: t.db,
    jwtSecret: SECRET,
    webRoot,
    payments: testPayments(),
  });

describe('the dev outbox', () => {
  it('is served to a browser on this machine', async () => {
    const app = await host({});
    const res = await app.request('/dev/api/outbox', { headers: LOCAL });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
    expect((await app.request('/dev/api/outbox', { headers: { ...LOCAL, 'x-real-ip': '::1' } })).status).toBe(200);
    for (const name of ['127.0.0.1:8787', '[::1]:8787', 'LOCALHOST:8787']) {
      expect((await app.request('/dev/api/outbox', { headers: { ...LOCAL, host: name } })).status, name).toBe(200);
    }
  });

  it('is refused to anyone else, since it holds live reset links', async () => {
    const app = await host({});
    for (const ip of ['203.0.113.9', '10.0.0.2', '::ffff:192.168.1.4']) {
      const res = await app.request('/dev/api/outbox', { headers: { ...LOCAL, 'x-real-ip': ip } });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    expect((await app.request('/dev/api/outbox', { headers: { host: LOCAL.host } })).status).toBe(403);
  });

  it("is refused under a host name that is not this server's (DNS rebinding), even from this machine", async () => {
    const app = await host({});
    for (const name of ['evil.example:8787', 'localhost:9999', 'localhost', '127.0.0.1.nip.io:8787', '']) {
      const res = await app.request('/dev/api/outbox', { headers: { ...LOCAL, host: name } });
      expect(res.status, name).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/host/) } });
      expect((await app.request('/dev/outbox', { headers: { ...LOCAL, host: name } })).status, name).toBe(403);
    }
  });

  it('is off in production unless asked for, and the web app is told', async () => {
    const app = await host({ NODE_ENV: 'production' });
    expect((await app.request('/dev/api/outbox', { headers: LOCAL })).status).toBe(404);
    expect((await (await app.request('/api/config', { headers: LOCAL })).json()).devOutbox).toBe(false);
    const on = await host({ NODE_ENV: 'production', DEV_OUTBOX: 'true' });
    expect((await (await on.request('/api/config', { headers: LOCAL })).json()).devOutbox).toBe(true);
  });
});

describe('/api/config', () => {
  it('names the configured origin, never the Host header', async () => {
    const app = await host({ SITE_URL: 'https://learn.example.com' });
    const config = async (h: string) =>
      (await (await app.request('/api/config', { headers: { ...LOCAL, host: h } })).json()).supabaseUrl;
    expect(await config('evil.example')).toBe('https://learn.example.com');
    expect(await config('evil.example:8787')).toBe('https://learn.example.com');
    expect(await config('learn.example.com')).toBe('https://learn.example.com');
    // The loopback names with the listening port are this server's own origins too.
    expect(await config('127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(await config('localhost:8787')).toBe('http://localhost:8787');
  });

  it('says the dev outbox is there only to a browser on this machine', async () => {
    const app = await host({});
    const devOutbox = async (ip: string) =>
      (await (await app.request('/api/config', { headers: { ...LOCAL, 'x-real-ip': ip } })).json()).devOutbox;
    expect(await devOutbox('127.0.0.1')).toBe(true);
    expect(await devOutbox('::1')).toBe(true);
    expect(await devOutbox('192.168.1.4')).toBe(false);
    expect((await (await app.request('/api/config', { headers: { host: LOCAL.host } })).json()).devOutbox).toBe(false);
  });
});

describe('the host routes', () => {
  it('answers unknown API and auth paths with JSON 404s, not the web app', async () => {
    const app = await host({});
    for (const path of ['/api/nope', '/dev/api/nope']) {
      const res = await app.request(path, { headers: LOCAL });
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

  it('sends the same security headers on every surface, keeping the page its own policy', async () => {
    const app = await host({}, web);
    const responses = {
      api: await app.request('/api/health'),
      apiError: await app.request('/api/courses?page=0'),
      apiNotFound: await app.request('/api/nope'),
      auth: await app.request('/auth/v1/settings'),
      authError: await app.request('/auth/v1/nope'),
      dev: await app.request('/dev/api/outbox', { headers: LOCAL }),
      devRefused: await app.request('/dev/api/outbox'),
      page: await app.request('/courses'),
      missingPage: await app.request('/no-such-page'),
      asset: await app.request('/assets/app.js'),
      missingAsset: await app.request('/assets/gone.js'),
      badPath: await app.request('/%E0%A4%A'),
    };
    for (const [surface, res] of Object.entries(responses)) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (name === 'content-security-policy' && (surface === 'page' || surface === 'missingPage')) continue;
        expect(res.headers.get(name), `${surface}: ${name}`).toBe(value);
      }
    }
    expect(responses.page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  });
});

describe('the web app', () => {
  it('answers its pages with index.html, and a page it does not have with index.html and 404', async () => {
    const app = await host({}, web);
    // Public pages get their own title (server/seo); the rest keep index.html's.
    for (const path of ['/', '/courses', '/learn/x/y', '/dashboard/']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toMatch(/^<!doctype html><title>[^<]+<\/title>/);
    }
    // A course that does not exist is a 404 too (server/seo), with the app's not-found page.
    for (const path of ['/no-such-page', '/wp-admin', '/courses/a/b', '/learn', '/courses/intro-to-html']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<title>Page not found · Learnwell</title>'); // the app renders its not-found page
    }
  });

  it('answers a missing file with a JSON 404, and serves files', async () => {
    const app = await host({}, web);
    expect((await app.request('/assets/app.js')).status).toBe(200);
    for (const path of ['/assets/gone.js', '/humans.txt', '/../../etc/passwd.txt', '/assets']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
    expect(await (await app.request('/favicon.ico')).json()).toEqual({
      error: { code: 'not_found', message: 'file not found' },
    });
  });

  it('answers malformed percent-encoding and control characters in a path with a 400, never a 500', async () => {
    const app = await host({}, web);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['/%E0%A4%A', '/%ZZ', '/courses/%C0%AF', '/%00', '/a%0Ab', '/%7F.js', '/assets/%E0.js']) {
        const res = await app.request(path);
        expect(res.status, path).toBe(400);
        expect((await res.json()).error.code, path).toBe('bad_request');
      }
      expect(error).not.toHaveBeenCalled(); // no stack trace in the log for a client's mistake
    } finally {
      error.mockRestore();
    }
  });

  it('answers other methods on pages with a JSON 405', async () => {
    const app = await host({}, web);
    const res = await app.request('/courses', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe('method_not_allowed');
  });
});
