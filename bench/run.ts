/**
 * `npm run bench`: the data API under load over plain HTTP, beside the bare SQL of the same
 * queries, in the same run, on PGlite and PostgreSQL, on the demo seed and on the scale fixture.
 *
 * - HTTP: the real server (`node server/main.ts`, bench/server.ts) driven by autocannon with
 *   10 connections: /api/health, the catalog list, search, course details (anonymous: once with
 *   the in-process catalog cache, the real user path, once with it off), the player's lesson
 *   and the dashboard (signed in as a learner with progress).
 * - Bare SQL: the same query functions as the table owner, from 10 concurrent workers on a pool
 *   of the server's size (PGlite: its one connection), no HTTP, no role switch, no RLS.
 * - Printed: requests/s, p50, p99, the API / bare-SQL ratio, and the issue's floors (OK / MISS).
 *
 * Environment: BENCH_SECONDS (5) per measurement, BENCH_SCALE (100; 0 skips the scale fixture),
 * BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL (PGlite always), BENCH_ENGINES
 * (pglite,postgres) and BENCH_ROUTES (health,catalog,search,course,lesson,dashboard) to run
 * fewer, BENCH_CPU_PROF=<folder> for the servers' CPU profiles (bench/profile.ts prints their
 * top frames), BENCH_JSON=1 to print the figures as JSON too.
 * Then invoice PDFs per second, pdf-lib beside pdfkit (bench/invoices.ts; BENCH_INVOICES=0 skips it), and
 * certificate PDFs per second, template + stamp beside pdfkit (bench/certificates.ts; BENCH_CERTIFICATES=0 skips it),
 * and quiz submissions per second beside their bare SQL floor (bench/quizzes.ts; BENCH_QUIZZES=0 skips it),
 * and code-lab submissions per second: spawn, node:vm, isolated-vm, the pool and the API (bench/labs.ts; BENCH_LABS=0 skips it),
 * and company learning at 2,000 employees: the import and the report beside their bare SQL (bench/company.bench.ts;
 * BENCH_COMPANY=0 skips it).
 * Absolute figures on a shared 2-core machine move with its load: the load average is printed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { seedScale } from '../seed/scale.ts';
import { seed } from '../seed/seed.ts';
import { benchCertificates, formatCertificateBench } from './certificates.ts';
import { benchCompany, formatCompanyBench } from './company.bench.ts';
import type { Engine, RouteResult } from './floors.ts';
import { loadHttp } from './http.ts';
import { benchInvoices, formatInvoiceBench } from './invoices.ts';
import { benchLabs, formatLabBench } from './labs.ts';
import { benchQuizzes, formatQuizBench } from './quizzes.ts';
import { formatRun, misses, type RunResult } from './report.ts';
import { startServer } from './server.ts';
import { measure } from './stats.ts';
import {
  BENCH_SECRET,
  type BenchDatabase,
  pgliteDatabase,
  pick,
  postgresDatabase,
  type RouteTarget,
  routeTargets,
} from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const CONNECTIONS = 10;
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const onlyRoutes = process.env.BENCH_ROUTES?.split(',');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function bareSql(bench: BenchDatabase, targets: RouteTarget[]) {
  const out = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const t of targets) {
    if (!t.bare) continue;
    const claims = t.claims ? JSON.stringify(t.claims) : null;
    log(`  bare SQL: ${t.route}`);
    out.set(
      t.route,
      await measure(
        () =>
          bench.asOwnerPrepared(async (sql) => {
            if (claims) await sql.query("select set_config('request.jwt.claims', $1, true)", [claims]);
            return t.bare!(sql);
          }),
        SECONDS * 1000,
        { concurrency: CONNECTIONS, warmupMs: 1000 },
      ),
    );
  }
  return out;
}

/** Every route must answer 200 before it is measured: a benchmark of 403s measures nothing. */
async function check(url: string, targets: RouteTarget[]) {
  for (const t of targets) {
    for (const path of t.http.paths) {
      const res = await fetch(`${url}${path}`, { headers: t.http.headers });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }
  }
}

