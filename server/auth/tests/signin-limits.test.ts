import { describe, expect, it } from 'vitest';
import { engines } from '../../../tests/support/db.ts';
import { PASSWORD, signUp, useAuthDb } from './support.ts';

/** The sign-in limiter as an attacker and as an office behind one address meet it. */
describe.each(engines())('on %s', (engine) => {
  const setup = useAuthDb(engine);

  const attempt = (h: Awaited<ReturnType<typeof setup>>, email: string, ip: string, password = 'wrong password') =>
    h.call('POST', '/token?grant_type=password', { body: { email, password }, headers: { 'x-real-ip': ip } });

  it("a locked-out address records nothing: its attempts cannot lock anyone else's email", async () => {
    const h = await setup({ signinLimit: 3 });
    await signUp(h, 'ada@example.com');
    for (const n of [1, 2, 3]) expect((await attempt(h, `random${n}@example.com`, '198.51.100.1')).status).toBe(400);
    // The attacker's address is locked; it keeps trying ada's email, in vain.
    for (let i = 0; i < 5; i++) expect((await attempt(h, 'ada@example.com', '198.51.100.1')).status).toBe(429);
    // Ada, elsewhere, still has her whole budget: three mistakes, then her password.
    for (let i = 0; i < 2; i++) expect((await attempt(h, 'ada@example.com', '203.0.113.50')).status).toBe(400);
    expect((await attempt(h, 'ada@example.com', '203.0.113.50', PASSWORD)).status).toBe(200);
  });

  it('lets an office behind one address sign in all day: only failures count per IP', async () => {
    const h = await setup({ signinLimit: 3 });
    const learners = Array.from({ length: 8 }, (_, i) => `learner${i}@example.com`);
    for (const email of learners) await signUp(h, email);
    for (const email of learners) expect((await attempt(h, email, '192.0.2.10', PASSWORD)).status).toBe(200);
    // ... and per email too: a learner signing in on every device is never locked out.
    for (let i = 0; i < 5; i++)
      expect((await attempt(h, 'learner0@example.com', '192.0.2.10', PASSWORD)).status).toBe(200);
    // Guessing is still capped: three failures from the office address, then 429 for anyone there.
    for (const n of [1, 2, 3]) expect((await attempt(h, `guess${n}@example.com`, '192.0.2.10')).status).toBe(400);
    expect((await attempt(h, 'learner1@example.com', '192.0.2.10', PASSWORD)).status).toBe(429);
  });

  it('caps a burst of concurrent guesses at the limit (slots are taken before the password is checked)', async () => {
    const h = await setup({ signinLimit: 3 });
    await signUp(h, 'ada@example.com');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(h, 'ada@example.com', `10.1.0.${i}`)),
    );
    const codes = statuses.map((r) => r.status).sort();
    expect(codes).toEqual([...Array(3).fill(400), ...Array(9).fill(429)]);
  });

  it('keys IPv6 clients by their /64: rotating addresses in it gets no fresh budget', async () => {
    const h = await setup({ signinLimit: 3 });
    for (const n of [1, 2, 3]) expect((await attempt(h, `x${n}@example.com`, `2001:db8:0:1::${n}`)).status).toBe(400);
    expect((await attempt(h, 'x4@example.com', '2001:db8:0:1:ffff::4')).status).toBe(429);
    expect((await attempt(h, 'x4@example.com', '2001:db8:0:2::4')).status).toBe(400);
  });
});
