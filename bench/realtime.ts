/**
 * `npm run bench:realtime`: delivery latency of one broadcast to 500 subscribers of one topic,
 * through the embedded Realtime service (server/realtime, the Phoenix protocol of realtime-js
 * vsn 2.0.0), beside a bare `ws` server that forwards each frame to every other socket, in the
 * same run. Each server runs in a child process of its own; the clients (raw `ws` speaking the
 * protocol) and the sender run here, so both servers pay the same client-side costs.
 *
 * The sender pushes one broadcast every BENCH_RT_INTERVAL_MS (50) as realtime-js does (a binary
 * frame, kind 3); each receiver takes the delivery time against the send time in the payload.
 * Printed: deliveries, p50, p99 and max for each server, and the p99 ratio (target: ≤ 1.5).
 *
 * Then the live Q&A's path (issue 12): the same 500 clients, each a learner enrolled in the
 * course, join the private topic `session:<id>` with their own access token (authorized by RLS
 * on realtime.messages), and questions are asked through `public.ask_session_question` in the
 * server's process; its trigger broadcasts each one (realtime.send → the host's fan-out), and a
 * receiver takes the delivery time against the ask time carried in the question's text (the
 * epoch in high resolution, `performance.timeOrigin + performance.now()`, which both processes
 * share). Beside it, the bare `ws` broadcast of a payload of the same size.
 * Environment: BENCH_RT_CLIENTS (500), BENCH_RT_MESSAGES (200, after 20 unmeasured),
 * BENCH_JSON=1 to print the figures as JSON too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import * as serializerModule from '@supabase/realtime-js/dist/module/lib/serializer.js';
import { SignJWT } from 'jose';
import WebSocket, { WebSocketServer } from 'ws';
import { anonKey } from '../server/auth/keys.ts';
import { migrate } from '../server/db/migrate.ts';
import { openPglite } from '../server/db/pglite.ts';
import { createRealtime } from '../server/realtime/service.ts';
import { COURSE, LIVE_SESSION, seedFixtures } from '../supabase/tests/fixtures.ts';
import { percentile } from './stats.ts';

/** realtime-js's own serializer (vsn 2.0.0): its ESM build sits in a package typed as CommonJS. */
interface PhoenixSerializer {
  encode(msg: object, callback: (out: unknown) => unknown): unknown;
  decode(raw: unknown, callback: (msg: unknown) => unknown): unknown;
}
const Serializer = serializerModule.default as unknown as new () => PhoenixSerializer;

const CLIENTS = Number(process.env.BENCH_RT_CLIENTS ?? 500);
const MESSAGES = Number(process.env.BENCH_RT_MESSAGES ?? 200);
const WARMUP = 20;
const INTERVAL_MS = Number(process.env.BENCH_RT_INTERVAL_MS ?? 50);
const SECRET = 'bench-realtime-secret-bench-realtime-secret';
const TOPIC = 'realtime:bench';

interface Figures {
  deliveries: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
}

type Kind = 'lms' | 'bare' | 'qa';

/** The epoch in milliseconds, high resolution, the same clock in every process of this machine. */
const epoch = () => performance.timeOrigin + performance.now();

/** The learners of the Q&A run: deterministic ids, each enrolled in the fixture's free course. */
const learnerId = (i: number) => `00000000-0000-4000-8bbb-${i.toString().padStart(12, '0')}`;

