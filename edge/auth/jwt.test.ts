import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness, signToken } from '../../tests/support/edge-harness.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
});
afterAll(() => h.close());

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

async function dashboardWith(authorization: string) {
  const res = await h.app.request('/api/me/dashboard', { headers: { authorization } });
  return { status: res.status, body: await res.json() };
}

describe('forged and broken tokens', () => {
  it('accepts a valid token', async () => {
    expect((await dashboardWith(`Bearer ${await h.token(ids.student)}`)).status).toBe(200);
  });

  it('rejects alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: ids.admin, role: 'authenticated', exp: 9999999999 })}.`;
    const { status, body } = await dashboardWith(`Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.error.code).toBe('invalid_token');
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signToken(
      { sub: ids.admin, role: 'authenticated' },
      'another-secret-another-secret-another-secret',
    );
    expect((await dashboardWith(`Bearer ${token}`)).status).toBe(401);
  });

  it('rejects tampered claims under the original signature', async () => {
    const [header, , signature] = (await h.token(ids.student)).split('.');
    const forged = `${header}.${b64({ sub: ids.admin, role: 'authenticated', exp: 9999999999 })}.${signature}`;
    expect((await dashboardWith(`Bearer ${forged}`)).status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const token = await signToken(
      { sub: ids.student, role: 'authenticated' },
      undefined,
      Math.floor(Date.now() / 1000) - 60,
    );
    const { status, body } = await dashboardWith(`Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.error.message).toBe('token expired');
  });

  it('rejects garbage, a missing scheme, unknown roles and missing subjects', async () => {
    expect((await dashboardWith('Bearer not.a.jwt')).status).toBe(401);
    expect((await dashboardWith(await h.token(ids.student))).status).toBe(401);
    expect((await dashboardWith(`Bearer ${await signToken({ sub: ids.student, role: 'postgres' })}`)).status).toBe(401);
    expect((await dashboardWith(`Bearer ${await signToken({ role: 'authenticated' })}`)).status).toBe(401);
  });

  it('treats the anon key as an anonymous caller', async () => {
    const anon = await signToken({ role: 'anon' });
    expect((await dashboardWith(`Bearer ${anon}`)).status).toBe(401);
    const res = await h.app.request('/api/courses', { headers: { authorization: `Bearer ${anon}` } });
    expect(res.status).toBe(200);
  });
});
