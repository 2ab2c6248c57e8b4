import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { anonKey } from '../keys.ts';
import { count, linkToken, PASSWORD, SECRET, signIn, signUp, useAuthDb } from './support.ts';

describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  describe('GET /user', () => {
    it('returns the caller', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com', PASSWORD, { first_name: 'Ada' });
      const res = await h.call('GET', '/user', { token: s.access_token });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        id: s.user.id,
        email: 'ada@example.com',
        user_metadata: { first_name: 'Ada' },
      });
    });

    it('requires a bearer token, and a user token at that', async () => {
      const h = await setup();
      const none = await h.call('GET', '/user');
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({
        code: 'no_authorization',
        message: 'This endpoint requires a valid Bearer token',
      });
      const anon = await h.call('GET', '/user', { token: await anonKey(SECRET) });
      expect(anon.status).toBe(403);
      expect((await anon.json()).code).toBe('bad_jwt');
    });

    it('refuses a token signed with our secret but without a session, or for a deleted user', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      const claims = decodeJwt(s.access_token);
      const key = new TextEncoder().encode(SECRET);
      const sign = (extra: Record<string, unknown>) =>
        new SignJWT({ ...claims, ...extra }).setProtectedHeader({ alg: 'HS256' }).sign(key);
      const noSession = await h.call('GET', '/user', { token: await sign({ session_id: undefined }) });
      expect(noSession.status).toBe(403);
      const otherSession = await h.call('GET', '/user', { token: await sign({ session_id: crypto.randomUUID() }) });
      expect((await otherSession.json()).code).toBe('session_not_found');
      for (const sub of ['not-a-uuid', 'x\u0000']) {
        const odd = await h.call('GET', '/user', { token: await sign({ sub }) });
        expect([sub, odd.status, (await odd.json()).code]).toEqual([sub, 403, 'bad_jwt']);
      }
      await h.db.asOwner((sql) => sql.query('delete from auth.users'));
      const gone = await h.call('GET', '/user', { token: s.access_token });
      expect(gone.status).toBe(403);
      expect((await gone.json()).code).toBe('user_not_found');
    });

    it('honours the injected clock for expiry', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      h.clock.advance(3601_000);
      const res = await h.call('GET', '/user', { token: s.access_token });
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe('bad_jwt');
    });
  });

  describe('PUT /user', () => {
    it('merges metadata (null removes a key) without touching app_metadata', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com', PASSWORD, { first_name: 'Ada', theme: 'dark' });
      const res = await h.call('PUT', '/user', {
        token: s.access_token,
        body: { data: { last_name: 'Lovelace', theme: null } },
      });
      expect(res.status).toBe(200);
      const user = await res.json();
      expect(user.user_metadata).toEqual({ first_name: 'Ada', last_name: 'Lovelace' });
      expect(user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
      // A refreshed token carries the new metadata.
      const r = await (
        await h.call('POST', '/token?grant_type=refresh_token', { body: { refresh_token: s.refresh_token } })
      ).json();
      expect(decodeJwt(r.access_token).user_metadata).toEqual({ first_name: 'Ada', last_name: 'Lovelace' });
    });

    it('changes the password and signs out the other sessions only', async () => {
      const h = await setup();
      const mine = await signUp(h, 'ada@example.com');
      const other = await signIn(h, 'ada@example.com');
      const res = await h.call('PUT', '/user', { token: mine.access_token, body: { password: 'a brand new secret' } });
      expect(res.status).toBe(200);
      expect((await h.call('GET', '/user', { token: mine.access_token })).status).toBe(200);
      expect((await h.call('GET', '/user', { token: other.access_token })).status).toBe(403);
      const old = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ada@example.com', password: PASSWORD },
      });
      expect(old.status).toBe(400);
      await signIn(h, 'ada@example.com', 'a brand new secret');
    });

    it('refuses the same password, a weak one, a taken email and bad types, changing nothing', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com', PASSWORD, { first_name: 'Ada' });
      await signUp(h, 'bob@example.com');
      const cases: [unknown, number, string][] = [
        [{ password: PASSWORD }, 422, 'same_password'],
        [{ password: 'short', data: { first_name: 'Eve' } }, 422, 'weak_password'],
        [{ email: 'BOB@example.com', data: { first_name: 'Eve' } }, 422, 'email_exists'],
        [{ email: 'nope' }, 400, 'validation_failed'],
        [{ data: [1, 2] }, 400, 'validation_failed'],
        [{ data: { blob: 'x'.repeat(9000) } }, 400, 'validation_failed'],
        [{ phone: '+15555550100' }, 422, 'phone_provider_disabled'],
        ['{"data":', 400, 'bad_json'],
      ];
      for (const [body, status, code] of cases) {
        const res = await h.call('PUT', '/user', { token: s.access_token, body });
        expect([res.status, (await res.json()).code]).toEqual([status, code]);
      }
      const user = await (await h.call('GET', '/user', { token: s.access_token })).json();
      expect(user).toMatchObject({ email: 'ada@example.com', user_metadata: { first_name: 'Ada' } });
    });

    it('changes the email at once with autoconfirm', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      const res = await h.call('PUT', '/user', { token: s.access_token, body: { email: 'Ada.Lovelace@example.com' } });
      expect((await res.json()).email).toBe('ada.lovelace@example.com');
      await signIn(h, 'ada.lovelace@example.com');
      const [profile] = await h.db.asOwner((sql) =>
        sql.query<{ email: string }>('select email from public.profiles where id = $1', [s.user.id]),
      );
      expect(profile!.email).toBe('ada.lovelace@example.com');
    });

    it('changes the email after the link mailed to the new address is followed, without autoconfirm', async () => {
      const h = await setup({ autoconfirm: false });
      await h.call('POST', '/signup', { body: { email: 'ada@example.com', password: PASSWORD } });
      const [signupMail] = await h.outbox();
      const s = await (
        await h.call('POST', '/verify', { body: { type: 'signup', token_hash: linkToken(signupMail!, 'token') } })
      ).json();
      const res = await h.call('PUT', '/user', { token: s.access_token, body: { email: 'new@example.com' } });
      expect(await res.json()).toMatchObject({ email: 'ada@example.com', new_email: 'new@example.com' });
      const [mail] = await h.outbox();
      expect(mail).toMatchObject({ to: 'new@example.com', kind: 'email_change' });
      const verified = await h.call('GET', `/verify?token=${linkToken(mail!, 'token')}&type=email_change`);
      expect(verified.status).toBe(303);
      expect(verified.headers.get('location')).toContain('#access_token=');
      const user = await (await h.call('GET', '/user', { token: s.access_token })).json();
      expect(user.email).toBe('new@example.com');
      expect(user.new_email).toBeUndefined();
    });

    it('needs a live session', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      expect((await h.call('POST', '/logout?scope=local', { token: s.access_token })).status).toBe(204);
      const res = await h.call('PUT', '/user', { token: s.access_token, body: { data: { x: 1 } } });
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe('session_not_found');
    });
  });

  describe('POST /logout', () => {
    it('ends this session (local), the others (others) or all (global)', async () => {
      const h = await setup();
      const a = await signUp(h, 'ada@example.com');
      const b = await signIn(h, 'ada@example.com');
      const c = await signIn(h, 'ada@example.com');
      const live = async () => {
        const out: boolean[] = [];
        for (const s of [a, b, c]) out.push((await h.call('GET', '/user', { token: s.access_token })).status === 200);
        return out;
      };
      expect((await h.call('POST', '/logout?scope=local', { token: a.access_token })).status).toBe(204);
      expect(await live()).toEqual([false, true, true]);
      const d = await signIn(h, 'ada@example.com');
      expect((await h.call('POST', '/logout?scope=others', { token: b.access_token })).status).toBe(204);
      expect(await live()).toEqual([false, true, false]);
      expect((await h.call('GET', '/user', { token: d.access_token })).status).toBe(403);
      expect((await h.call('POST', '/logout', { token: b.access_token })).status).toBe(204);
      expect(await count(h.db, 'auth.sessions')).toBe(0);
      // The refresh token of an ended session is dead too.
      const r = await h.call('POST', '/token?grant_type=refresh_token', { body: { refresh_token: b.refresh_token } });
      expect((await r.json()).code).toBe('refresh_token_not_found');
    });

    it('rejects a bad scope and a missing token', async () => {
      const h = await setup();
      const s = await signUp(h, 'ada@example.com');
      const bad = await h.call('POST', '/logout?scope=everyone', { token: s.access_token });
      expect(bad.status).toBe(400);
      expect((await bad.json()).code).toBe('validation_failed');
      expect((await h.call('POST', '/logout')).status).toBe(401);
      expect(await count(h.db, 'auth.sessions')).toBe(1);
    });
  });
});
