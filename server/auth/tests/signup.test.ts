import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { count, linkToken, PASSWORD, SITE, signUp, useAuthDb } from './support.ts';

describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  describe('POST /signup with autoconfirm', () => {
    it('creates the user, a profile and returns a session with Supabase claims', async () => {
      const h = await setup();
      const res = await h.call('POST', '/signup', {
        body: { email: ' Ada@Example.com ', password: PASSWORD, data: { first_name: 'Ada' } },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const s = await res.json();
      expect(s).toMatchObject({ token_type: 'bearer', expires_in: 3600, refresh_token: expect.any(String) });
      expect(s.expires_at).toBe(Math.floor(h.clock.now().getTime() / 1000) + 3600);
      expect(s.user).toMatchObject({
        email: 'ada@example.com',
        aud: 'authenticated',
        role: 'authenticated',
        app_metadata: { provider: 'email', providers: ['email'] },
        user_metadata: { first_name: 'Ada' },
        is_anonymous: false,
      });
      expect(s.user.email_confirmed_at).toBeTruthy();
      expect(s.user.identities).toHaveLength(1);

      const claims = decodeJwt(s.access_token);
      expect(claims).toMatchObject({
        aud: 'authenticated',
        iss: `${SITE}/auth/v1`,
        sub: s.user.id,
        email: 'ada@example.com',
        phone: '',
        role: 'authenticated',
        aal: 'aal1',
        app_metadata: { provider: 'email', providers: ['email'] },
        user_metadata: { first_name: 'Ada' },
        is_anonymous: false,
        session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
      expect(claims.exp! - claims.iat!).toBe(3600);

      const [row] = await h.db.asOwner((sql) =>
        sql.query<{ encrypted_password: string; first_name: string; role: string }>(
          'select u.encrypted_password, p.first_name, p.role from auth.users u join public.profiles p on p.id = u.id',
        ),
      );
      expect(row!.encrypted_password).toMatch(/^\$2[aby]\$10\$/);
      expect(row).toMatchObject({ first_name: 'Ada', role: 'student' });
    });

    it('never turns metadata into an app role', async () => {
      const h = await setup();
      const s = await signUp(h, 'eve@example.com', PASSWORD, { role: 'admin', app_metadata: { role: 'admin' } });
      expect(s.user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
      expect(decodeJwt(s.access_token).role).toBe('authenticated');
      const [p] = await h.db.asOwner((sql) => sql.query<{ role: string }>('select role from public.profiles'));
      expect(p!.role).toBe('student');
    });

    it('answers 422 user_already_exists for a taken address, in any case', async () => {
      const h = await setup();
      await signUp(h, 'ada@example.com');
      const res = await h.call('POST', '/signup', { body: { email: 'ADA@example.com', password: 'another password' } });
      expect(res.status).toBe(422);
      expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
      expect(await res.json()).toEqual({ code: 'user_already_exists', message: 'User already registered' });
      expect(await count(h.db, 'auth.users')).toBe(1);
    });

    it('speaks the legacy error shape to callers without an API version', async () => {
      const h = await setup();
      const res = await h.call('POST', '/signup', {
        body: { email: 'ada@example.com', password: 'short' },
        headers: { 'x-supabase-api-version': '' },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('x-sb-error-code')).toBe('weak_password');
      expect(await res.json()).toEqual({
        code: 422,
        error_code: 'weak_password',
        msg: 'Password should be at least 8 characters.',
        weak_password: { reasons: ['length'] },
      });
    });

    it.each([
      ['a 5-character password', { email: 'ada@example.com', password: 'short' }, 422, 'weak_password'],
      ['no password', { email: 'ada@example.com' }, 422, 'validation_failed'],
      ['a malformed email', { email: 'not-an-email', password: PASSWORD }, 400, 'validation_failed'],
      ['no email', { password: PASSWORD }, 400, 'validation_failed'],
      [
        'a 262-character email',
        { email: `${'a'.repeat(250)}@example.com`, password: PASSWORD },
        400,
        'validation_failed',
      ],
      ['a numeric email', { email: 42, password: PASSWORD }, 400, 'validation_failed'],
      ['an array password', { email: 'ada@example.com', password: ['x'] }, 400, 'validation_failed'],
      ['string metadata', { email: 'ada@example.com', password: PASSWORD, data: 'admin' }, 400, 'validation_failed'],
      [
        '9 KB of metadata',
        { email: 'ada@example.com', password: PASSWORD, data: { bio: 'x'.repeat(9000) } },
        400,
        'validation_failed',
      ],
      [
        'a NUL in metadata',
        { email: 'ada@example.com', password: PASSWORD, data: { name: 'a\u0000b' } },
        400,
        'validation_failed',
      ],
      [
        'a lone surrogate in metadata',
        { email: 'ada@example.com', password: PASSWORD, data: { name: '\udc00' } },
        400,
        'validation_failed',
      ],
      ['an 80-byte password', { email: 'ada@example.com', password: 'é'.repeat(40) }, 400, 'validation_failed'],
      [
        'a challenge without method',
        { email: 'ada@example.com', password: PASSWORD, code_challenge: 'x'.repeat(43) },
        400,
        'validation_failed',
      ],
      ['a phone number', { phone: '+15555550100', password: PASSWORD }, 422, 'phone_provider_disabled'],
    ])('rejects %s with %i %s and writes nothing', async (_label, body, status, code) => {
      const h = await setup();
      const res = await h.call('POST', '/signup', { body });
      expect(res.status).toBe(status);
      expect((await res.json()).code).toBe(code);
      expect(await count(h.db, 'auth.users')).toBe(0);
    });
  });

  describe('POST /signup with confirmation', () => {
    it('returns the user without a session and mails a verify link', async () => {
      const h = await setup({ autoconfirm: false });
      const res = await h.call('POST', '/signup', { body: { email: 'ada@example.com', password: PASSWORD } });
      expect(res.status).toBe(200);
      const user = await res.json();
      expect(user.access_token).toBeUndefined();
      expect(user).toMatchObject({ email: 'ada@example.com', confirmation_sent_at: expect.any(String) });
      expect(user.email_confirmed_at).toBeUndefined();
      const [mail] = await h.outbox();
      expect(mail).toMatchObject({ to: 'ada@example.com', kind: 'signup' });
      const token = linkToken(mail!, 'token');
      expect(mail!.text).toContain(`${SITE}/auth/v1/verify?token=${token}&type=signup&redirect_to=${SITE}/`);
      // Only the hash is stored.
      expect(await count(h.db, 'auth.one_time_tokens', 'token_hash = $1', [token])).toBe(0);
      expect(await count(h.db, 'auth.one_time_tokens')).toBe(1);

      const signin = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'ada@example.com', password: PASSWORD },
      });
      expect(signin.status).toBe(400);
      expect((await signin.json()).code).toBe('email_not_confirmed');
    });

    it('keeps a same-origin redirect_to in the link and drops a foreign one', async () => {
      const h = await setup({ autoconfirm: false });
      await h.call('POST', `/signup?redirect_to=${encodeURIComponent(`${SITE}/welcome?x=1`)}`, {
        body: { email: 'ada@example.com', password: PASSWORD },
      });
      await h.call('POST', `/signup?redirect_to=${encodeURIComponent('https://evil.example/steal')}`, {
        body: { email: 'bob@example.com', password: PASSWORD },
      });
      const mails = await h.outbox();
      expect(mails.find((m) => m.to === 'ada@example.com')!.text).toContain(`redirect_to=${SITE}/welcome%3Fx%3D1`);
      const bob = mails.find((m) => m.to === 'bob@example.com')!.text;
      expect(bob).toContain(`redirect_to=${SITE}/`);
      expect(bob).not.toContain('evil');
    });

    it('does not reveal a confirmed address; a repeated sign-up of an unconfirmed one replaces it', async () => {
      const h = await setup({ autoconfirm: false });
      await h.call('POST', '/signup', { body: { email: 'ada@example.com', password: PASSWORD } });
      await h.db.asOwner((sql) =>
        sql.query("update auth.users set email_confirmed_at = now() where email = 'ada@example.com'"),
      );
      await h.call('POST', '/signup', { body: { email: 'bob@example.com', password: PASSWORD } });

      const again = await h.call('POST', '/signup', {
        body: { email: 'ada@example.com', password: 'a different one' },
      });
      expect(again.status).toBe(200);
      const fake = await again.json();
      expect(fake).toMatchObject({ email: 'ada@example.com', identities: [] });
      const [real] = await h.db.asOwner((sql) =>
        sql.query<{ id: string }>("select id from auth.users where email = 'ada@example.com'"),
      );
      expect(fake.id).not.toBe(real!.id);

      // Within a minute: 429 and no second mail for bob; after it, the newest sign-up replaces
      // the unconfirmed one (password included) and only its link works.
      const early = await h.call('POST', '/signup', { body: { email: 'bob@example.com', password: 'too early' } });
      expect(early.status).toBe(429);
      expect((await early.json()).code).toBe('over_email_send_rate_limit');
      expect((await h.outbox()).filter((m) => m.to === 'bob@example.com')).toHaveLength(1);
      h.clock.advance(61_000);
      await h.call('POST', '/signup', { body: { email: 'bob@example.com', password: 'a newer password' } });
      const bobMails = (await h.outbox()).filter((m) => m.to === 'bob@example.com');
      expect(bobMails).toHaveLength(2);
      const old = await h.call('POST', '/verify', {
        body: { type: 'signup', token_hash: linkToken(bobMails[1]!, 'token') },
      });
      expect(old.status).toBe(403);
      const ok = await h.call('POST', '/verify', {
        body: { type: 'signup', token_hash: linkToken(bobMails[0]!, 'token') },
      });
      expect(ok.status).toBe(200);
      const replaced = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'bob@example.com', password: PASSWORD },
      });
      expect(replaced.status).toBe(400);
      const signin = await h.call('POST', '/token?grant_type=password', {
        body: { email: 'bob@example.com', password: 'a newer password' },
      });
      expect(signin.status).toBe(200);
    });
  });
});