async function httpLoad(bench: BenchDatabase, targets: RouteTarget[], cache: boolean) {
  const server = await startServer({
    ...bench.serverEnv,
    JWT_SECRET: BENCH_SECRET,
    ...(cache ? {} : { CATALOG_CACHE_ENTRIES: '0' }),
  });
  const out = new Map<string, Awaited<ReturnType<typeof loadHttp>>>();
  try {
    const measured = targets.filter((t) => cache || t.cacheable);
    await check(server.url, measured);
    for (const t of measured) {
      log(`  HTTP${cache ? '' : ' (catalog cache off)'}: ${t.route}`);
      out.set(t.route, await loadHttp(server.url, t.http, { seconds: SECONDS, connections: CONNECTIONS }));
    }
  } finally {
    await server.stop();
  }
  return out;
}

async function benchDataset(bench: BenchDatabase, dataset: string, atScale: boolean): Promise<RunResult> {
  const picks = await pick(bench.db);
  const targets = (await routeTargets(picks)).filter((t) => !onlyRoutes || onlyRoutes.includes(t.route));
  const bare = await bareSql(bench, targets);
  await bench.handOver();
  let cached: Awaited<ReturnType<typeof httpLoad>>;
  let uncached: Awaited<ReturnType<typeof httpLoad>>;
  try {
    cached = await httpLoad(bench, targets, true);
    uncached = await httpLoad(bench, targets, false);
  } finally {
    await bench.takeBack();
  }
  const routes: RouteResult[] = [];
  for (const t of targets) {
    const api = cached.get(t.route)!;
    if (!t.cacheable) {
      routes.push({ route: t.route, cache: 'none', api, bare: bare.get(t.route) });
      continue;
    }
    routes.push({ route: t.route, cache: 'cached', api, bare: bare.get(t.route) });
    routes.push({ route: t.route, cache: 'uncached', api: uncached.get(t.route)!, bare: bare.get(t.route) });
  }
  const c = picks.counts;
  return {
    engine: bench.engine,
    dataset,
    atScale,
    routes,
    notes: [
      `${c.courses} courses, ${c.lessons} lessons, ${c.users} users, ${c.progress} progress rows; ${CONNECTIONS} connections, ${SECONDS} s each`,
      ...bench.notes,
    ],
  };
}

async function benchEngine(engine: Engine): Promise<RunResult[]> {
  const bench = engine === 'pglite' ? await pgliteDatabase() : await postgresDatabase(pgUrl!);
  const runs: RunResult[] = [];
  try {
    log(`${engine}: seeding the demo data`);
    await seed(bench.db);
    runs.push(await benchDataset(bench, 'seed', false));
    log(formatRun(runs.at(-1)!));
    if (SCALE > 0) {
      log(`${engine}: growing to the scale fixture (scale ${SCALE})`);
      const summary = await seedScale(bench.db, {
        scale: SCALE,
        onProgress: (step, done, total) => log(`  scale [${done}/${total}] ${step}`),
      });
      log(`  done in ${(summary.ms / 1000).toFixed(1)} s`);
      runs.push(await benchDataset(bench, `scale ${SCALE}`, true));
      log(formatRun(runs.at(-1)!));
    }
  } finally {
    await bench.dispose();
  }
  return runs;
}

const engines: Engine[] = ['pglite', ...(pgUrl ? (['postgres'] as const) : [])].filter((e) =>
  wanted.includes(e),
) as Engine[];
const started = Date.now();
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(', ');
const runs: RunResult[] = [];
for (const engine of engines) runs.push(...(await benchEngine(engine)));

const lines = [
  '',
  `machine: ${availableParallelism()} CPUs, load average at start ${load}, at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
  '',
  ...runs.flatMap((r) => [formatRun(r), '']),
];
if (process.env.BENCH_INVOICES !== '0') lines.push(formatInvoiceBench(await benchInvoices(SECONDS)), '');
if (process.env.BENCH_CERTIFICATES !== '0') lines.push(formatCertificateBench(await benchCertificates(SECONDS)), '');
if (process.env.BENCH_QUIZZES !== '0') lines.push(formatQuizBench(await benchQuizzes(SECONDS)), '');
if (process.env.BENCH_LABS !== '0') lines.push(formatLabBench(await benchLabs(SECONDS)), '');
if (process.env.BENCH_COMPANY !== '0') lines.push(formatCompanyBench(await benchCompany(SECONDS)), '');
if (!pgUrl) lines.push('(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
const missed = misses(runs);
lines.push(missed.length ? `Floors missed:\n${missed.map((m) => `  ${m}`).join('\n')}` : 'Every floor holds.');
lines.push(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.stdout.write(`${lines.join('\n')}\n`);
if (process.env.BENCH_JSON) process.stdout.write(`${JSON.stringify(runs)}\n`);
