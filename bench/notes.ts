/**
 * `npm run bench:notes` (issue 12, "Speed"): shared notes with 50 editors on one document and
 * with 200 documents of 3 editors, on our server (server/yjs, authentication and persistence on)
 * beside @hocuspocus/server 4.7.0 in the same run. Each server runs in a child process of its
 * own (bench/notes-servers.ts, with --expose-gc), both at once; the editors run here,
 * y-websocket's WebsocketProvider on `ws` for both (for Hocuspocus through
 * bench/notes-hocuspocus-socket.ts, which adds its document-name prefix and auth frame), so both
 * servers get the same client load.
 *
 * - Latency: each editor in turn inserts a short text into a Y.Text carrying its send time (the
 *   epoch in high resolution); every other editor of that document takes the delivery time when
 *   the update is applied (a Y.Text observer). A round is every editor once; the first round is
 *   warm-up, and the two servers take turns round by round (the first changing each round) so
 *   both see the same machine load. One document: an insert every 20 ms. Many documents: an
 *   insert every 5 ms, round robin over the documents (each gets one every documents × 5 ms).
 *   Printed: p50, p99 and max per server, the p99 ratio ours / Hocuspocus (target ≤ 1.0), and
 *   each server process's CPU time per insert (which the machine's load moves far less).
 * - Heap per document: in each server, the heap after full GCs with the many documents open (their
 *   editors connected, the rounds written) less the heap with none open (after the one-document
 *   run unloaded), over the documents (target ≤ 40 KB); then every editor leaves, the documents
 *   must unload and the heap come back near the baseline.
 *
 * Environment: BENCH_NOTES_EDITORS (50), BENCH_NOTES_DOCS (200), BENCH_NOTES_ROUNDS (5 measured,
 * after 1 of warm-up), BENCH_NOTES_SMALL=1 (10 editors, 20 documents, 1 round: a smoke run),
 * BENCH_DATABASE_URL or TEST_DATABASE_URL to persist into PostgreSQL instead of PGlite,
 * BENCH_CPU_PROF=<folder> for the servers' CPU profiles (bench/profile.ts prints their top
 * frames), BENCH_JSON=1 to print the figures as JSON too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { tokenFor } from '../server/yjs/test-world.ts';
import { HocuspocusSocket } from './notes-hocuspocus-socket.ts';
import { learnerId, lessonId, type ServerKind, serve } from './notes-servers.ts';
import {
  type CpuUsage,
  cpuPerInsert,
  HEAP_HEADER,
  type HeapFigures,
  type HeapReading,
  heapFigures,
  heapRow,
  LATENCY_HEADER,
  type Latency,
  latency,
  latencyRow,
  parseStamps,
  type ScenarioFigures,
  schedule,
  stampOf,
  verdict,
} from './notes-stats.ts';

const SMALL = process.env.BENCH_NOTES_SMALL === '1';
const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const EDITORS = knob('BENCH_NOTES_EDITORS', SMALL ? 10 : 50);
const DOCS = knob('BENCH_NOTES_DOCS', SMALL ? 20 : 200);
const ROUNDS = knob('BENCH_NOTES_ROUNDS', SMALL ? 1 : 5);
const DOC_EDITORS = 3;
const WARMUP_ROUNDS = 1;
const ONE_DOC_INTERVAL_MS = 20;
const MANY_DOCS_INTERVAL_MS = 5;
const P99_TARGET_RATIO = 1;
const HEAP_TARGET_KB = 40;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
/** Lessons 0 .. DOCS-1 are the many documents; lesson DOCS is the one document. */
const SEED = { learners: Math.max(EDITORS, DOCS * DOC_EDITORS), lessons: DOCS + 1 };

/** The epoch in milliseconds, high resolution. */
const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Child {
  port: number;
  engine: string;
  request<T>(command: 'count' | 'heap' | 'cpu'): Promise<T>;
  stop(): Promise<void>;
}

function startChild(kind: ServerKind): Promise<Child> {
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const args = ['--expose-gc', ...profile, new URL(import.meta.url).pathname, 'serve', kind];
  const proc: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) {
        const { port, engine } = JSON.parse(line.slice(6)) as { port: number; engine: string };
        resolve({
          port,
          engine,
          request<T>(command: string) {
            return new Promise<T>((answer) => {
              waiting.push((reply) => answer(JSON.parse(reply) as T));
              proc.stdin!.write(`${command}\n`);
            });
          },
          async stop() {
            const exited = new Promise((done) => proc.once('exit', done));
            proc.stdin!.write('exit\n');
            const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          },
        });
      } else waiting.shift()?.(line);
    });
  });
}

interface Editor {
  provider: WebsocketProvider;
  text: Y.Text;
}

