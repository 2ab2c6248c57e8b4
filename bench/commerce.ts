/**
 * `npm run bench:commerce`: quotes and checkouts over HTTP beside their bare SQL, in the same run,
 * on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL, on the demo seed.
 *
 * - Quotes: POST /api/checkout/quote, anonymous, from 10 connections, rotating bodies of a seeded
 *   bundle, a paid course not in it, WELCOME10 and country DE. Floor: the one database call a
 *   quote makes, `private.commerce_catalog(...)` as the owner, from 10 concurrent workers.
 * - Checkout: POST /api/checkout signed in as the demo student, a new Idempotency-Key per request,
 *   each a real pending order with the local payment provider (a bundle and a course, card, DE, no
 *   coupon: the student's one WELCOME10 use is taken by the seed). Floors: `private.create_order`
 *   as the owner with the route's order input (a fixed quote) and new keys; and all six calls the
 *   route makes (expire, key lookup, catalog, create, order read, session), one after the other.
 * - Every answer is checked first (200, an order with a test checkout URL, the same key the same
 *   order): a benchmark of 4xx measures nothing.
 * Printed: req/s (orders/s), p50, p99 and the ratio API / floor, with GET /api/health from the
 * same server as the ceiling of any route on this machine; the load average.
 * Environment: BENCH_SECONDS (5) per measurement, BENCH_ENGINES (pglite,postgres), BENCH_JSON=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import {
  commerceCatalog,
  createOrder,
  expireOrders,
  orderForPayment,
  orderIdByKey,
  setCheckoutSession,
} from '../edge/commerce/checkout/queries.ts';
import type { Quote, QuoteRequest } from '../edge/contract/checkout.ts';
import type { Sql } from '../edge/db/port.ts';
import { priceQuote } from '../edge/pricing/engine.ts';
import { seed } from '../seed/seed.ts';
import {
  type CommerceRun,
  catalogRequest,
  formatCommerce,
  orderInput,
  quoteBodies,
  type SeededBundle,
} from './commerce-report.ts';
import type { Engine } from './floors.ts';
import { type HttpTarget, loadHttp } from './http.ts';
import { startServer } from './server.ts';
import { measure } from './stats.ts';
import { BENCH_SECRET, type BenchDatabase, pgliteDatabase, postgresDatabase } from './targets.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const STUDENT = 'student@demo.test';
const WEBHOOK_SECRET = 'whsec_bench_bench_bench_bench_bench_bench_00';
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

interface Inputs {
  studentId: string;
  quotes: QuoteRequest[];
  /** What the checkout sends: the first quote's items, without the coupon. */
  order: QuoteRequest;
  /** The route's quote for that order, priced now (the bare create_order stores it). */
  quote: Quote;
}

async function inputs(bench: BenchDatabase): Promise<Inputs> {
  return bench.db.asOwner(async (sql) => {
    const [student] = await sql.query<{ id: string }>('select id::text from auth.users where email = $1', [STUDENT]);
    const bundles = await sql.query<SeededBundle>(
      `select b.id::text as id, coalesce((select jsonb_agg(bc.course_id order by bc.position)
         from public.bundle_courses bc where bc.bundle_id = b.id), '[]'::jsonb) as "courseIds"
       from public.bundles b where b.status = 'published' and b.currency = 'USD' order by b.slug`,
    );
    const courses = await sql.query<{ id: string }>(
      `select id::text from public.courses
       where status = 'published' and price_amount > 0 and price_currency = 'USD' order by slug`,
    );
    if (!student) throw new Error(`no ${STUDENT}: seed the database first`);
    const quotes = quoteBodies(
      bundles,
      courses.map((c) => c.id),
    );
    const order = { items: quotes[0]!.items, country: quotes[0]!.country };
    const catalog = await commerceCatalog(sql, catalogRequest(order, student.id));
    const quote = priceQuote(catalog, { items: order.items }, new Date());
    return { studentId: student.id, quotes, order, quote };
  });
}

async function bareSql(bench: BenchDatabase, x: Inputs) {
  const own = <T>(fn: (sql: Sql) => Promise<T>) => bench.asOwnerPrepared(fn);
  const run = (fn: () => Promise<unknown>) => measure(fn, SECONDS * 1000, { concurrency: CONNECTIONS, warmupMs: 1000 });
  let n = 0;
  const nextQuote = () => x.quotes[n++ % x.quotes.length]!;
  const input = orderInput(x.quote, x.order.country ?? null, new Date());
  log('  bare SQL: commerce_catalog');
  const catalog = await run(() => own((sql) => commerceCatalog(sql, catalogRequest(nextQuote(), null))));
  log('  bare SQL: create_order');
  const create = await run(() => own((sql) => createOrder(sql, x.studentId, `bench-sql-${n++}`, input)));
  log("  bare SQL: the checkout route's six calls");
  const route = await run(async () => {
    const i = n++;
    const key = `bench-sql-${i}`;
    await own(expireOrders);
    await own((sql) => orderIdByKey(sql, x.studentId, key));
    await own((sql) => commerceCatalog(sql, catalogRequest(x.order, x.studentId)));
    const { orderId } = await own((sql) => createOrder(sql, x.studentId, key, input));
    await own((sql) => orderForPayment(sql, { orderId }));
    await own((sql) => setCheckoutSession(sql, orderId, `cs_test_bench_${i}`));
  });
  return { catalog, create, route };
}

