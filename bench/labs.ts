/**
 * `npm run bench:labs` (and a part of `npm run bench`): code-lab submissions per second for the `sum`
 * lab (sandbox/fixtures.ts: the reference solution against its 2 visible and 3 hidden tests), in the
 * same run:
 * 1. spawn: a fresh Node process per run (`node -e` evaluating the solution and the tests);
 * 2. node:vm: vm.runInNewContext per run (no isolation worth the name: the unsafe floor);
 * 3. isolated-vm in this process: sandbox/run.ts runInSandbox (fresh context, lockdown, harness);
 * 4. the pool: sandbox/pool.ts createLabPool, through its worker process (IPC + isolate);
 * 5. the whole API: the Node host on PGlite with the demo seed, signed in as the demo student,
 *    POST /api/labs/:id/submissions (HTTP, auth, grading context, queue, worker, isolate, database write),
 *    LABS_CONNECTIONS (4) connections, the per-user rate limit raised for the bench.
 * 1-4 run one call at a time in alternating turns of 250 ms (the same machine load for each).
 * Printed: submissions/s, p50, p99 per path and the ratios against spawn, with the issue's targets
 * (API >= 30x spawn; API p99 < 10 ms). Environment: BENCH_SECONDS (5), LABS_CONNECTIONS (4), BENCH_JSON=1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { SignJWT } from 'jose';
import type { LabRunResult } from '../edge/labs/runner.ts';
import { SUM_LAB } from '../sandbox/fixtures.ts';
import { createLabPool } from '../sandbox/pool.ts';
import { runInSandbox } from '../sandbox/run.ts';
import { seed } from '../seed/seed.ts';
import { type CpuShare, cpuPerUnit } from './cpu.ts';
import { type HttpTarget, loadHttp } from './http.ts';
import { printBench } from './main.ts';
import { startServer } from './server.ts';
import { type Measure, measureInTurns } from './stats.ts';
import { BENCH_SECRET, pgliteDatabase, postgresDatabase } from './targets.ts';

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const TURN_MS = 250;
const STUDENT = 'student@demo.test';
const log = (line: string) => process.stderr.write(`${line}\n`);

const TESTS = [
  { source: SUM_LAB.visibleTests, hidden: false },
  { source: SUM_LAB.hiddenTests, hidden: true },
];

/** A minimal test API for the spawn and node:vm paths (no lockdown: these are floors, not sandboxes). */
const MINI_HARNESS = `
var __tests = [];
function test(name, fn) { __tests.push({ name: name, fn: fn }); }
function expect(r) {
  return {
    toBe: function (e) { if (!Object.is(r, e)) throw new Error('expected ' + e + ', received ' + r); },
    toBeCloseTo: function (e, d) { if (!(Math.abs(e - r) < Math.pow(10, -(d === undefined ? 2 : d)) / 2)) throw new Error('not close'); },
  };
}
`;
const RUN_TESTS = `
var __passed = 0;
for (var i = 0; i < __tests.length; i++) { try { __tests[i].fn(); __passed++; } catch (e) {} }
__passed === __tests.length;
`;
const PROGRAM = `${MINI_HARNESS}\n${SUM_LAB.referenceSolution}\n${TESTS.map((t) => `(function () { ${t.source} })();`).join('\n')}\n${RUN_TESTS}`;

export interface LabBenchRow {
  path: string;
  measure: Measure | null;
  note?: string;
  /** CPU ms per submission: the host, its lab workers, the load generator (bench/cpu.ts). */
  cpu?: CpuShare | null;
}