/** Child mode: one server, its port on stdout, until killed. The Q&A server asks on "go" (stdin). */
async function serve(kind: Kind): Promise<void> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  if (kind === 'qa') {
    const db = await openPglite();
    await migrate(db);
    await seedFixtures(db);
    await db.asOwner(async (sql) => {
      await sql.query(
        `insert into auth.users (id, email, raw_user_meta_data)
         select ('00000000-0000-4000-8bbb-' || lpad(i::text, 12, '0'))::uuid, 'bench' || i || '@example.test',
                jsonb_build_object('first_name', 'Bench', 'last_name', i::text)
         from generate_series(0, $1::int - 1) i`,
        [CLIENTS],
      );
      await sql.query(
        `insert into public.enrollments (user_id, course_id)
         select ('00000000-0000-4000-8bbb-' || lpad(i::text, 12, '0'))::uuid, $2 from generate_series(0, $1::int - 1) i`,
        [CLIENTS, COURSE.free],
      );
      await sql.query('analyze');
    });
    const realtime = await createRealtime({ db, jwtSecret: SECRET });
    realtime.attach(http);
    process.stdin.once('data', async () => {
      for (let i = 0; i < WARMUP + MESSAGES; i++) {
        // A different learner each time: slow mode never applies, as in a busy session.
        const asker = learnerId(i % CLIENTS);
        await db.asCaller({ role: 'authenticated', claims: { sub: asker, role: 'authenticated' } }, (sql) =>
          sql.query('select public.ask_session_question($1, $2)', [
            LIVE_SESSION.free,
            JSON.stringify({ t: epoch(), i }),
          ]),
        );
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
      }
    });
  } else if (kind === 'lms') {
    const db = await openPglite();
    await migrate(db);
    const realtime = await createRealtime({ db, jwtSecret: SECRET });
    realtime.attach(http);
  } else {
    const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
    wss.on('connection', (ws) =>
      ws.on('message', (data, isBinary) => {
        for (const peer of wss.clients)
          if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
      }),
    );
  }
  http.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`));
}

function startChild(kind: Kind): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, [new URL(import.meta.url).pathname, 'serve', kind], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]) });
    });
    proc.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function join(ws: WebSocket, topic = TOPIC, token?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const [, ref, , event, payload] = JSON.parse(data.toString());
      if (ref === '1' && event === 'phx_reply') {
        ws.off('message', onMessage);
        if (payload.status === 'ok') resolve();
        else reject(new Error(`join refused: ${JSON.stringify(payload)}`));
      }
    };
    ws.on('message', onMessage);
    const config = { broadcast: { self: false }, private: token !== undefined };
    ws.send(JSON.stringify(['1', '1', topic, 'phx_join', { config, ...(token ? { access_token: token } : {}) }]));
  });
}

/** A learner's access token, as the auth endpoints sign it (HS256, role authenticated). */
function tokenFor(userId: string): Promise<string> {
  return new SignJWT({ role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setAudience('authenticated')
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

/** The live Q&A path: questions asked in the database reach every learner on `session:<id>`. */
async function runQa(): Promise<Figures & { payloadBytes: number }> {
  const { proc, port } = await startChild('qa');
  const url = `ws://127.0.0.1:${port}/realtime/v1/websocket?apikey=${await anonKey(SECRET)}&vsn=2.0.0`;
  const topic = `realtime:session:${LIVE_SESSION.free}`;
  const samples: number[] = [];
  const clients: WebSocket[] = [];
  let payloadBytes = 0;
  try {
    for (let i = 0; i < CLIENTS; i += 50) {
      const ids = Array.from({ length: Math.min(50, CLIENTS - i) }, (_, k) => learnerId(i + k));
      const batch = await Promise.all(ids.map(() => open(url)));
      await Promise.all(batch.map(async (ws, k) => join(ws, topic, await tokenFor(ids[k]!))));
      clients.push(...batch);
    }
    let delivered = 0;
    for (const ws of clients) {
      ws.on('message', (data) => {
        const now = epoch();
        const [, , , event, payload] = JSON.parse(data.toString());
        if (event !== 'broadcast' || payload.event !== 'question') return;
        const { t, i } = JSON.parse(payload.payload.body) as { t: number; i: number };
        if (i >= WARMUP) {
          samples.push(now - t);
          delivered++;
          payloadBytes = JSON.stringify(payload.payload).length;
        }
      });
    }
    proc.stdin!.write('go\n');
    const expected = MESSAGES * CLIENTS;
    const deadline = performance.now() + (WARMUP + MESSAGES) * INTERVAL_MS * 4 + 10_000;
    while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const sorted = samples.sort((a, b) => a - b);
    return {
      deliveries: delivered,
      expected,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      payloadBytes,
    };
  } finally {
    for (const ws of clients) ws.terminate();
    proc.kill('SIGKILL');
  }
}

