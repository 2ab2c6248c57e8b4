import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { count, type Harness, PASSWORD, signIn, signUp, useAuthDb } from './support.ts';

describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  describe('POST /token?grant_type=password', () => {
    it('signs in, sets last_sign_in_at and opens a new session each time', async () => {
      const h = await setup();
      const first = await signUp(h, 'ada@example.com');
      h.clock.advance(5_000);
      const res = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ADA@example.com', password: PASSWORD, gotrue_meta_security: {} },
      });
      expect(res.status).toBe(200);
      const s = await res.json();
      expect(s).toMatchObject({ token_type: 'bearer', expires_in: 3600, user: { email: 'ada@example.com' } });
      expect(new Date(s.user.last_sign_in_at).getTime()).toBe(h.clock.now().getTime());
      expect(decodeJwt(s.access_token).session_id).not.toBe(decodeJwt(first.access_token).session_id);
      expect(await count(h.db, 'auth.sessions')).toBe(2);
      // Refresh tokens are stored hashed.
      expect(await count(h.db, 'auth.refresh_tokens', 'token = $1', [s.refresh_token])).toBe(0);
    });

    it('answers an unknown email and a wrong password alike', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      const wrong = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ada@example.com', password: 'wrong password' },
      });
      const unknown = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'nobody@example.com', password: PASSWORD },
      });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
      }
      expect(await count(h.db, 'auth.sessions')).toBe(1);
    });

    it('rate-limits per email across IPs and per IP across emails with 429', async () => {
      const h = await setup({ signinLimit: 3 });
      await signUp(h, 'ada@example.com');
      const attempt = (email: string, ip: string, password = 'wrong password') =>
        h.call('POST', '/token?grant_type=password', { body: { email, password }, headers: { 'x-real-ip': ip } });
      for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
        expect((await attempt('ada@example.com', ip)).status).toBe(400);
      const limited = await attempt('ada@example.com', '10.0.0.4', PASSWORD);
      expect(limited.status).toBe(429);
      expect(await limited.json()).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });

      for (const email of ['b@example.com', 'c@example.com', 'd@example.com'])
        expect((await attempt(email, '10.0.0.9')).status).toBe(400);
      expect((await attempt('e@example.com', '10.0.0.9')).status).toBe(429);
      // x-forwarded-for does not get an attacker a fresh budget.
      const spoofed = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'f@example.com', password: 'x' },
        headers: { 'x-real-ip': '10.0.0.9', 'x-forwarded-for': '192.0.2.1' },
      });
      expect(spoofed.status).toBe(429);

      // The window slides: five minutes later ada may try again.
      h.clock.advance(5 * 60_000 + 1);
      expect((await attempt('ada@example.com', '10.0.0.4', PASSWORD)).status).toBe(200);
    });

    it.each([
      ['no email', { password: PASSWORD }, 400, 'validation_failed'],
      ['a phone login', { phone: '+15555550100', password: PASSWORD }, 400, 'validation_failed'],
      ['a numeric password', { email: 'ada@example.com', password: 123456789 }, 400, 'validation_failed'],
      ['no password', { email: 'ada@example.com' }, 400, 'invalid_credentials'],
    ])('rejects %s with %i %s', async (_label, body, status, code) => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      const res = await h.call('POST', '/token?grant_type=password', { body });
      expect(res.status).toBe(status);
      expect((await res.json()).code).toBe(code);
    });

    it('rejects an unknown grant type', async () => {
      const h = await setup();
      const res = await h.call('POST', '/token?grant_type=client_credentials', { body: {} });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 'validation_failed', message: 'unsupported_grant_type' });
    });
  });

  describe('POST /token?grant_type=refresh_token', () => {
    const refresh = (h: Harness, token: string) =>
      h.call('POST', '/token?grant_type=refresh_token', { body: { refresh_token: token } });

    it('rotates: a new pair in the same session, with the original amr', async () => {
      const h = await setup();
      const s0 = await signIn(h, (await signUp(h, 'ada@example.com')).user.email);
      h.clock.advance(60_000);
      const res = await refresh(h, s0.refresh_token);
      expect(res.status).toBe(200);
      const s1 = await res.json();
      expect(s1.refresh_token).not.toBe(s0.refresh_token);
      const c0 = decodeJwt(s0.access_token);
      const c1 = decodeJwt(s1.access_token);
      expect(c1.session_id).toBe(c0.session_id);
      expect(c1.amr).toEqual(c0.amr);
      expect(c1.iat).toBe(c0.iat! + 60);
      expect(await count(h.db, 'auth.refresh_tokens', 'revoked')).toBe(1);
    });

    it('tolerates reuse within 10 seconds, then treats reuse as theft and ends the session', async () => {
      const h = await setup();
      const s0 = await signUp(h, 'ada@example.com');
      const s1 = await (await refresh(h, s0.refresh_token)).json();
      h.clock.advance(5_000);
      const retry = await refresh(h, s0.refresh_token); // a lost response, retried
      expect(retry.status).toBe(200);

      h.clock.advance(10_000);
      const stolen = await refresh(h, s0.refresh_token);
      expect(stolen.status).toBe(400);
      expect(await stolen.json()).toEqual({
        code: 'refresh_token_already_used',
        message: 'Invalid Refresh Token: Already Used',
      });
      // The whole session is gone: the legitimate holder's newest token and access token too.
      expect(await count(h.db, 'auth.sessions')).toBe(0);
      expect((await refresh(h, s1.refresh_token)).status).toBe(400);
      const user = await h.call('GET', '/user', { token: s1.access_token });
      expect(user.status).toBe(403);
      expect((await user.json()).code).toBe('session_not_found');
    });

    it('forgets tokens rotated more than a day ago', async () => {
      const h = await setup();
      const s0 = await signUp(h, 'ada@example.com');
      const s1 = await (await refresh(h, s0.refresh_token)).json();
      h.clock.advance(25 * 3600_000);
      const s2 = await (await refresh(h, s1.refresh_token)).json();
      expect(await count(h.db, 'auth.refresh_tokens')).toBe(2); // s1 (revoked today) and s2
      expect((await (await refresh(h, s0.refresh_token)).json()).code).toBe('refresh_token_not_found');
      expect((await refresh(h, s2.refresh_token)).status).toBe(200);
    });

    it.each([
      ['an unknown token', { refresh_token: 'not-a-token' }, 400, 'refresh_token_not_found'],
      ['an empty token', { refresh_token: '' }, 400, 'validation_failed'],
      ['a numeric token', { refresh_token: 7 }, 400, 'validation_failed'],
      ['no token', {}, 400, 'validation_failed'],
    ])('rejects %s with %i %s', async (_label, body, status, code) => {
      const h = await setup();
      const res = await h.call('POST', '/token?grant_type=refresh_token', { body });
      expect(res.status).toBe(status);
      expect((await res.json()).code).toBe(code);
    });
  });
});