const json = { 'content-type': 'application/json' };

async function post(url: string, body: unknown, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Every request answers 200 before it is measured, and a checkout makes one order per key. */
async function check(base: string, x: Inputs, auth: Record<string, string>) {
  for (const body of x.quotes) {
    const q = await post(`${base}/api/checkout/quote`, body, {});
    if (!(Number(q.total) > 0 && Number(q.discount) > 0 && Number(q.tax) > 0)) {
      throw new Error(`a quote without a total, a discount or tax: ${JSON.stringify(q)}`);
    }
  }
  const key = { 'idempotency-key': `bench-check-${Date.now()}` };
  const first = await post(`${base}/api/checkout`, x.order, { ...auth, ...key });
  const again = await post(`${base}/api/checkout`, x.order, { ...auth, ...key });
  if (!String(first.checkoutUrl).includes('/checkout/test/cs_test_local_') || again.orderId !== first.orderId) {
    throw new Error(`checkout is not the local provider's, or not idempotent: ${JSON.stringify([first, again])}`);
  }
}

async function httpLoad(bench: BenchDatabase, x: Inputs) {
  const token = await new SignJWT({ sub: x.studentId, role: 'authenticated', aud: 'authenticated', email: STUDENT })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(BENCH_SECRET));
  const auth = { authorization: `Bearer ${token}` };
  const dataDir = bench.serverEnv.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'lms-bench-commerce-'));
  const server = await startServer({
    ...bench.serverEnv,
    DATA_DIR: dataDir,
    JWT_SECRET: BENCH_SECRET,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  const quote: HttpTarget = {
    paths: ['/api/checkout/quote'],
    headers: json,
    method: 'POST',
    bodies: x.quotes.map((b) => JSON.stringify(b)),
  };
  const checkout: HttpTarget = {
    paths: ['/api/checkout'],
    headers: { ...json, ...auth, 'idempotency-key': 'bench-http-[<id>]' },
    method: 'POST',
    bodies: [JSON.stringify(x.order)],
    idReplacement: true,
  };
  const opts = { seconds: SECONDS, connections: CONNECTIONS };
  try {
    await check(server.url, x, auth);
    log('  HTTP: GET /api/health');
    const health = await loadHttp(server.url, { paths: ['/api/health'] }, opts);
    log('  HTTP: POST /api/checkout/quote');
    const quotes = await loadHttp(server.url, quote, opts);
    log('  HTTP: POST /api/checkout');
    const orders = await loadHttp(server.url, checkout, opts);
    return { health, quotes, orders };
  } finally {
    await server.stop();
    if (!bench.serverEnv.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchEngine(engine: Engine): Promise<CommerceRun> {
  const bench = engine === 'pglite' ? await pgliteDatabase() : await postgresDatabase(pgUrl!);
  try {
    log(`${engine}: seeding the demo data`);
    await seed(bench.db);
    const x = await inputs(bench);
    const bare = await bareSql(bench, x);
    await bench.handOver();
    let http: Awaited<ReturnType<typeof httpLoad>>;
    try {
      http = await httpLoad(bench, x);
    } finally {
      await bench.takeBack();
    }
    const [made] = await bench.db.asOwner((sql) =>
      sql.query<{ http: number; bare: number }>(
        `select count(*) filter (where idempotency_key like 'bench-http-%')::int as http,
                count(*) filter (where idempotency_key like 'bench-sql-%')::int as bare
         from public.orders where user_id = $1 and status = 'pending'`,
        [x.studentId],
      ),
    );
    return {
      engine,
      routes: [
        { label: "GET /api/health (the host's ceiling)", api: http.health, floors: [] },
        {
          label: 'POST /api/checkout/quote',
          api: http.quotes,
          floors: [{ label: 'commerce_catalog', measure: bare.catalog }],
        },
        {
          label: 'POST /api/checkout (orders/s)',
          api: http.orders,
          floors: [
            { label: 'create_order', measure: bare.create },
            { label: "the route's 6 calls", measure: bare.route },
          ],
        },
      ],
      notes: [
        `${x.quotes.length} quote bodies; ${CONNECTIONS} connections / workers, ${SECONDS} s each after 1 s of warm-up`,
        `pending orders made: ${made!.http} over HTTP, ${made!.bare} by the bare SQL (warm-ups included)`,
        ...bench.notes,
      ],
    };
  } finally {
    await bench.dispose();
  }
}

if (import.meta.main) {
  const engines = (['pglite', ...(pgUrl ? ['postgres'] : [])] as Engine[]).filter((e) => wanted.includes(e));
  const before = load();
  const runs: CommerceRun[] = [];
  for (const engine of engines) {
    runs.push(await benchEngine(engine));
    log(formatCommerce(runs.at(-1)!));
  }
  const lines = [
    '',
    `machine: ${availableParallelism()} CPUs, load average at start ${before}, at end ${load()}`,
    '',
    ...runs.flatMap((r) => [formatCommerce(r), '']),
  ];
  if (!pgUrl) lines.push('(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.env.BENCH_JSON) process.stdout.write(`${JSON.stringify(runs)}\n`);
}