async function run(kind: 'lms' | 'bare', padBytes = 0): Promise<Figures> {
  const { proc, port } = await startChild(kind);
  const url =
    kind === 'lms'
      ? `ws://127.0.0.1:${port}/realtime/v1/websocket?apikey=${await anonKey(SECRET)}&vsn=2.0.0`
      : `ws://127.0.0.1:${port}/`;
  const samples: number[] = [];
  const clients: WebSocket[] = [];
  try {
    for (let i = 0; i < CLIENTS; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, CLIENTS - i) }, () => open(url)));
      if (kind === 'lms') await Promise.all(batch.map((ws) => join(ws)));
      clients.push(...batch);
    }
    let delivered = 0;
    for (const ws of clients) {
      ws.on('message', (data) => {
        const now = performance.now();
        const [, , , event, payload] = JSON.parse(data.toString());
        if (event !== 'broadcast') return;
        const { t, i } = payload.payload as { t: number; i: number };
        if (i >= WARMUP) {
          samples.push(now - t);
          delivered++;
        }
      });
    }
    const sender = await open(url);
    if (kind === 'lms') await join(sender);
    const serializer = new Serializer();
    const push = (i: number) => {
      const msg = {
        join_ref: '1',
        ref: String(i + 2),
        topic: TOPIC,
        event: 'broadcast',
        payload: { type: 'broadcast', event: 'tick', payload: { t: performance.now(), i, pad: 'x'.repeat(padBytes) } },
      };
      // The bare server forwards frames as they are: it gets what its clients read, JSON text.
      if (kind === 'lms') sender.send(serializer.encode(msg, (out: unknown) => out) as ArrayBuffer);
      else sender.send(JSON.stringify([null, null, TOPIC, 'broadcast', msg.payload]));
    };
    for (let i = 0; i < WARMUP + MESSAGES; i++) {
      push(i);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    const expected = MESSAGES * CLIENTS;
    const deadline = performance.now() + 5_000;
    while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    sender.terminate();
    const sorted = samples.sort((a, b) => a - b);
    return {
      deliveries: delivered,
      expected,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    };
  } finally {
    for (const ws of clients) ws.terminate();
    proc.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') {
    const kind = process.argv[3];
    return serve(kind === 'lms' || kind === 'qa' ? kind : 'bare');
  }
  const load = loadavg().map((l) => l.toFixed(1));
  process.stdout.write(
    `realtime bench: ${CLIENTS} clients on one topic, ${MESSAGES} broadcasts every ${INTERVAL_MS} ms (load ${load.join(' ')})\n`,
  );
  const bare = await run('bare');
  const lms = await run('lms');
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const row = (name: string, f: Figures) =>
    `${name.padEnd(22)} ${`${f.deliveries}/${f.expected}`.padStart(14)} ${ms(f.p50).padStart(10)} ${ms(f.p99).padStart(10)} ${ms(f.max).padStart(10)}`;
  process.stdout.write(
    [
      `${'server'.padEnd(22)} ${'delivered'.padStart(14)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)}`,
      row('bare ws broadcast', bare),
      row('embedded Realtime', lms),
      `p99 ratio (Realtime / bare): ${(lms.p99 / bare.p99).toFixed(2)} (target ≤ 1.5: ${lms.p99 <= 1.5 * bare.p99 ? 'OK' : 'MISS'})`,
      '',
    ].join('\n'),
  );
  // The live Q&A: questions from the database to 500 learners, beside a bare broadcast of a
  // payload of the same size (BENCH_RT_QA=0 skips it).
  let qa: (Figures & { payloadBytes: number }) | undefined;
  let bareSame: Figures | undefined;
  if (process.env.BENCH_RT_QA !== '0') {
    qa = await runQa();
    bareSame = await run('bare', Math.max(0, qa.payloadBytes - 40));
    process.stdout.write(
      [
        `live Q&A: ${CLIENTS} learners on session:<id>, ${MESSAGES} questions every ${INTERVAL_MS} ms (${qa.payloadBytes} bytes each)`,
        row(`bare ws, ${qa.payloadBytes} B`, bareSame),
        row('ask → trigger → fan-out', qa),
        `p50 ratio (Q&A / bare): ${(qa.p50 / bareSame.p50).toFixed(2)}, p99 ratio: ${(qa.p99 / bareSame.p99).toFixed(2)}`,
        '',
      ].join('\n'),
    );
  }
  if (process.env.BENCH_JSON === '1') process.stdout.write(`${JSON.stringify({ bare, lms, qa, bareSame })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:realtime: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
