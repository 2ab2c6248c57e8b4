import { createServerClient } from '@supabase/ssr';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { start } from './http-server.ts';
import { PASSWORD, SECRET } from './support.ts';

/**
 * The real @supabase/supabase-js client against the auth app mounted at /auth/v1 on a real
 * HTTP server, the way the Node host mounts it.
 */

describe('@supabase/supabase-js against the embedded auth', () => {
  it('signs up, signs in, reads and updates the user, refreshes and signs out', async () => {
    const srv = await start();
    const supabase = srv.client();

    const up = await supabase.auth.signUp({
      email: 'ada@example.com',
      password: PASSWORD,
      options: { data: { first_name: 'Ada' } },
    });
    expect(up.error).toBeNull();
    expect(up.data.session?.user.email).toBe('ada@example.com');
    expect(up.data.user?.user_metadata).toEqual({ first_name: 'Ada' });

    const dup = await srv.client().auth.signUp({ email: 'ada@example.com', password: PASSWORD });
    expect(dup.error).toMatchObject({ status: 422, code: 'user_already_exists' });

    const signIn = await supabase.auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(signIn.error).toBeNull();
    const session = signIn.data.session!;
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);

    const { data: me, error: meError } = await supabase.auth.getUser();
    expect(meError).toBeNull();
    expect(me.user).toMatchObject({ id: up.data.user!.id, email: 'ada@example.com' });

    srv.clock.advance(1000);
    const refreshed = await supabase.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(refreshed.data.session!.access_token).session_id).toBe(decodeJwt(session.access_token).session_id);

    const updated = await supabase.auth.updateUser({ password: 'a new password', data: { last_name: 'Lovelace' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user!.user_metadata).toEqual({ first_name: 'Ada', last_name: 'Lovelace' });
    const weak = await supabase.auth.updateUser({ password: 'short' });
    expect(weak.error).toMatchObject({
      name: 'AuthWeakPasswordError',
      status: 422,
      code: 'weak_password',
      reasons: ['length'],
    });

    const lastToken = (await supabase.auth.getSession()).data.session!.access_token;
    const out = await supabase.auth.signOut();
    expect(out.error).toBeNull();
    expect((await supabase.auth.getSession()).data.session).toBeNull();
    const after = await srv.client().auth.getUser(lastToken);
    expect(after.error?.name).toBe('AuthSessionMissingError');

    const old = await srv.client().auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(old.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const fresh = await srv.client().auth.signInWithPassword({ email: 'ada@example.com', password: 'a new password' });
    expect(fresh.error).toBeNull();
  });

  it('recovers a password: resetPasswordForEmail, the outbox link, verifyOtp, updateUser', async () => {
    const srv = await start();
    await srv.client().auth.signUp({ email: 'ada@example.com', password: PASSWORD });

    const browser = srv.client();
    const reset = await browser.auth.resetPasswordForEmail('ada@example.com');
    expect(reset).toEqual({ data: {}, error: null });
    const unknown = await browser.auth.resetPasswordForEmail('nobody@example.com');
    expect(unknown).toEqual({ data: {}, error: null });

    const mails = await srv.outbox.list();
    expect(mails).toHaveLength(1);
    const link = /http:\/\/localhost:8787\/reset-password\?\S+/.exec(mails[0]!.text)![0];
    const params = new URL(link).searchParams;
    expect(params.get('type')).toBe('recovery');

    const verified = await browser.auth.verifyOtp({ token_hash: params.get('token_hash')!, type: 'recovery' });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.email).toBe('ada@example.com');
    const again = await srv.client().auth.verifyOtp({ token_hash: params.get('token_hash')!, type: 'recovery' });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired' });

    expect((await browser.auth.updateUser({ password: 'recovered password' })).error).toBeNull();
    const signIn = await srv
      .client()
      .auth.signInWithPassword({ email: 'ada@example.com', password: 'recovered password' });
    expect(signIn.error).toBeNull();
    const old = await srv.client().auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(old.error?.code).toBe('invalid_credentials');
  });

  it('detects a replayed refresh token and ends the session for everyone', async () => {
    const srv = await start();
    const victim = srv.client();
    const { data } = await victim.auth.signUp({ email: 'ada@example.com', password: PASSWORD });
    const stolen = data.session!.refresh_token;

    expect((await victim.auth.refreshSession()).error).toBeNull();
    srv.clock.advance(11_000);

    const attacker = srv.client();
    const replay = await attacker.auth.refreshSession({ refresh_token: stolen });
    expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    expect(replay.data.session).toBeNull();

    const { error } = await victim.auth.getUser();
    expect(error?.name).toBe('AuthSessionMissingError');
    const retry = await victim.auth.refreshSession({ refresh_token: stolen });
    expect(retry.error?.code).toBe('refresh_token_not_found');
  });

  it('rate-limits password sign-in with 429', async () => {
    const srv = await start({ signinLimit: 3 });
    await srv.client().auth.signUp({ email: 'ada@example.com', password: PASSWORD });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const { error } = await srv
        .client()
        .auth.signInWithPassword({ email: 'ada@example.com', password: 'wrong password' });
      codes.push(error?.code);
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'over_request_rate_limit',
    ]);
    const { error } = await srv.client().auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
  });

  it('refuses forged access tokens on /user', async () => {
    const srv = await start();
    const { data } = await srv.client().auth.signUp({ email: 'ada@example.com', password: PASSWORD });
    const { data: other } = await srv.client().auth.signUp({ email: 'eve@example.com', password: PASSWORD });
    const real = data.session!.access_token;
    const [header, payload, signature] = real.split('.') as [string, string, string];
    const claims = decodeJwt(real);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

    const forged: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'wrong secret': await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode('an-attacker-secret-of-at-least-32-chars')),
      'tampered payload': `${header}.${b64({ ...claims, sub: other.user!.id, email: 'eve@example.com' })}.${signature}`,
      'escalated role': `${header}.${b64({ ...claims, role: 'service_role' })}.${signature}`,
      expired: await new SignJWT({ ...claims, iat: claims.iat! - 7200, exp: claims.iat! - 3600 })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(SECRET)),
    };
    for (const [name, token] of Object.entries(forged)) {
      const res = await fetch(`${srv.url}/auth/v1/user`, {
        headers: { authorization: `Bearer ${token}`, apikey: 'x' },
      });
      expect([name, res.status]).toEqual([name, 403]);
      expect([name, (await res.json()).error_code]).toEqual([name, 'bad_jwt']);
      const viaClient = await srv.client().auth.getUser(token);
      expect([name, viaClient.error?.status]).toEqual([name, 403]);
      expect(viaClient.data.user).toBeNull();
    }
    const ok = await srv.client().auth.getUser(real);
    expect(ok.data.user?.email).toBe('ada@example.com');
  });

  it('confirms a PKCE sign-up (the @supabase/ssr flow): mail link → ?code= → exchangeCodeForSession', async () => {
    const srv = await start({ autoconfirm: false });
    const browser = srv.client({ flowType: 'pkce' });
    const up = await browser.auth.signUp({
      email: 'ada@example.com',
      password: PASSWORD,
      options: { emailRedirectTo: 'http://localhost:8787/auth/callback' },
    });
    expect(up.error).toBeNull();
    expect(up.data.session).toBeNull();
    const early = await srv.client().auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(early.error?.code).toBe('email_not_confirmed');

    const [mail] = await srv.outbox.list();
    const link = new URL(/http:\/\/localhost:8787\/auth\/v1\/verify\?\S+/.exec(mail!.text)![0]);
    const res = await fetch(`${srv.url}${link.pathname}${link.search}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:8787/auth/callback');
    const exchanged = await browser.auth.exchangeCodeForSession(location.searchParams.get('code')!);
    expect(exchanged.error).toBeNull();
    expect(exchanged.data.session?.user.email_confirmed_at).toBeTruthy();
    expect((await browser.auth.getUser()).data.user?.email).toBe('ada@example.com');
  });

  it('works with @supabase/ssr: the session lives in cookies across server clients', async () => {
    const srv = await start();
    await srv.client().auth.signUp({ email: 'ada@example.com', password: PASSWORD });
    const jar = new Map<string, string>();
    const serverClient = () =>
      createServerClient(srv.url, srv.key, {
        cookies: {
          getAll: () => [...jar].map(([name, value]) => ({ name, value })),
          setAll: (cookies) => {
            for (const { name, value } of cookies) {
              if (value) jar.set(name, value);
              else jar.delete(name);
            }
          },
        },
      });
    const signIn = await serverClient().auth.signInWithPassword({ email: 'ada@example.com', password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(jar.size).toBeGreaterThan(0);
    const { data, error } = await serverClient().auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.email).toBe('ada@example.com');
    await serverClient().auth.signOut();
    expect((await serverClient().auth.getUser()).data.user).toBeNull();
  });
});
