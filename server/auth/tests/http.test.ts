import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { hs256Verifier } from '../../../edge/auth/jwt.ts';
import { SECURITY_HEADERS as ALL_SECURITY_HEADERS } from '../../../edge/http/security-headers.ts';
import { engines } from '../../../tests/support/db.ts';
import { anonKey, serviceRoleKey } from '../keys.ts';
import { count, PASSWORD, SECRET, signUp, useAuthDb } from './support.ts';

describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  describe('GET /health and /settings', () => {
    it('describes the service and its settings', async () => {
      const h = await setup({ autoconfirm: false });
      const health = await h.call('GET', '/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ name: 'GoTrue' });
      const settings = await (await h.call('GET', '/settings')).json();
      expect(settings).toMatchObject({
        external: { email: true, phone: false },
        disable_signup: false,
        mailer_autoconfirm: false,
      });
    });
  });

  describe('request bodies', () => {
    it('answers malformed JSON with 400 bad_json', async () => {
      const h = await setup();
      const res = await h.call('POST', '/signup', { body: '{"email": "ada@example.com",' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 'bad_json', message: 'Could not parse request body as JSON' });
    });

    it('wants a JSON object, sent as application/json', async () => {
      const h = await setup();
      const form = await h.call('POST', '/signup', {
        body: 'email=ada@example.com&password=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      const array = await h.call('POST', '/signup', { body: [{ email: 'ada@example.com' }] });
      expect(array.status).toBe(400);
      expect((await array.json()).code).toBe('validation_failed');
    });

    it('refuses bodies over 64 KB with 413, before reading them into a user', async () => {
      const h = await setup();
      const res = await h.call('POST', '/signup', {
        body: { email: 'ada@example.com', password: PASSWORD, data: { pad: 'x'.repeat(70_000) } },
      });
      expect(res.status).toBe(413);
      expect((await res.json()).code).toBe('request_too_large');
      expect(await count(h.db, 'auth.users')).toBe(0);
    });

    it('answers unknown routes with a JSON 404', async () => {
      const h = await setup();
      const res = await h.call('GET', '/admin/users');
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('not_found');
    });

    it('answers odd requests with a 4xx JSON error, never a 500', async () => {
      const h = await setup();
      const odd: [string, string, { body?: unknown; token?: string; headers?: Record<string, string> }?][] = [
        ['GET', '/verify?token=%E0%A4%A&type=signup'],
        ['GET', '/verify?token=abc&type=signup&redirect_to=%ZZ'],
        ['POST', '/token?grant_type=password', { body: 'null' }],
        ['POST', '/token?grant_type=password', { body: '"ada@example.com"' }],
        ['POST', '/token?grant_type=refresh_token', { body: { refresh_token: 'x'.repeat(20_000) } }],
        ['POST', '/verify', { body: { type: 'recovery', token_hash: 'x'.repeat(60_000) } }],
        ['POST', '/logout', { token: 'a.b.c' }],
        ['GET', '/user', { headers: { authorization: 'Basic YWRhOnNlY3JldA==' } }],
        ['GET', '/user', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.' }],
        ['PUT', '/user', { body: { data: {} } }],
        [
          'POST',
          '/signup',
          { body: { email: 'ada@example.com', password: PASSWORD }, headers: { 'content-type': 'text/plain' } },
        ],
      ];
      for (const [method, path, init] of odd) {
        const res = await h.call(method, path, init);
        expect([path, res.status < 500]).toEqual([path, true]);
        if (res.status !== 303) expect([path, typeof (await res.json()).code]).toEqual([path, 'string']);
      }
      expect(await count(h.db, 'auth.users')).toBe(0);
    });

    it('hides unexpected failures behind a generic 500', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      await h.db.asOwner((sql) => sql.query('alter table auth.sessions rename to sessions_gone'));
      try {
        const res = await h.call('POST', '/token?grant_type=password', {
          body: { email: 'ada@example.com', password: PASSWORD },
          headers: { 'x-supabase-api-version': '' },
        });
        expect(res.status).toBe(500);
        const body = await res.json();
        expect(body).toEqual({
          code: 500,
          error_code: 'unexpected_failure',
          msg: 'Unexpected failure, please check server logs for more information',
        });
        expect(JSON.stringify(body)).not.toContain('sessions');
      } finally {
        await h.db.asOwner((sql) => sql.query('alter table auth.sessions_gone rename to sessions'));
      }
    });
  });

  describe('security headers', () => {
    it('are the same as the data API sends (hono/secure-headers), on successes, errors and redirects', async () => {
      const h = await setup();
      const answers = [
        await h.call('GET', '/health'),
        await h.call('GET', '/nope'),
        await h.call('POST', '/token?grant_type=password', { body: { email: 'ada@example.com', password: 'x' } }),
        await h.call('POST', '/signup', { body: { pad: 'x'.repeat(70_000) } }),
        await h.call('GET', '/verify?type=signup&token=spent'),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 404, 400, 413, 303]);
      for (const res of answers) {
        // One list for every surface (edge/http/security-headers.ts); the verify redirect keeps its stricter referrer policy.
        const expected = {
          ...ALL_SECURITY_HEADERS,
          ...(res.status === 303 ? { 'referrer-policy': 'no-referrer' } : {}),
        };
        expect(Object.fromEntries([...res.headers].filter(([k]) => k in ALL_SECURITY_HEADERS))).toEqual(expected);
      }
    });
  });

  describe('API keys', () => {
    it('are stable HS256 JWTs with Supabase claims that the edge verifier accepts', async () => {
      const anon = await anonKey(SECRET);
      expect(await anonKey(SECRET)).toBe(anon);
      expect(decodeProtectedHeader(anon)).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(decodeJwt(anon)).toMatchObject({ iss: 'supabase', role: 'anon' });
      expect(decodeJwt(anon).exp).toBeGreaterThan(Date.now() / 1000 + 50 * 365 * 24 * 3600);
      const verifier = hs256Verifier(SECRET);
      expect((await verifier.verify(anon)).role).toBe('anon');
      expect((await verifier.verify(await serviceRoleKey(SECRET))).role).toBe('service_role');
      await expect(hs256Verifier('another-secret-that-is-at-least-32-chars').verify(anon)).rejects.toThrow();
    });

    it('access tokens verify with the edge verifier', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      const claims = await hs256Verifier(SECRET).verify(s.access_token);
      expect(claims).toMatchObject({ role: 'authenticated', sub: s.user.id, email: 'ada@example.com' });
    });
  });
});