/** `perDoc` editors on each of `documents` (editor e of document d is learner d × perDoc + e), synced. */
async function connect(kind: ServerKind, port: number, documents: string[], perDoc: number): Promise<Editor[][]> {
  const Polyfill = (kind === 'hocuspocus' ? HocuspocusSocket : WebSocket) as unknown as typeof globalThis.WebSocket;
  const slots = documents.flatMap((document, d) =>
    Array.from({ length: perDoc }, (_, e) => ({ document, d, learner: d * perDoc + e })),
  );
  const editors: Editor[][] = documents.map(() => []);
  for (let i = 0; i < slots.length; i += 50) {
    await Promise.all(
      slots.slice(i, i + 50).map(async ({ document, d, learner }) => {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, document, doc, {
          params: { token: await tokenFor(learnerId(learner)) },
          WebSocketPolyfill: Polyfill,
          disableBc: true,
          resyncInterval: -1,
        });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${kind}: ${document} not synced in 20 s`)), 20_000);
          provider.once('sync', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        editors[d]!.push({ provider, text: doc.getText('notes') });
      }),
    );
  }
  return editors;
}

function disconnect(editors: Editor[][]): void {
  for (const editor of editors.flat()) {
    editor.provider.destroy();
    editor.provider.doc.destroy();
  }
}

/**
 * One server's editors in one scenario, and the delivery times its observers took: round 0 is
 * warm-up, later rounds are measured.
 */
class Scenario {
  readonly samples: number[] = [];
  /** Deliveries of every round, warm-up included. */
  private delivered = 0;
  private readonly perRound: number;
  private readonly stops: (() => void)[];
  private readonly editors: Editor[][];
  private readonly intervalMs: number;

  constructor(editors: Editor[][], intervalMs: number) {
    this.editors = editors;
    this.intervalMs = intervalMs;
    this.perRound = editors.length * editors[0]!.length;
    this.stops = editors.flat().map(({ text }) => {
      const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
        if (transaction.local) return;
        const now = epoch();
        for (const op of event.delta) {
          if (typeof op.insert !== 'string') continue;
          for (const { seq, sentAt } of parseStamps(op.insert)) {
            this.delivered++;
            if (seq >= this.perRound * WARMUP_ROUNDS) this.samples.push(now - sentAt);
          }
        }
      };
      text.observe(observer);
      return () => text.unobserve(observer);
    });
  }

  /** Every editor inserts once, one insert every `intervalMs`; resolves once all were delivered. */
  async round(round: number): Promise<void> {
    const turns = schedule(this.editors.length, this.editors[0]!.length, round);
    const start = performance.now();
    for (const [i, turn] of turns.entries()) {
      const { text } = this.editors[turn.doc]![turn.editor]!;
      text.insert(text.length, stampOf(turn.seq, epoch()));
      const wait = start + (i + 1) * this.intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
    const deadline = performance.now() + 10_000;
    const all = (round + 1) * this.perRound * (this.editors[0]!.length - 1);
    while (this.delivered < all && performance.now() < deadline) await sleep(10);
  }

  /** Deliveries expected once `rounds` rounds have run. */
  expected(rounds: number): number {
    return Math.max(0, rounds - WARMUP_ROUNDS) * this.perRound * (this.editors[0]!.length - 1);
  }

  finish(): Latency {
    for (const stop of this.stops) stop();
    disconnect(this.editors);
    return latency(this.samples, this.expected(WARMUP_ROUNDS + ROUNDS));
  }
}

/**
 * Both servers' scenarios, round by round in alternation (the first server changes each round),
 * so both see the same machine load.
 */
async function alternate(scenarios: Scenario[]): Promise<void> {
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const order = round % 2 === 0 ? scenarios : [...scenarios].reverse();
    for (const scenario of order) await scenario.round(round);
  }
}

/** Polls a server until no document is in memory (or 20 s pass); the time it took, in ms. */
async function unloaded(child: Child): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 20_000) {
    const { documents } = await child.request<{ documents: number }>('count');
    if (documents === 0) break;
    await sleep(50);
  }
  return performance.now() - start;
}

interface ServerResult {
  engine: string;
  oneDoc: ScenarioFigures;
  manyDocs: ScenarioFigures;
  heap: HeapFigures;
  readings: { baseline: HeapReading; loaded: HeapReading; after: HeapReading };
  unloadMs: number;
}

const KINDS: ServerKind[] = ['hocuspocus', 'ours'];

/** Both servers, each in its child, through both scenarios; their figures in KINDS' order. */
async function runBoth(): Promise<ServerResult[]> {
  const children = await Promise.all(KINDS.map((kind) => startChild(kind)));
  try {
    log(`${EDITORS} editors on one document`);
    const oneDoc = [`cohort-note:${lessonId(DOCS)}`];
    const one: Scenario[] = [];
    for (const [k, kind] of KINDS.entries()) {
      one.push(new Scenario(await connect(kind, children[k]!.port, oneDoc, EDITORS), ONE_DOC_INTERVAL_MS));
    }
    const cpu = () => Promise.all(children.map((child) => child.request<CpuUsage>('cpu')));
    const cpu0 = await cpu();
    await alternate(one);
    const cpu1 = await cpu();
    const oneInserts = (WARMUP_ROUNDS + ROUNDS) * EDITORS;
    const oneFigures = one.map((s, k) => ({
      ...s.finish(),
      cpuMsPerInsert: cpuPerInsert(cpu0[k]!, cpu1[k]!, oneInserts),
    }));
    await Promise.all(children.map((child) => unloaded(child)));
    const baselines = await Promise.all(children.map((child) => child.request<HeapReading>('heap')));

    log(`${DOCS} documents of ${DOC_EDITORS} editors`);
    const documents = Array.from({ length: DOCS }, (_, i) => `cohort-note:${lessonId(i)}`);
    const many: Scenario[] = [];
    for (const [k, kind] of KINDS.entries()) {
      many.push(new Scenario(await connect(kind, children[k]!.port, documents, DOC_EDITORS), MANY_DOCS_INTERVAL_MS));
    }
    await alternate(many);
    const cpu2 = await cpu();
    const loaded = await Promise.all(children.map((child) => child.request<HeapReading>('heap')));
    const manyInserts = (WARMUP_ROUNDS + ROUNDS) * DOCS * DOC_EDITORS;
    const manyFigures = many.map((s, k) => ({
      ...s.finish(),
      cpuMsPerInsert: cpuPerInsert(cpu1[k]!, cpu2[k]!, manyInserts),
    }));
    const unloadMs = await Promise.all(children.map((child) => unloaded(child)));
    const after = await Promise.all(children.map((child) => child.request<HeapReading>('heap')));
    return KINDS.map((_, k) => ({
      engine: children[k]!.engine,
      oneDoc: oneFigures[k]!,
      manyDocs: manyFigures[k]!,
      heap: heapFigures(baselines[k]!, loaded[k]!, after[k]!),
      readings: { baseline: baselines[k]!, loaded: loaded[k]!, after: after[k]! },
      unloadMs: unloadMs[k]!,
    }));
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') {
    return serve(process.argv[3] === 'ours' ? 'ours' : 'hocuspocus', SEED, DATABASE_URL);
  }
  // Every provider listens for the process's exit.
  process.setMaxListeners(0);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const loadAtStart = load();
  const started = performance.now();
  const [hocuspocus, ours] = (await runBoth()) as [ServerResult, ServerResult];
  const ratio = (f: (r: ServerResult) => Latency) => f(ours).p99 / f(hocuspocus).p99;
  const oneRatio = ratio((r) => r.oneDoc);
  const manyRatio = ratio((r) => r.manyDocs);
  const oursName = `ours (${ours.engine})`;
  const hocusName = 'Hocuspocus 4.7.0';
  process.stdout.write(
    [
      `shared-notes bench: ours persists into ${ours.engine}, Hocuspocus into ${hocuspocus.engine}; load ${loadAtStart} at start, ${load()} at end (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      '',
      `${EDITORS} editors on one document: ${EDITORS * ROUNDS} inserts (after ${EDITORS} of warm-up), one every ${ONE_DOC_INTERVAL_MS} ms`,
      LATENCY_HEADER,
      latencyRow(hocusName, hocuspocus.oneDoc),
      latencyRow(oursName, ours.oneDoc),
      `p99 ratio (ours / Hocuspocus): ${oneRatio.toFixed(2)} (target ≤ ${P99_TARGET_RATIO}: ${verdict(oneRatio, P99_TARGET_RATIO)})`,
      '',
      `${DOCS} documents of ${DOC_EDITORS} editors: ${DOCS * DOC_EDITORS * ROUNDS} inserts (after ${DOCS * DOC_EDITORS} of warm-up), one every ${MANY_DOCS_INTERVAL_MS} ms`,
      LATENCY_HEADER,
      latencyRow(hocusName, hocuspocus.manyDocs),
      latencyRow(oursName, ours.manyDocs),
      `p99 ratio (ours / Hocuspocus): ${manyRatio.toFixed(2)} (target ≤ ${P99_TARGET_RATIO}: ${verdict(manyRatio, P99_TARGET_RATIO)})`,
      '',
      `live heap per document (${DOCS} documents open, ${DOC_EDITORS} editors each, after GC), then every editor gone`,
      HEAP_HEADER,
      heapRow(hocusName, hocuspocus.heap),
      heapRow(oursName, ours.heap),
      `ours: ${ours.heap.perDocKb.toFixed(1)} KB per document (target ≤ ${HEAP_TARGET_KB} KB: ${verdict(ours.heap.perDocKb, HEAP_TARGET_KB)}); ` +
        `documents unloaded: ${ours.heap.leftDocuments === 0 ? `yes, in ${ours.unloadMs.toFixed(0)} ms` : `NO, ${ours.heap.leftDocuments} left`}`,
      '',
    ].join('\n'),
  );
  if (process.env.BENCH_JSON === '1') {
    const config = { editors: EDITORS, docs: DOCS, docEditors: DOC_EDITORS, rounds: ROUNDS };
    process.stdout.write(
      `${JSON.stringify({ config, hocuspocus, ours, p99Ratio: { oneDoc: oneRatio, manyDocs: manyRatio } })}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:notes: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
