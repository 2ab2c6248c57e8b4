import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { courseWorld, next, settle, startHost, subscribed, type TestHost } from './test-host.ts';

/** The real supabase-js client (realtime-js 2.119) against the real host, on PGlite. */

let t: TestDatabase;
let host: TestHost | undefined;
beforeAll(async () => {
  t = await freshPglite();
});
afterAll(async () => {
  await t.drop();
});
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function cast() {
  host = await startHost(t.db);
  const [learner, instructor, outsider, companyAdmin, employee] = await Promise.all(
    ['learner', 'instructor', 'outsider', 'companyadmin', 'employee'].map((n) => host!.user(n)),
  );
  const world = await courseWorld(t.db, {
    instructor: instructor!.id,
    learner: learner!.id,
    companyAdmin: companyAdmin!.id,
    employee: employee!.id,
  });
  return {
    host,
    learner: learner!,
    instructor: instructor!,
    outsider: outsider!,
    companyAdmin: companyAdmin!,
    employee: employee!,
    ...world,
  };
}

const denied = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

describe('joining private channels', () => {
  it('admits each topic kind to its members and refuses everyone else with Supabase reason', async () => {
    const c = await cast();
    const cases: [string, { client: import('@supabase/supabase-js').SupabaseClient }, boolean][] = [
      [`user:${c.learner.id}`, c.learner, true],
      [`user:${c.learner.id}`, c.outsider, false],
      [`course:${c.course}`, c.learner, true],
      [`course:${c.course}`, c.instructor, true],
      [`course:${c.course}`, c.outsider, false],
      [`company:${c.company}`, c.companyAdmin, true],
      [`company:${c.company}`, c.employee, false],
      [`session:${c.session}`, c.learner, true],
      [`session:${c.session}`, c.instructor, true],
      [`session:${c.session}`, c.outsider, false],
      [`course:${c.course}`, { client: c.host.anon() }, false],
    ];
    for (const [topic, who, allowed] of cases) {
      const channel = who.client.channel(topic, { config: { private: true } });
      const outcome = await subscribed(channel);
      if (allowed) expect(outcome, topic).toEqual({ status: 'SUBSCRIBED', error: undefined });
      else expect(outcome, topic).toEqual({ status: 'CHANNEL_ERROR', error: denied(topic) });
      await who.client.removeChannel(channel);
    }
  });

  it('lets anyone with the key join a public channel, which is not the private topic of that name', async () => {
    const c = await cast();
    const open = c.outsider.client.channel(`course:${c.course}`);
    expect((await subscribed(open)).status).toBe('SUBSCRIBED');
    const members = c.learner.client.channel(`course:${c.course}`, { config: { private: true } });
    expect((await subscribed(members)).status).toBe('SUBSCRIBED');
    const heard: unknown[] = [];
    open.on('broadcast', { event: 'news' }, (m) => heard.push(m));
    const sender = c.instructor.client.channel(`course:${c.course}`, {
      config: { private: true, broadcast: { ack: true } },
    });
    expect((await subscribed(sender)).status).toBe('SUBSCRIBED');
    const got = next((done) => members.on('broadcast', { event: 'news' }, done));
    expect(await sender.send({ type: 'broadcast', event: 'news', payload: { text: 'hello' } })).toBe('ok');
    expect(await got).toEqual({ type: 'broadcast', event: 'news', payload: { text: 'hello' } });
    await settle();
    expect(heard).toEqual([]);
  });
});

