import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { next, settle, startHost, subscribed, type TestHost } from './test-host.ts';

/** Limits and hostile input, spoken in raw Phoenix frames over `ws`; the server must stay up. */

let t: TestDatabase;
let host: TestHost | undefined;
const sockets: WebSocket[] = [];
beforeAll(async () => {
  t = await freshPglite();
});
afterAll(async () => {
  await t.drop();
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await host?.close();
  host = undefined;
});

type Msg = [string | null, string | null, string, string, Record<string, unknown>];

async function raw(h: TestHost, query = `apikey=${h.key}&vsn=2.0.0`) {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/realtime/v1/websocket?${query}`);
  sockets.push(ws);
  const inbox: Msg[] = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) inbox.push(JSON.parse(data.toString()));
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let ref = 0;
  const push = (topic: string, event: string, payload: Record<string, unknown>, joinRef: string | null = null) => {
    const r = String(++ref);
    ws.send(JSON.stringify([joinRef ?? r, r, topic, event, payload]));
    return r;
  };
  const replyTo = (r: string) =>
    next<Msg>((done) => {
      const poll = setInterval(() => {
        const m = inbox.find((x) => x[1] === r && x[3] === 'phx_reply');
        if (m) {
          clearInterval(poll);
          done(m);
        }
      }, 5);
    });
  return { ws, inbox, push, replyTo };
}

async function alive(h: TestHost) {
  const a = h.anon();
  const channel = a.channel('still-up');
  expect((await subscribed(channel)).status).toBe('SUBSCRIBED');
  await a.removeChannel(channel);
}

describe('hostile input', () => {
  it('ignores garbage frames and closes only the socket that sends an oversized one', async () => {
    host = await startHost(t.db);
    const c = await raw(host);
    for (const junk of ['', 'not json', '[1,2]', '{"a":1}', '[null,null,5,"x",{}]', '[null,"1","t","e","str"]'])
      c.ws.send(junk);
    c.ws.send(Buffer.from([3, 200, 200, 200, 200, 200, 1, 1, 2]));
    c.ws.send(Buffer.from([9, 0, 0]));
    c.ws.send(Buffer.alloc(0));
    const heartbeat = c.push('phoenix', 'heartbeat', {});
    expect((await c.replyTo(heartbeat))[4]).toEqual({ status: 'ok', response: {} });

    const big = await raw(host);
    const closed = next<number>((done) => big.ws.once('close', (code) => done(code)));
    big.ws.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    await alive(host);
  });

  it('refuses a connection without a valid key, and an unknown vsn', async () => {
    host = await startHost(t.db);
    const status = (query: string) =>
      next<number>((done) => {
        const ws = new WebSocket(`${host!.url.replace('http', 'ws')}/realtime/v1/websocket?${query}`);
        ws.on('error', () => undefined); // the refused handshake, reported below
        ws.once('unexpected-response', (req, res) => {
          done(res.statusCode ?? 0);
          req.destroy();
        });
      });
    expect(await status('vsn=2.0.0')).toBe(403);
    expect(await status('apikey=abc&vsn=2.0.0')).toBe(403);
    expect(await status(`apikey=${host.key}&vsn=9`)).toBe(400);
    await alive(host);
  });

  it('drops a socket that floods frames faster than they are handled, and stays up', async () => {
    host = await startHost(t.db);
    const c = await raw(host);
    const closed = next<number>((done) => c.ws.once('close', (code) => done(code)), 15_000);
    // Private joins wait on the database: 3,000 of them in one burst pile up.
    const join = JSON.stringify(['1', '1', 'realtime:flood', 'phx_join', { config: { private: true } }]);
    for (let i = 0; i < 3000; i++) c.ws.send(join);
    expect(await closed).toBe(1006);
    await alive(host);
  });

  it('answers pushes to a topic the socket has not joined with an error, as Phoenix does', async () => {
    host = await startHost(t.db);
    const c = await raw(host);
    const r = c.push('realtime:nowhere', 'broadcast', { type: 'broadcast', event: 'x', payload: {} });
    expect((await c.replyTo(r))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
  });
});

describe('limits', () => {
  it('refuses the 101st channel of one connection', async () => {
    host = await startHost(t.db);
    const c = await raw(host);
    let last = '';
    for (let i = 0; i <= 100; i++) last = c.push(`realtime:room-${i}`, 'phx_join', { config: {} });
    expect((await c.replyTo(last))[4]).toEqual({
      status: 'error',
      response: { reason: 'ChannelRateLimitReached: Too many channels' },
    });
    expect(c.inbox.filter((m) => m[3] === 'phx_reply' && (m[4] as { status: string }).status === 'ok')).toHaveLength(
      100,
    );
  });

  it('refuses a broadcast payload over 256 KB', async () => {
    host = await startHost(t.db);
    const c = await raw(host);
    const join = c.push('realtime:big', 'phx_join', { config: { broadcast: { ack: true } } });
    await c.replyTo(join);
    const r = c.push(
      'realtime:big',
      'broadcast',
      { type: 'broadcast', event: 'e', payload: { b: 'x'.repeat(300_000) } },
      join,
    );
    expect((await c.replyTo(r))[4]).toEqual({ status: 'error', response: { reason: 'payload_size_exceeded' } });
    const ok = c.push('realtime:big', 'broadcast', { type: 'broadcast', event: 'e', payload: { b: 'x' } }, join);
    expect((await c.replyTo(ok))[4]).toEqual({ status: 'ok', response: {} });
  });

  it('closes a channel that sends more messages per second than allowed', async () => {
    host = await startHost(t.db, { messagesPerSecond: 5 });
    const c = await raw(host);
    const join = c.push('realtime:chatty', 'phx_join', { config: {} });
    await c.replyTo(join);
    for (let i = 0; i < 6; i++)
      c.push('realtime:chatty', 'broadcast', { type: 'broadcast', event: 'e', payload: { i } }, join);
    await settle();
    const system = c.inbox.find((m) => m[3] === 'system');
    expect(system?.[4]).toMatchObject({ status: 'error', message: 'Too many messages per second', channel: 'chatty' });
    expect(c.inbox.some((m) => m[3] === 'phx_close' && m[0] === join)).toBe(true);
  });

  it('drops a slow consumer instead of buffering for it', async () => {
    host = await startHost(t.db, { socketBufferBytes: 64 * 1024 });
    const slow = await raw(host);
    const join = slow.push('realtime:firehose', 'phx_join', { config: {} });
    await slow.replyTo(join);
    const closed = next<number>((done) => slow.ws.once('close', (code) => done(code)), 15_000);
    // The client stops reading: what the server sends piles up in its socket buffer.
    const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const sender = await raw(host);
    const sj = sender.push('realtime:firehose', 'phx_join', { config: {} });
    await sender.replyTo(sj);
    const blob = 'y'.repeat(200_000);
    const pump = setInterval(() => {
      for (let i = 0; i < 4; i++) {
        sender.push('realtime:firehose', 'broadcast', { type: 'broadcast', event: 'e', payload: { blob } }, sj);
      }
    }, 50);
    await settle(2_000);
    clearInterval(pump);
    socket.resume();
    // Dropped without a close frame: what it had received ends, then the socket does.
    expect(await closed).toBe(1006);
    expect(sender.ws.readyState).toBe(WebSocket.OPEN);
    await alive(host);
  });
});
