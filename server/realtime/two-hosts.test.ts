import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, TEST_DATABASE_URL, type TestDatabase } from '../../tests/support/db.ts';
import { expectEventually } from '../../tests/support/web-expect.ts';
import { next, startHost, subscribed, type TestHost } from './test-host.ts';

/**
 * Two hosts on one PostgreSQL deliver each other's broadcasts and the database's messages, and
 * share presence: realtime-js sees one presence state per topic whatever host it is on.
 */

if (!TEST_DATABASE_URL && process.env.CI) throw new Error('CI must set TEST_DATABASE_URL');

const needsPostgres = describe.skipIf(!TEST_DATABASE_URL); // skip-reason: needs a PostgreSQL server; CI sets TEST_DATABASE_URL and throws above without it

needsPostgres('two hosts on one PostgreSQL', () => {
  let t: TestDatabase;
  let hosts: TestHost[] = [];
  let children: ChildProcess[] = [];
  beforeAll(async () => {
    t = await freshPostgres();
  });
  afterAll(async () => {
    await t?.drop();
  });
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    children = [];
    await Promise.all(hosts.map((h) => h.close()));
    hosts = [];
  });

  /** A host in a process of its own (two-hosts-child.ts) on this test's database, to kill. */
  async function startChild(heartbeatMs: number): Promise<{ url: string; key: string; child: ChildProcess }> {
    const [row] = await t.db.asOwner((sql) => sql.query<{ name: string }>('select current_database() as name'));
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    const script = fileURLToPath(new URL('./two-hosts-child.ts', import.meta.url));
    const child = spawn(process.execPath, [script, url.toString(), String(heartbeatMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      child.once('exit', (code) => reject(new Error(`the child host exited (${code})`)));
    });
    return { ...(JSON.parse(line) as { url: string; key: string }), child };
  }

  const anonOf = (url: string, key: string): SupabaseClient =>
    createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } });

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

  it('share presence: joins and leaves cross hosts, and presence_state on join has every host’s entries', async () => {
    hosts = [await startHost(t.db), await startHost(t.db)];
    const [a, b] = hosts as [TestHost, TestHost];
    const alice = a.anon().channel('lobby', { config: { presence: { key: 'alice' } } });
    const joins: string[] = [];
    const leaves: string[] = [];
    alice
      .on('presence', { event: 'join' }, ({ key }) => joins.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    expect((await subscribed(alice)).status).toBe('SUBSCRIBED');
    expect(await alice.track({ at: 'a' })).toBe('ok');
    await expectEventually(() => Object.keys(b.realtime.hub.presenceState('public:lobby'))).toEqual(['alice']);

    // Joining on B: presence_state has A's entry.
    const onB = b.anon();
    const bob = onB.channel('lobby', { config: { presence: { key: 'bob' } } });
    const synced = next<void>((done) => bob.on('presence', { event: 'sync' }, () => done()));
    expect((await subscribed(bob)).status).toBe('SUBSCRIBED');
    await synced;
    expect(bob.presenceState()).toEqual({ alice: [{ at: 'a', presence_ref: expect.any(String) }] });

    // A state too large for a NOTIFY goes through a row.
    const big = 'b'.repeat(10_000);
    expect(await bob.track({ at: 'b', big })).toBe('ok');
    await expectEventually(() => (alice.presenceState().bob?.[0] as { big?: string } | undefined)?.big?.length).toBe(
      big.length,
    );
    expect(await bob.untrack()).toBe('ok');
    await expectEventually(() => leaves).toEqual(['bob']);
    expect(await bob.track({ at: 'b2' })).toBe('ok');
    await expectEventually(() => Object.keys(alice.presenceState()).sort()).toEqual(['alice', 'bob']);
    expect(alice.presenceState().bob).toEqual([{ at: 'b2', presence_ref: expect.any(String) }]);
    expect(await alice.track({ at: 'a2' })).toBe('ok');
    await expectEventually(() => bob.presenceState().alice?.map((m) => (m as { at?: string }).at)).toEqual(['a2']);

    // Leaving the channel on B: A sees the leave, and both agree on what is left. (A track that
    // replaces a state is a join and a leave, as in Phoenix: alice's second track left one.)
    await onB.removeChannel(bob);
    await expectEventually(() => leaves).toEqual(['bob', 'alice', 'bob']);
    expect(joins).toEqual(['alice', 'bob', 'bob', 'alice']);
    expect(Object.keys(alice.presenceState())).toEqual(['alice']);
    await expectEventually(() => Object.keys(b.realtime.hub.presenceState('public:lobby'))).toEqual(['alice']);
  });

  it('a host that starts late gets the others’ presence; a clean shutdown takes its presences away at once', async () => {
    hosts = [await startHost(t.db)];
    const [a] = hosts as [TestHost];
    const early = a.anon().channel('hall', { config: { presence: { key: 'early' } } });
    expect((await subscribed(early)).status).toBe('SUBSCRIBED');
    // Large enough that A's answer to the new host's hello goes through a row.
    const note = 'n'.repeat(9_000);
    expect(await early.track({ note })).toBe('ok');

    const b = await startHost(t.db);
    hosts.push(b);
    const late = b.anon().channel('hall', { config: { presence: { key: 'late' } } });
    const leaves: string[] = [];
    late.on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    expect((await subscribed(late)).status).toBe('SUBSCRIBED');
    await expectEventually(() => (late.presenceState().early?.[0] as { note?: string } | undefined)?.note?.length).toBe(
      note.length,
    );

    // A stops cleanly (its clients are not told to leave first): its goodbye drops its presences
    // on B now, not after three heartbeats (15 s by default).
    await a.realtime.close();
    await expectEventually(() => leaves, { timeout: 5_000 }).toEqual(['early']);
    expect(late.presenceState()).toEqual({});
  });

  it('a host that dies without a goodbye: its presences leave after three missed heartbeats', async () => {
    const heartbeatMs = 300;
    hosts = [await startHost(t.db, undefined, { presenceHeartbeatMs: heartbeatMs })];
    const [b] = hosts as [TestHost];
    const watcher = b.anon().channel('wake', { config: { presence: { key: 'watcher' } } });
    const leaves: string[] = [];
    watcher.on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    expect((await subscribed(watcher)).status).toBe('SUBSCRIBED');

    const dying = await startChild(heartbeatMs);
    const client = anonOf(dying.url, dying.key);
    const ghost = client.channel('wake', { config: { presence: { key: 'ghost' } } });
    expect((await subscribed(ghost)).status).toBe('SUBSCRIBED');
    expect(await ghost.track({ hello: 'from the other process' })).toBe('ok');
    await expectEventually(() => Object.keys(watcher.presenceState())).toEqual(['ghost']);
    // Heartbeats alone keep it: after several intervals it is still there.
    await new Promise((resolve) => setTimeout(resolve, 5 * heartbeatMs));
    expect(leaves).toEqual([]);

    dying.child.kill('SIGKILL');
    await client.realtime.disconnect();
    await expectEventually(() => leaves, { timeout: 10_000 }).toEqual(['ghost']);
    expect(watcher.presenceState()).toEqual({});
  });
});
