import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { signUp, useAuthDb } from './support.ts';

/** PUT /user { password } costs two bcrypt rounds: it is capped per user and per IP. */
describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  it('caps password changes per user and per IP with 429; other updates are not capped', async () => {
    const h = await setup({ limits: { passwordChangePerUser: 2, passwordChangePerIp: 3 } });
    const ada = await signUp(h, 'ada@example.com');
    const bob = await signUp(h, 'bob@example.com');
    const change = (token: string, password: string, ip = '203.0.113.7') =>
      h.call('PUT', '/user', { token, body: { password }, headers: { 'x-real-ip': ip } });

    expect((await change(ada.access_token, 'first new password')).status).toBe(200);
    expect((await change(ada.access_token, 'second new password')).status).toBe(200);
    const third = await change(ada.access_token, 'third new password', '198.51.100.20'); // another IP: still ada
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
    // The refused change changed nothing.
    const signin = await h.call('POST', '/token?grant_type=password', {
      body: { email: 'ada@example.com', password: 'second new password' },
    });
    expect(signin.status).toBe(200);
    const meta = await h.call('PUT', '/user', { token: ada.access_token, body: { data: { theme: 'dark' } } });
    expect(meta.status).toBe(200);

    // The IP has had three (two for ada, one for bob): bob's second from it is refused, not from elsewhere.
    expect((await change(bob.access_token, 'bob new password')).status).toBe(200);
    expect((await change(bob.access_token, 'bob newer password')).status).toBe(429);
    expect((await change(bob.access_token, 'bob newer password', '198.51.100.30')).status).toBe(200);

    h.clock.advance(5 * 60_000 + 1);
    expect((await change(ada.access_token, 'third new password')).status).toBe(200);
  });
});