describe('broadcast', () => {
  it('reaches members, not outsiders, not the sender unless self; a learner may not send on a course', async () => {
    const c = await cast();
    const topic = `course:${c.course}`;
    const learnerChannel = c.learner.client.channel(topic, { config: { private: true, broadcast: { ack: true } } });
    const received: unknown[] = [];
    learnerChannel.on('broadcast', { event: '*' }, (m) => received.push(m.payload));
    expect((await subscribed(learnerChannel)).status).toBe('SUBSCRIBED');
    const own: unknown[] = [];
    const teacher = c.instructor.client.channel(topic, { config: { private: true, broadcast: { ack: true } } });
    teacher.on('broadcast', { event: '*' }, (m) => own.push(m));
    expect((await subscribed(teacher)).status).toBe('SUBSCRIBED');
    const outsider = c.outsider.client.channel(topic, { config: { private: true } });
    expect((await subscribed(outsider)).status).toBe('CHANNEL_ERROR');

    expect(await teacher.send({ type: 'broadcast', event: 'announce', payload: { n: 1 } })).toBe('ok');
    expect(await learnerChannel.send({ type: 'broadcast', event: 'announce', payload: { n: 2 } })).toBe('error');
    await settle();
    expect(received).toEqual([{ n: 1 }]);
    expect(own).toEqual([]);

    const selfish = c.instructor.client.channel(`session:${c.session}`, {
      config: { private: true, broadcast: { self: true } },
    });
    const echo = next((done) => selfish.on('broadcast', { event: 'ping' }, (m) => done(m.payload)));
    expect((await subscribed(selfish)).status).toBe('SUBSCRIBED');
    await selfish.send({ type: 'broadcast', event: 'ping', payload: { at: 1 } });
    expect(await echo).toEqual({ at: 1 });
  });

  it('goes through REST (POST /realtime/v1/api/broadcast) with the same rules, and refuses bad input with 4xx', async () => {
    const c = await cast();
    const topic = `course:${c.course}`;
    const channel = c.learner.client.channel(topic, { config: { private: true } });
    const got = next((done) => channel.on('broadcast', { event: 'rest' }, (m) => done(m.payload)));
    expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
    const post = (token: string | undefined, body: unknown, apikey = c.host.key) =>
      fetch(`${c.host.url}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const message = { topic, event: 'rest', payload: { via: 'http' }, private: true };
    expect((await post(c.instructor.token, { messages: [message] })).status).toBe(202);
    expect(await got).toEqual({ via: 'http' });

    const learner = await post(c.learner.token, { messages: [message] });
    expect(learner.status).toBe(403);
    expect((await learner.json()).error.code).toBe('forbidden');
    expect((await post(undefined, { messages: [message] })).status).toBe(403);
    expect((await post(c.instructor.token, '{not json')).status).toBe(400);
    expect((await post(c.instructor.token, { messages: [{ topic: '', event: 'x' }] })).status).toBe(400);
    expect((await post(c.instructor.token, { messages: [message] }, 'not-a-key')).status).toBe(401);
    const big = { ...message, payload: { blob: 'x'.repeat(300 * 1024) } };
    expect((await post(c.instructor.token, { messages: [big] })).status).toBe(413);
    expect((await post(c.host.serviceKey, { messages: [message] })).status).toBe(202);
  });
});

describe('presence', () => {
  it('tracks joins and leaves on a live session', async () => {
    const c = await cast();
    const topic = `session:${c.session}`;
    const watcher = c.instructor.client.channel(topic, { config: { private: true, presence: { key: 'teacher' } } });
    const joins: string[] = [];
    const leaves: string[] = [];
    watcher
      .on('presence', { event: 'join' }, ({ key }) => joins.push(key))
      .on('presence', { event: 'leave' }, ({ key }) => leaves.push(key));
    expect((await subscribed(watcher)).status).toBe('SUBSCRIBED');
    expect(await watcher.track({ role: 'host' })).toBe('ok');

    const learner = c.learner.client.channel(topic, { config: { private: true, presence: { key: 'learner' } } });
    const synced = next<void>((done) => learner.on('presence', { event: 'sync' }, () => done()));
    expect((await subscribed(learner)).status).toBe('SUBSCRIBED');
    await synced;
    expect(Object.keys(learner.presenceState())).toEqual(['teacher']);
    expect(await learner.track({ hand: 'raised' })).toBe('ok');
    await settle();
    expect(joins).toEqual(['teacher', 'learner']);
    expect(watcher.presenceState().learner).toEqual([{ hand: 'raised', presence_ref: expect.any(String) }]);

    expect(await learner.untrack()).toBe('ok');
    await settle();
    expect(leaves).toEqual(['learner']);
    await learner.track({ hand: 'down' });
    await c.learner.client.removeChannel(learner);
    await settle();
    expect(leaves).toEqual(['learner', 'learner']);
    expect(Object.keys(watcher.presenceState())).toEqual(['teacher']);
  });

  it('closes a channel on its sixth presence call in 30 seconds, with Supabase reason', async () => {
    const c = await cast();
    const channel = c.learner.client.channel(`session:${c.session}`, { config: { private: true } });
    const system = next<{ message: string; status: string }>((done) =>
      channel.on('system', {}, (m) => done(m as { message: string; status: string })),
    );
    const statuses: string[] = [];
    channel.subscribe((status) => statuses.push(status));
    await next<void>((done) => {
      const poll = setInterval(() => {
        if (!statuses.includes('SUBSCRIBED')) return;
        clearInterval(poll);
        done();
      }, 20);
    });
    const results: string[] = [];
    for (let i = 0; i < 5; i++) results.push(await channel.track({ i }));
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    void channel.track({ i: 6 });
    expect(await system).toEqual({
      extension: 'system',
      status: 'error',
      message: 'Client presence rate limit exceeded',
      channel: `session:${c.session}`,
    });
    await settle();
    expect(statuses).toEqual(['SUBSCRIBED', 'CLOSED']);
  });

  it('closes a channel whose tracked state is over 256 KB, and refuses a state that is not an object', async () => {
    const c = await cast();
    const channel = c.learner.client.channel(`session:${c.session}`, { config: { private: true } });
    const system = next<{ message: string }>((done) => channel.on('system', {}, (m) => done(m as { message: string })));
    expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
    expect(await channel.track(['not', 'a', 'map'] as unknown as Record<string, unknown>)).toBe('error');
    void channel.track({ blob: 'x'.repeat(300 * 1024) });
    expect((await system).message).toBe('Track message size exceeded');
  });
});

describe('token refresh', () => {
  it('closes the channel with a system error when the new token no longer has access', async () => {
    const c = await cast();
    const topic = `course:${c.course}`;
    const channel = c.learner.client.channel(topic, { config: { private: true } });
    const system = next<{ message: string; status: string }>((done) =>
      channel.on('system', {}, (m) => done(m as { message: string; status: string })),
    );
    const statuses: string[] = [];
    channel.subscribe((status) => statuses.push(status));
    await next<void>((done) => {
      const poll = setInterval(() => {
        if (!statuses.includes('SUBSCRIBED')) return;
        clearInterval(poll);
        done();
      }, 20);
    });
    await t.db.asOwner((sql) =>
      sql.query(`update public.enrollments set status = 'cancelled' where user_id = $1 and course_id = $2`, [
        c.learner.id,
        c.course,
      ]),
    );
    // A refreshed session: supabase-js hands its new token to realtime (access_token push). Access
    // tokens carry whole-second iat/exp, so one refreshed in the second it was issued is the same
    // string, and realtime-js pushes only a changed token: refresh in a later second.
    const issuedAt = (
      JSON.parse(Buffer.from(c.learner.token.split('.')[1]!, 'base64url').toString()) as { iat: number }
    ).iat;
    while (Math.floor(Date.now() / 1000) <= issuedAt) await new Promise((r) => setTimeout(r, 50));
    const { data, error } = await c.learner.client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.access_token).not.toBe(c.learner.token);
    expect(await system).toMatchObject({
      status: 'error',
      message: `You do not have permissions to read from this Channel topic: ${topic}`,
    });
    await settle();
    expect(statuses).toEqual(['SUBSCRIBED', 'CLOSED']);
  });
});

describe('database-originated messages', () => {
  it("delivers a trigger's realtime.send and broadcast_changes to the authorized subscribers, then deletes the rows", async () => {
    const c = await cast();
    await t.db.runScript(`
      create schema if not exists rt_test;
      create table if not exists rt_test.pings (id serial primary key, user_id uuid not null, note text);
      alter table rt_test.pings enable row level security;
      create or replace function rt_test.ping_notify() returns trigger
      language plpgsql security definer set search_path = '' as $$
      begin
        perform realtime.send(jsonb_build_object('note', new.note), 'ping', 'user:' || new.user_id::text, true);
        perform realtime.broadcast_changes('user:' || new.user_id::text, 'changed', tg_op, tg_table_name, tg_table_schema, new, old);
        return null;
      end $$;
      create or replace trigger pings_notify after insert on rt_test.pings
        for each row execute function rt_test.ping_notify();
    `);
    const mine = c.learner.client.channel(`user:${c.learner.id}`, { config: { private: true } });
    const ping = next((done) => mine.on('broadcast', { event: 'ping' }, done));
    const changed = next((done) => mine.on('broadcast', { event: 'changed' }, (m) => done(m.payload)));
    expect((await subscribed(mine)).status).toBe('SUBSCRIBED');
    const spy = c.outsider.client.channel(`user:${c.learner.id}`);
    const overheard: unknown[] = [];
    spy.on('broadcast', { event: '*' }, (m) => overheard.push(m));
    expect((await subscribed(spy)).status).toBe('SUBSCRIBED');

    await t.db.asOwner((sql) =>
      sql.query('insert into rt_test.pings (user_id, note) values ($1, $2)', [c.learner.id, 'hi']),
    );
    expect(await ping).toEqual({
      type: 'broadcast',
      event: 'ping',
      payload: { note: 'hi' },
      meta: { id: expect.any(String) },
    });
    expect(await changed).toMatchObject({
      operation: 'INSERT',
      table: 'pings',
      schema: 'rt_test',
      record: { note: 'hi' },
      old_record: null,
    });
    await settle();
    expect(overheard).toEqual([]);
    const left = await t.db.asOwner((sql) =>
      sql.query<{ n: number }>('select count(*)::int as n from realtime.messages'),
    );
    expect(left[0]!.n).toBe(0);
  });
});
