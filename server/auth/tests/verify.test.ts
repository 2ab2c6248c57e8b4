import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { count, type Harness, linkToken, PASSWORD, SITE, signIn, signUp, useAuthDb } from './support.ts';

describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  describe('POST /recover', () => {
    it('mails a reset link to a registered address and answers {} either way', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      const known = await h.call('POST', '/recover', { body: { email: 'Ada@example.com' } });
      const unknown = await h.call('POST', '/recover', { body: { email: 'nobody@example.com' } });
      for (const res of [known, unknown]) {
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({});
      }
      const mails = await h.outbox();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ to: 'ada@example.com', kind: 'recovery' });
      const token = linkToken(mails[0]!, 'token_hash');
      expect(mails[0]!.text).toContain(`${SITE}/reset-password?token_hash=${token}&type=recovery`);
      expect(
        await count(h.db, 'auth.one_time_tokens', 'token_hash = $1', [
          createHash('sha256').update(token).digest('hex'),
        ]),
      ).toBe(1);
    });

    it('sends at most one mail a minute per user, silently', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      for (let i = 0; i < 3; i++)
        expect((await h.call('POST', '/recover', { body: { email: 'ada@example.com' } })).status).toBe(200);
      expect(await h.outbox()).toHaveLength(1);
      h.clock.advance(61_000);
      await h.call('POST', '/recover', { body: { email: 'ada@example.com' } });
      expect(await h.outbox()).toHaveLength(2);
    });

    it('caps requests per IP and validates the address', async () => {
      const h = await setup({ limits: { recoverPerIp: 2 } });
      expect((await h.call('POST', '/recover', { body: { email: 'bad' } })).status).toBe(400);
      expect((await h.call('POST', '/recover', { body: { email: 'a@example.com' } })).status).toBe(200);
      const limited = await h.call('POST', '/recover', { body: { email: 'b@example.com' } });
      expect(limited.status).toBe(429);
      expect((await limited.json()).code).toBe('over_request_rate_limit');
    });
  });

  describe('POST /verify', () => {
    async function recoveryToken(h: Harness) {
      await signUp(h, 'ada@example.com');
      await h.call('POST', '/recover', { body: { email: 'ada@example.com' } });
      return linkToken((await h.outbox())[0]!, 'token_hash');
    }

    it('trades a recovery token for a session, once', async () => {
      const h = await setup();
      const token = await recoveryToken(h);
      const res = await h.call('POST', '/verify', { body: { type: 'recovery', token_hash: token } });
      expect(res.status).toBe(200);
      const s = await res.json();
      expect(s).toMatchObject({ token_type: 'bearer', user: { email: 'ada@example.com' } });
      expect(decodeJwt(s.access_token).amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }]);

      const again = await h.call('POST', '/verify', { body: { type: 'recovery', token_hash: token } });
      expect(again.status).toBe(403);
      expect(await again.json()).toEqual({ code: 'otp_expired', message: 'Token has expired or is invalid' });

      // And the recovered session may set a new password.
      expect(
        (await h.call('PUT', '/user', { token: s.access_token, body: { password: 'new password!' } })).status,
      ).toBe(200);
      await signIn(h, 'ada@example.com', 'new password!');
    });

    it('refuses a token after an hour, and a token of another type', async () => {
      const h = await setup();
      const token = await recoveryToken(h);
      const wrongType = await h.call('POST', '/verify', { body: { type: 'signup', token_hash: token } });
      expect(wrongType.status).toBe(403);
      h.clock.advance(60 * 60_000 + 1);
      const late = await h.call('POST', '/verify', { body: { type: 'recovery', token_hash: token } });
      expect(late.status).toBe(403);
      expect((await late.json()).code).toBe('otp_expired');
      expect(await count(h.db, 'auth.sessions')).toBe(1); // only the sign-up's
    });

    it.each([
      ['no type', { token_hash: 'x' }, 400, 'validation_failed'],
      ['an unknown type', { type: 'sms', token_hash: 'x' }, 400, 'validation_failed'],
      ['no token', { type: 'recovery' }, 400, 'validation_failed'],
      ['an email code', { type: 'email', email: 'ada@example.com', token: '123456' }, 403, 'otp_expired'],
      ['a numeric token', { type: 'recovery', token_hash: 5 }, 400, 'validation_failed'],
      ['an unknown token', { type: 'recovery', token_hash: 'made-up' }, 403, 'otp_expired'],
    ])('rejects %s with %i %s', async (_label, body, status, code) => {
      const h = await setup();
      const res = await h.call('POST', '/verify', { body });
      expect(res.status).toBe(status);
      expect((await res.json()).code).toBe(code);
    });
  });

  describe('GET /verify (mail links)', () => {
    async function pendingSignup(h: Harness, extra: Record<string, unknown> = {}, query = '') {
      await h.call('POST', `/signup${query}`, { body: { email: 'ada@example.com', password: PASSWORD, ...extra } });
      return linkToken((await h.outbox())[0]!, 'token');
    }

    it('confirms the address and redirects with the session in the fragment', async () => {
      const h = await setup({ autoconfirm: false });
      const token = await pendingSignup(h);
      const res = await h.call(
        'GET',
        `/verify?token=${token}&type=signup&redirect_to=${encodeURIComponent(`${SITE}/welcome`)}`,
      );
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(`${SITE}/welcome`);
      const fragment = new URLSearchParams(location.hash.slice(1));
      expect(fragment.get('token_type')).toBe('bearer');
      expect(fragment.get('type')).toBe('signup');
      expect(fragment.get('expires_in')).toBe('3600');
      const user = await h.call('GET', '/user', { token: fragment.get('access_token')! });
      expect((await user.json()).email_confirmed_at).toBeTruthy();
      await signIn(h, 'ada@example.com');
      const refreshed = await h.call('POST', '/token?grant_type=refresh_token', {
        body: { refresh_token: fragment.get('refresh_token') },
      });
      expect(refreshed.status).toBe(200);

      const again = await h.call('GET', `/verify?token=${token}&type=signup`);
      expect(again.status).toBe(303);
      const err = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
      expect(Object.fromEntries(err)).toEqual({
        error: 'access_denied',
        error_code: 'otp_expired',
        error_description: 'Email link is invalid or has expired',
      });
    });

    it('never redirects to another origin', async () => {
      const h = await setup({ autoconfirm: false });
      const token = await pendingSignup(h);
      const res = await h.call(
        'GET',
        `/verify?token=${token}&type=signup&redirect_to=${encodeURIComponent('https://evil.example/')}`,
      );
      expect(res.headers.get('location')!.startsWith(`${SITE}/#access_token=`)).toBe(true);
    });

    it('answers a PKCE sign-up with ?code=, which /token?grant_type=pkce trades for a session once', async () => {
      const h = await setup({ autoconfirm: false });
      const verifier = 'v'.repeat(20) + crypto.randomUUID() + crypto.randomUUID();
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const token = await pendingSignup(h, { code_challenge: challenge, code_challenge_method: 's256' });
      expect(token.startsWith('pkce_')).toBe(true);
      const res = await h.call(
        'GET',
        `/verify?token=${token}&type=signup&redirect_to=${encodeURIComponent(`${SITE}/auth/callback?next=/me`)}`,
      );
      const location = new URL(res.headers.get('location')!);
      expect(location.pathname).toBe('/auth/callback');
      expect(location.searchParams.get('next')).toBe('/me');
      const code = location.searchParams.get('code')!;
      expect(location.hash).toBe('');

      const wrong = await h.call('POST', '/token?grant_type=pkce', {
        body: { auth_code: code, code_verifier: `${verifier}x` },
      });
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).code).toBe('bad_code_verifier');
      const ok = await h.call('POST', '/token?grant_type=pkce', { body: { auth_code: code, code_verifier: verifier } });
      expect(ok.status).toBe(200);
      expect((await ok.json()).user.email).toBe('ada@example.com');
      const replay = await h.call('POST', '/token?grant_type=pkce', {
        body: { auth_code: code, code_verifier: verifier },
      });
      expect(replay.status).toBe(404);
      expect((await replay.json()).code).toBe('flow_state_not_found');
    });

    it('expires an unused PKCE code after five minutes', async () => {
      const h = await setup({ autoconfirm: false });
      const verifier = crypto.randomUUID() + crypto.randomUUID();
      const token = await pendingSignup(h, { code_challenge: verifier, code_challenge_method: 'plain' });
      const res = await h.call('GET', `/verify?token=${token}&type=signup`);
      const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
      h.clock.advance(5 * 60_000 + 1);
      const late = await h.call('POST', '/token?grant_type=pkce', {
        body: { auth_code: code, code_verifier: verifier },
      });
      expect(late.status).toBe(422);
      expect((await late.json()).code).toBe('flow_state_expired');
      const empty = await h.call('POST', '/token?grant_type=pkce', { body: { auth_code: code } });
      expect(empty.status).toBe(400);
    });

    it('needs a token and a known type', async () => {
      const h = await setup();
      expect((await h.call('GET', '/verify?type=signup')).status).toBe(400);
      expect((await h.call('GET', '/verify?token=abc&type=nope')).status).toBe(400);
    });
  });
});
