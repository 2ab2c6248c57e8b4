/**
 * `npm run bench`: catalog requests per second and p50/p99 through the whole data API
 * (Hono routing and validation, an anonymous caller, one transaction with role + claims so RLS
 * applies, the list and facet queries, JSON), beside the bare SQL: the same catalog queries
 * run directly as the table owner (no HTTP, no role switch, no RLS), in the same run on the
 * same database.
 * The ratio is the figure to watch; absolute numbers on a shared 2-core machine are noise.
 * PGlite always; PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
 */
import { createApp } from '../edge/app.ts';
import { hs256Verifier } from '../edge/auth/jwt.ts';
import { catalogQuery } from '../edge/catalog/filters.ts';
import { listCourses } from '../edge/catalog/queries.ts';
import { seed } from '../seed/seed.ts';
import { type TestDatabase, freshPglite, freshPostgres } from '../tests/support/db.ts';
import { measure, type Stats } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

const QUERIES = ['', '?price=free', '?difficulty=intermediate&sort=rating', '?q=data', '?category=web-development&page=1&pageSize=6'];


const fmt = (s: Stats) => `${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(2).padStart(6)} ms  p99 ${s.p99.toFixed(2).padStart(6)} ms`;

async function benchOne(t: TestDatabase) {
  await seed(t.db);
  const app = createApp({
    db: t.db,
    verifier: hs256Verifier('bench-secret-bench-secret-bench-secret-00'),
    publicConfig: (origin) => ({ mode: 'embedded', supabaseUrl: origin, supabaseAnonKey: 'x', devOutbox: false }),
  });
  let i = 0;
  const api = await measure(async () => {
    const res = await app.request(`/api/courses${QUERIES[i++ % QUERIES.length]}`);
    if (res.status !== 200) throw new Error(`catalog answered ${res.status}`);
    await res.json();
  }, SECONDS * 1000);
  let j = 0;
  const queries = QUERIES.map((q) => catalogQuery.parse(Object.fromEntries(new URLSearchParams(q))));
  const bare = await measure(() => t.db.asOwner((sql) => listCourses(sql, queries[j++ % queries.length]!, new Date())), SECONDS * 1000);
  const ratio = api.rps / bare.rps;
  console.log(`${t.name.padEnd(9)} GET /api/courses ${fmt(api)}`);
  console.log(`${''.padEnd(9)} bare SQL         ${fmt(bare)}`);
  console.log(`${''.padEnd(9)} ratio (API / bare SQL throughput): ${ratio.toFixed(3)}`);
  return { engine: t.name, api, bare, ratio };
}

const results = [];
for (const open of [freshPglite, ...(url ? [() => freshPostgres(url)] : [])]) {
  const t = await open();
  try {
    results.push(await benchOne(t));
  } finally {
    await t.drop();
  }
}
if (!url) console.log('(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
if (process.env.BENCH_JSON) console.log(JSON.stringify(results));
