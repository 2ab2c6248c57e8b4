import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { count, PASSWORD, signUp, useAuthDb } from './support.ts';

/** What a client controls never reaches bcrypt or Postgres malformed, and never 500s. */
describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  // Observed, not replaced: the log must hold no stack trace for a client's mistake.
  let logged: unknown[][] = [];
  beforeEach(() => {
    logged = [];
    const keep = (...args: unknown[]) => void logged.push(args);
    vi.spyOn(console, 'error').mockImplementation(keep);
    vi.spyOn(console, 'warn').mockImplementation(keep);
  });
  afterEach(() => vi.restoreAllMocks());

  describe('control characters in passwords and emails', () => {
    const NULS = '\u0000'.repeat(8);

    it('refuses them at sign-up, so a password of NULs never exists', async () => {
      const h = await setup();
      for (const password of [
        NULS,
        'abc\u0000defghi',
        'tab\there-ok?',
        'del\u007fpassword',
        'line\nbreak1',
        'lone \ud800 half',
      ]) {
        const res = await h.call('POST', '/signup', { body: { email: 'ada@example.com', password } });
        expect([JSON.stringify(password), res.status]).toEqual([JSON.stringify(password), 400]);
        expect((await res.json()).code).toBe('validation_failed');
      }
      for (const email of [
        'ada\u0000@example.com',
        'ada@example.com\u0000',
        '\tada@example.com',
        'ada@exa\u007fmple.com',
      ]) {
        const res = await h.call('POST', '/signup', { body: { email, password: PASSWORD } });
        expect([JSON.stringify(email), res.status]).toEqual([JSON.stringify(email), 400]);
      }
      expect(await count(h.db, 'auth.users')).toBe(0);
    });

    it('refuses a NUL password or email at sign-in with 400, and a missing or empty password before any lookup', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      // A user whose hash is of the empty password (as a NUL password hashed) must not match "" or NULs.
      const { hashPassword } = await import('../passwords.ts');
      const empty = await hashPassword('');
      await h.db.asOwner((sql) =>
        sql.query("update auth.users set encrypted_password = $1 where email = 'ada@example.com'", [empty]),
      );
      const cases: [unknown, number, string][] = [
        [{ email: 'ada@example.com', password: NULS }, 400, 'validation_failed'],
        [{ email: 'ada@example.com', password: '' }, 400, 'invalid_credentials'],
        [{ email: 'ada@example.com' }, 400, 'invalid_credentials'],
        [{ email: 'ada@example.com', password: null }, 400, 'invalid_credentials'],
        [{ email: 'ada\u0000@example.com', password: PASSWORD }, 400, 'validation_failed'],
        [{ email: `${'a'.repeat(60_000)}@example.com`, password: PASSWORD }, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of cases) {
        const res = await h.call('POST', '/token?grant_type=password', { body });
        expect([JSON.stringify(body).slice(0, 80), res.status, (await res.json()).code]).toEqual([
          JSON.stringify(body).slice(0, 80),
          status,
          code,
        ]);
      }
      expect(await count(h.db, 'auth.sessions')).toBe(1); // the sign-up's only
    });

    it('never lets a password longer than 72 bytes match on its first 72 (bcrypt truncates)', async () => {
      const h = await setup();
      const exact = 'p'.repeat(72);
      await signUp(h, 'ada@example.com', exact);
      const longer = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ada@example.com', password: `${exact}-and-more` },
      });
      expect(longer.status).toBe(400);
      expect((await longer.json()).code).toBe('invalid_credentials');
      const right = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ada@example.com', password: exact },
      });
      expect(right.status).toBe(200);
    });

    it('refuses them on PUT /user and /recover', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      for (const body of [{ password: NULS }, { password: 'new\u0001password' }, { email: 'ada\u0000@example.org' }]) {
        const res = await h.call('PUT', '/user', { token: s.access_token, body });
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
        expect((await res.json()).code).toBe('validation_failed');
      }
      const recover = await h.call('POST', '/recover', { body: { email: 'ada@example.com\u0000' } });
      expect(recover.status).toBe(400);
      expect(await count(h.db, 'private.mail_outbox')).toBe(0);
    });
  });

  describe('odd JSON', () => {
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

    it('refuses deeply nested metadata with 400 (it is echoed in every token)', async () => {
      const h = await setup();
      for (const data of [`{"x": ${deep(20_000)}}`, `{"x": ${deepObject(10_000)}}`, `{"x": ${deep(30)}}`]) {
        const res = await h.call('POST', '/signup', {
          body: `{"email": "ada@example.com", "password": "${PASSWORD}", "data": ${data}}`,
        });
        expect(res.status).toBe(400);
        expect((await res.json()).code).toBe('validation_failed');
      }
      expect(await count(h.db, 'auth.users')).toBe(0);
      const s = await signUp(h, 'ada@example.com', PASSWORD, { prefs: { theme: { dark: true } } });
      const res = await h.call('PUT', '/user', { token: s.access_token, body: `{"data": {"x": ${deep(20_000)}}}` });
      expect(res.status).toBe(400);
      expect(logged).toEqual([]);
    });

    it('answers odd bodies on every route with a 4xx in the error shape (never a 500), and logs nothing', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      const bodies = [
        'null',
        '[]',
        '[{"email":"ada@example.com"}]',
        '1e999',
        '-0',
        '"x"',
        'true',
        '{}',
        '{"__proto__": {"admin": true}}',
        '{"email": ["ada@example.com"], "password": {"p": 1}}',
        '{"email": 1.5, "password": 12345678}',
        `{"email": "${'e'.repeat(60_000)}", "password": "x"}`,
        '{"email": "ada@example.com", "password": "x", "data": "str"}',
        '{"data": [1, 2, 3]}',
        '{"data": null, "email": null, "password": null}',
        `{"x": ${deep(20_000)}}`,
        '{"email": "\\ud800@example.com", "password": "\\udfff\\udfff\\udfff\\udfff"}',
        '{"token_hash": "\\u0000", "type": "recovery"}',
        '{"refresh_token": "\\u0000"}',
        '{"auth_code": "\\u0000", "code_verifier": "\\u0000"}',
        '{"type": "\\u0000", "token_hash": "x"}',
        '{"code_challenge": "\\u0000", "code_challenge_method": "s256", "email": "bob@example.com", "password": "long enough pw"}',
        '\u0000',
        '{"email": "ada@example.com", "password": "x"',
        '\ufeff{}',
      ];
      const routes: [string, string, string?][] = [
        ['POST', '/signup'],
        ['POST', '/signup?redirect_to=%ZZ'],
        ['POST', '/token?grant_type=password'],
        ['POST', '/token?grant_type=refresh_token'],
        ['POST', '/token?grant_type=pkce'],
        ['POST', '/recover'],
        ['POST', '/verify'],
        ['PUT', '/user', s.access_token],
        ['POST', '/logout?scope=%00', s.access_token],
      ];
      for (const [method, path, token] of routes) {
        for (const body of bodies) {
          const res = await h.call(method, path, {
            body,
            token,
            headers: { 'x-real-ip': `10.9.${routes.length}.${bodies.indexOf(body)}` },
          });
          const label = `${method} ${path} ${body.slice(0, 60)}`;
          expect([label, res.status < 500]).toEqual([label, true]);
          // Some are valid somewhere ({} on PUT /user, an address on /recover): those are 2xx.
          if (res.status >= 400) expect([label, typeof (await res.json()).code]).toEqual([label, 'string']);
        }
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
          const res = await h.call(method, path, { body: '{}', token, headers: { 'content-type': type } });
          expect([path, type, res.status]).toEqual([path, type, path.startsWith('/logout') ? 400 : 415]); // logout reads no body; its scope is bad
        }
      }
      const odd = [
        ['GET', '/verify?type=signup&token=%00'],
        ['GET', '/verify?type=%00&token=x'],
        ['GET', '/verify?type=signup&token=x&redirect_to=%00'],
        ['GET', `/verify?type=recovery&token=${'x'.repeat(8000)}`],
        ['GET', '/user?x=%ZZ'],
        ['GET', '/settings?%%%'],
      ] as const;
      for (const [method, path] of odd) {
        const res = await h.call(method, path, { token: s.access_token });
        expect([path, res.status < 500]).toEqual([path, true]);
      }
      for (const auth of [
        'Bearer \u00e9\u00ff',
        `Bearer ${'x'.repeat(10_000)}`,
        'Bearer a.b.c.d',
        'bearer',
        `Bearer ${s.access_token}x`,
      ]) {
        const res = await h.call('GET', '/user', { headers: { authorization: auth } });
        expect([auth.slice(0, 20), res.status]).toEqual([auth.slice(0, 20), auth === 'bearer' ? 401 : 403]);
      }
      expect(logged).toEqual([]);
      expect(await count(h.db, 'auth.users')).toBe(1);
    });
  });
});