function spawnOnce(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `${PROGRAM}\nif (__passed !== __tests.length) process.exit(1);`], {
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node -e exited with ${code}`))));
  });
}

function vmOnce(): Promise<void> {
  if (runInNewContext(PROGRAM, {}, { timeout: 1000 }) !== true) throw new Error('node:vm: the tests failed');
  return Promise.resolve();
}

const job = {
  language: 'javascript' as const,
  code: SUM_LAB.referenceSolution,
  tests: TESTS,
  timeLimitMs: 1000,
  memoryLimitMb: 32,
};

function passed(r: LabRunResult, where: string): void {
  if (r.status !== 'passed') throw new Error(`${where}: the sum lab did not pass: ${JSON.stringify(r)}`);
}

/** Paths 1-4: one call at a time, alternating turns. */
export async function benchLabRunners(seconds: number): Promise<LabBenchRow[]> {
  const pool = createLabPool({ perUser: { burst: 1_000_000, perSecond: 1_000_000 }, perUserInFlight: 8 });
  try {
    // Checked first: a benchmark of failures measures nothing.
    await spawnOnce();
    await vmOnce();
    passed(await runInSandbox(job), 'runInSandbox');
    passed(await pool.run({ ...job, userId: 'bench' }), 'pool');
    const [spawned, vm, isolate, pooled] = await measureInTurns(
      [
        spawnOnce,
        vmOnce,
        async () => passed(await runInSandbox(job), 'runInSandbox'),
        async () => passed(await pool.run({ ...job, userId: 'bench' }), 'pool'),
      ],
      seconds,
      TURN_MS,
    );
    const workers = pool.stats().workers;
    return [
      { path: 'spawn node per run', measure: spawned! },
      { path: 'node:vm (unsafe floor)', measure: vm! },
      { path: 'isolated-vm in-process', measure: isolate! },
      { path: `pool (${workers} worker${workers === 1 ? '' : 's'})`, measure: pooled! },
    ];
  } finally {
    await pool.close();
  }
}

/** Path 5: the whole API with the demo seed, on PGlite or PostgreSQL. */
export async function benchLabApi(seconds: number, engine: 'pglite' | 'postgres' = 'pglite'): Promise<LabBenchRow[]> {
  const label = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const path = `API POST /api/labs/:id/submissions, ${label}`;
  const bench = engine === 'pglite' ? await pgliteDatabase() : await postgresDatabase(pgUrl!);
  try {
    log('labs: seeding the demo data');
    await seed(bench.db);
    const [row] = await bench.db.asOwner((sql) =>
      sql.query<{ lab: string | null; student: string | null }>(
        `select (select id::text from public.labs where slug = 'sum' limit 1) as lab,
                (select id::text from auth.users where email = $1) as student`,
        [STUDENT],
      ),
    );
    if (!row?.lab || !row.student) return [{ path, measure: null, note: 'not measured: the seed has no `sum` lab' }];
    const token = await new SignJWT({ sub: row.student, role: 'authenticated', aud: 'authenticated', email: STUDENT })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(BENCH_SECRET));
    await bench.handOver();
    const dataDir = bench.serverEnv.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lms-bench-labs-'));
    const server = await startServer({
      ...bench.serverEnv,
      DATA_DIR: dataDir,
      JWT_SECRET: BENCH_SECRET,
      LABS_RATE_BURST: '1000',
      LABS_RATE_PER_SECOND: '1000',
      LABS_MAX_QUEUE: '1000',
    });
    try {
      const url = `/api/labs/${row.lab}/submissions`;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ code: SUM_LAB.referenceSolution });
      const first = await fetch(`${server.url}${url}`, { method: 'POST', headers, body });
      const answer = (await first.json()) as { status?: string };
      if (first.status !== 200 || answer.status !== 'passed') {
        throw new Error(`the API did not pass the sum lab: ${first.status} ${JSON.stringify(answer)}`);
      }
      const target: HttpTarget = { paths: [url], method: 'POST', headers, bodies: [body] };
      // Latency: one learner's submission at a time. Throughput: LABS_CONNECTIONS at once (queueing shows in its p99).
      const single = await loadHttp(server.url, target, { seconds, connections: 1 });
      const connections = Number(process.env.LABS_CONNECTIONS ?? 4);
      const { result: loaded, cpu } = await cpuPerUnit(
        server.pid,
        () => loadHttp(server.url, target, { seconds, connections }),
        (m) => m.rps * seconds,
      );
      return [
        { path: `${path} (1 connection)`, measure: single, note: `${label}, demo seed` },
        { path: `${path} (${connections} connections)`, measure: loaded, note: `${label}, demo seed`, cpu },
      ];
    } finally {
      await server.stop();
      if (!bench.serverEnv.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await bench.dispose();
  }
}

export async function benchLabs(seconds: number): Promise<LabBenchRow[]> {
  const rows = await benchLabRunners(seconds);
  rows.push(...(await benchLabApi(seconds)));
  if (pgUrl) rows.push(...(await benchLabApi(seconds, 'postgres')));
  else log('labs: PostgreSQL not measured (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  return rows;
}

export function formatLabBench(rows: LabBenchRow[]): string {
  const spawned = rows.find((r) => r.path.startsWith('spawn'))?.measure;
  const head = `${'path'.padEnd(62)} ${'subs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'x spawn'.padStart(8)}`;
  const lines = rows.map((r) => {
    if (!r.measure) return `${r.path.padEnd(62)} ${r.note ?? 'not measured'}`;
    const m = r.measure;
    const ratio = spawned ? (m.rps / spawned.rps).toFixed(1) : '-';
    const failures = m.failures ? `  (${m.failures} failed)` : '';
    return `${r.path.padEnd(62)} ${m.rps.toFixed(0).padStart(8)} ${m.p50.toFixed(2).padStart(8)} ${m.p99.toFixed(2).padStart(8)} ${ratio.padStart(8)}${failures}`;
  });
  const api = rows.filter((r) => r.path.startsWith('API') && r.measure).map((r) => r.measure!);
  const fastest = api.reduce<Measure | null>((best, m) => (!best || m.rps > best.rps ? m : best), null);
  const single = api[0];
  const targets =
    fastest && single && spawned
      ? [
          `  target API >= 30x spawn: ${(fastest.rps / spawned.rps).toFixed(1)}x ${fastest.rps / spawned.rps >= 30 ? 'OK' : 'MISS'}`,
          `  target API p99 < 10 ms (one submission at a time): ${single.p99.toFixed(2)} ms ${single.p99 < 10 ? 'OK' : 'MISS'}`,
        ]
      : ['  targets: API not measured'];
  // Where the cores go under load: the sum is what one submission costs the machine.
  const cpu = rows
    .filter((r) => r.cpu)
    .map(
      (r) =>
        `  CPU ms per submission, ${r.path.replace('API POST /api/labs/:id/submissions, ', '')}: host ${r.cpu!.self.toFixed(2)}, lab workers ${r.cpu!.children.toFixed(2)}, load generator ${r.cpu!.measuring.toFixed(2)}, total ${(r.cpu!.self + r.cpu!.children + r.cpu!.measuring).toFixed(2)}`,
    );
  return [
    'code lab submissions (the sum lab: reference solution, 2 visible + 3 hidden tests)',
    head,
    ...lines,
    ...targets,
    ...cpu,
  ].join('\n');
}

if (import.meta.main) {
  await printBench(benchLabs, formatLabBench, '  1-4: one call at a time in alternating turns of 250 ms\n');
}
