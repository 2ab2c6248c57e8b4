import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type TestHost } from '../server/realtime/test-host.ts';
import { connectLive, type LiveConnection, type LiveStatus } from '../web/src/lib/live.ts';
import { toNotification } from '../web/src/lib/notifications.ts';
import { freshPglite, type TestDatabase } from './support/db.ts';
import { expectEventually } from './support/web-expect.ts';

/**
 * The web app's live module (web/src/lib/live.ts) with the real supabase-js client against the
 * real host's Realtime service: it joins the private topic `user:<uid>`, receives what the
 * notifications trigger sends there (and nothing of another user's), joins again after the
 * connection drops (calling onRejoin so the bell can catch up), and close() leaves nothing behind.
 */

let t: TestDatabase;
let host: TestHost;
beforeAll(async () => {
  t = await freshPglite();
  host = await startHost(t.db);
}, 120_000);
afterAll(async () => {
  await host?.close();
  await t?.drop();
});

const notify = (userId: string, title: string) =>
  host.db.asOwner((sql) =>
    sql.query(`insert into public.notifications (user_id, kind, title, link) values ($1, 'system', $2, '/dashboard')`, [
      userId,
      title,
    ]),
  );

describe('connectLive', () => {
  it('receives its user’s notifications live, rejoins after a drop, and closes cleanly', async () => {
    const me = await host.user('live');
    const someoneElse = await host.user('other');
    const titles: string[] = [];
    const statuses: LiveStatus[] = [];
    let rejoins = 0;
    const live: LiveConnection = connectLive(me.client, me.client.auth, {
      topic: `user:${me.id}`,
      on: {
        notification: (payload) => {
          const n = toNotification(payload);
          if (n) titles.push(n.title);
        },
      },
      onStatus: (s) => statuses.push(s),
      onRejoin: () => rejoins++,
    });
    await expectEventually(() => statuses.at(-1)).toBe('live');

    await notify(someoneElse.id, 'Not for you');
    await notify(me.id, 'First');
    await expectEventually(() => titles).toEqual(['First']);

    // The connection drops: the channel fails, and the module joins again by itself.
    me.client.realtime.disconnect();
    await expectEventually(() => statuses.includes('offline')).toBe(true);
    await expectEventually(() => rejoins).toBe(1);
    expect(statuses.at(-1)).toBe('live');
    await notify(me.id, 'Second');
    await expectEventually(() => titles).toEqual(['First', 'Second']);

    // A refreshed token reaches the joined channel (an access_token push); delivery goes on.
    const before = me.client.realtime.accessTokenValue;
    // Tokens carry whole-second iat: refresh in a later second than `before` was issued, or the
    // refreshed token is the same string and nothing is pushed.
    const issuedAt = (JSON.parse(Buffer.from(String(before).split('.')[1]!, 'base64url').toString()) as { iat: number })
      .iat;
    while (Math.floor(Date.now() / 1000) <= issuedAt) await new Promise((r) => setTimeout(r, 50));
    const { error } = await me.client.auth.refreshSession();
    expect(error).toBeNull();
    await expectEventually(() => me.client.realtime.accessTokenValue !== before).toBe(true);
    await notify(me.id, 'Third');
    await expectEventually(() => titles).toEqual(['First', 'Second', 'Third']);
    expect(statuses.at(-1)).toBe('live');

    live.close();
    expect(me.client.getChannels()).toEqual([]);
    await notify(me.id, 'After close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles).toEqual(['First', 'Second', 'Third']);
  });

  it('keeps retrying a join the policies refuse, and stops when closed', async () => {
    const me = await host.user('refused');
    const statuses: LiveStatus[] = [];
    const live = connectLive(me.client, me.client.auth, {
      topic: 'user:00000000-0000-4000-8000-000000000000',
      on: {},
      onStatus: (s) => statuses.push(s),
    });
    await expectEventually(() => statuses.includes('offline')).toBe(true);
    expect(statuses).not.toContain('live');
    live.close();
    const seen = statuses.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(statuses).toHaveLength(seen);
    expect(me.client.getChannels()).toEqual([]);
  });
});
