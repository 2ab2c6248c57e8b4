import { afterEach, describe, expect, it } from 'vitest';
import { expectEventually } from '../../tests/support/web-expect.ts';
import { type Access, FULL_ACCESS } from './authorize.ts';
import { Hub, type Subscriber } from './hub.ts';
import { type PresenceMessage, PresenceRelay } from './presence-relay.ts';

/**
 * The presence relay between hosts, with real hubs and relays on an in-process bus that stands
 * for NOTIFY (JSON on the way, as the feed sends it). The bus can hold, drop or cut messages:
 * what PostgreSQL does to them when a row is read late or a LISTEN connection is lost.
 * two-hosts.test.ts runs the same protocol on a real PostgreSQL between real hosts.
 */

const HEARTBEAT = 40;
const KEY = 'public:room';
const TOPIC = 'realtime:room';

type Filter = (message: PresenceMessage) => 'deliver' | 'drop' | 'hold';

interface Host {
  hub: Hub;
  relay: PresenceRelay;
  /** Every presence_diff this host pushed to its reader. */
  diffs(): { joins: Record<string, unknown>; leaves: Record<string, unknown> }[];
  /** What its subscriber that may not read presence got: nothing, ever. */
  blind: unknown[];
  /** A channel of this host that tracks presences. */
  sub: Subscriber;
}

const NO_PRESENCE: Access = { ...FULL_ACCESS, presence: { read: false, write: false } };

let hosts: Host[] = [];
let filter: Filter = () => 'deliver';
let held: PresenceMessage[] = [];

/** A subscriber; `frames` gets what it is sent, as [joinRef, ref, topic, event, payload]. */
function subscriber(id: string, access: Access, frames: unknown[][] = []): Subscriber {
  return { id, access, deliver: (data) => frames.push(JSON.parse(Buffer.from(data).toString())) };
}

async function startHost(name: string): Promise<Host> {
  let relay: PresenceRelay | undefined;
  const hub = new Hub((key, diff) => relay?.local(key, diff));
  relay = new PresenceRelay({
    host: name,
    hub,
    heartbeatMs: HEARTBEAT,
    send: async (message) => {
      const wire = JSON.parse(JSON.stringify(message)) as PresenceMessage;
      const verdict = filter(wire);
      if (verdict === 'hold') held.push(wire);
      if (verdict !== 'deliver') return;
      setImmediate(() => {
        for (const h of hosts) h.relay.receive(wire);
      });
    },
  });
  const frames: unknown[][] = [];
  const host: Host = {
    hub,
    relay,
    diffs: () => frames.filter((f) => f[3] === 'presence_diff').map((f) => f[4] as ReturnType<Host['diffs']>[number]),
    blind: [],
    sub: subscriber(`${name}-tracker`, NO_PRESENCE),
  };
  hub.subscribe(KEY, subscriber(`${name}-reader`, FULL_ACCESS, frames));
  hub.subscribe(KEY, subscriber(`${name}-blind`, NO_PRESENCE, host.blind as unknown[][]));
  hub.subscribe(KEY, host.sub);
  hosts.push(host);
  await relay.start();
  return host;
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
const keys = (h: Host) => Object.keys(h.hub.presenceState(KEY)).sort();
const release = () => {
  const out = held;
  held = [];
  for (const m of out) for (const h of hosts) h.relay.receive(m);
};

afterEach(async () => {
  for (const h of hosts) expect(h.blind).toEqual([]);
  filter = () => 'deliver';
  held = [];
  await Promise.all(hosts.map((h) => h.relay.stop()));
  hosts = [];
});

describe('presence relay', () => {
  it('applies diffs in their order when one comes late (a row read after a later NOTIFY)', async () => {
    const a = await startHost('a');
    const b = await startHost('b');
    await settle();
    filter = (m) => (m.k === 'diff' && m.s === 1 ? 'hold' : 'deliver');
    a.hub.track(KEY, TOPIC, a.sub, 'first', { n: 1 });
    a.hub.track(KEY, TOPIC, a.sub, 'first', { n: 2 });
    await settle(10);
    expect(keys(b)).toEqual([]);
    filter = () => 'deliver';
    release();
    expect(b.hub.presenceState(KEY)).toEqual({ first: { metas: [expect.objectContaining({ n: 2 })] } });
    expect(b.diffs().map((d) => [Object.keys(d.joins), Object.keys(d.leaves)])).toEqual([
      [['first'], []],
      [['first'], ['first']],
    ]);
  });

  it('asks for the whole state when a diff is lost (the heartbeat shows the gap)', async () => {
    const a = await startHost('a');
    const b = await startHost('b');
    await settle();
    filter = (m) => (m.k === 'diff' && m.s === 1 ? 'drop' : 'deliver');
    a.hub.track(KEY, TOPIC, a.sub, 'lost', { n: 1 });
    const other = subscriber('a-other', NO_PRESENCE);
    a.hub.subscribe(KEY, other);
    a.hub.track(KEY, TOPIC, other, 'kept', { n: 2 });
    await expectEventually(() => keys(b), { timeout: 2_000 }).toEqual(['kept', 'lost']);
    expect(keys(b)).toEqual(keys(a));
  });

  it('drops a host not heard from for three heartbeats, and one that said goodbye at once', async () => {
    const a = await startHost('a');
    const b = await startHost('b');
    const c = await startHost('c');
    a.hub.track(KEY, TOPIC, a.sub, 'from-a', {});
    c.hub.track(KEY, TOPIC, c.sub, 'from-c', {});
    await expectEventually(() => keys(b)).toEqual(['from-a', 'from-c']);

    // a falls silent (its messages no longer arrive): after three intervals its presences leave.
    filter = (m) => (m.h === 'a' ? 'drop' : 'deliver');
    const silentAt = Date.now();
    await expectEventually(() => keys(b), { timeout: 2_000 }).toEqual(['from-c']);
    expect(Date.now() - silentAt).toBeGreaterThanOrEqual(HEARTBEAT);
    expect(b.diffs().at(-1)).toEqual({ joins: {}, leaves: { 'from-a': { metas: [expect.any(Object)] } } });

    // c says goodbye: gone at once, and what it sends after is ignored.
    filter = () => 'deliver';
    await c.relay.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(keys(b)).toEqual([]);
    b.relay.receive({ k: 'diff', h: 'c', s: 2, key: KEY, joins: { late: { metas: [{ phx_ref: 'x' }] } }, leaves: {} });
    expect(keys(b)).toEqual([]);
  });

  it('ignores what is not a presence message', async () => {
    const b = await startHost('b');
    for (const junk of [
      null,
      'text',
      { k: 'diff', h: 'x', s: 1, key: 'no-kind:room', joins: { k: { metas: [{ phx_ref: 'r' }] } }, leaves: {} },
      { k: 'diff', h: 'x', s: -1, key: KEY, joins: {}, leaves: {} },
      { k: 'state', h: 'x', to: 'b', s: 0, topics: [] },
      { k: 'hello' },
    ]) {
      b.relay.receive(junk);
    }
    b.relay.receive({ k: 'hello', h: 'x' });
    b.relay.receive({
      k: 'diff',
      h: 'x',
      s: 1,
      key: KEY,
      joins: { ok: { metas: [{ phx_ref: 'r1' }, 'not a meta', { no_ref: true }] }, bad: 'x' },
      leaves: {},
    });
    expect(b.hub.presenceState(KEY)).toEqual({ ok: { metas: [{ phx_ref: 'r1' }] } });
  });
});
