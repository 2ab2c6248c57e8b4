import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { next, startHost, subscribed, type TestHost } from './test-host.ts';

/** Two hosts on one PostgreSQL deliver each other's broadcasts and the database's messages. */

if (!TEST_DATABASE_URL && process.env.CI) throw new Error('CI must set TEST_DATABASE_URL');

const needsPostgres = describe.skipIf(!TEST_DATABASE_URL); // skip-reason: needs a PostgreSQL server; CI sets TEST_DATABASE_URL and throws above without it

needsPostgres('two hosts on one PostgreSQL', () => {
  let t: TestDatabase;
  let hosts: TestHost[] = [];
  beforeAll(async () => {
    t = await freshPostgres();
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(async () => {
    await Promise.all(hosts.map((h) => h.close()));
    hosts = [];
  });

  it("relay each other's client broadcasts, small (NOTIFY) and large (a row)", async () => {
    hosts = [await startHost(t.db), await startHost(t.db)];
    const [a, b] = hosts as [TestHost, TestHost];
    const listener = b.anon().channel('room');
    const got: unknown[] = [];
    const both = next<void>((done) =>
      listener.on('broadcast', { event: 'say' }, (m) => {
        got.push(m.payload);
        if (got.length === 2) done();
      }),
    );
    expect((await subscribed(listener)).status).toBe('SUBSCRIBED');
    const speaker = a.anon().channel('room');
    expect((await subscribed(speaker)).status).toBe('SUBSCRIBED');
    await speaker.send({ type: 'broadcast', event: 'say', payload: { text: 'hi' } });
    const large = 'z'.repeat(20_000);
    await speaker.send({ type: 'broadcast', event: 'say', payload: { text: large } });
    await both;
    expect(got).toContainEqual({ text: 'hi' });
    expect(got).toContainEqual({ text: large });
  });

  it('both deliver a realtime.send to their own authorized subscribers', async () => {
    hosts = [await startHost(t.db), await startHost(t.db)];
    const [a, b] = hosts as [TestHost, TestHost];
    const user = await a.user('twohosts');
    const onA = user.client.channel(`user:${user.id}`, { config: { private: true } });
    const fromA = next((done) => onA.on('broadcast', { event: 'note' }, (m) => done(m.payload)));
    expect((await subscribed(onA)).status).toBe('SUBSCRIBED');
    const other = b.anon();
    await other.realtime.setAuth(user.token);
    const onB = other.channel(`user:${user.id}`, { config: { private: true } });
    const fromB = next((done) => onB.on('broadcast', { event: 'note' }, (m) => done(m.payload)));
    expect((await subscribed(onB)).status).toBe('SUBSCRIBED');
    await t.db.asOwner((sql) =>
      sql.query(`select realtime.send('{"n": 1}'::jsonb, 'note', $1, true)`, [`user:${user.id}`]),
    );
    expect(await fromA).toEqual({ n: 1 });
    expect(await fromB).toEqual({ n: 1 });
  });
});
