/** The commerce benchmark's inputs (request bodies from the seeded catalog) and its printout. Pure. */
import type { OrderInput } from '../edge/commerce/checkout/queries.ts';
import type { Quote, QuoteRequest } from '../edge/contract/checkout.ts';
import type { Engine } from './floors.ts';
import type { Measure } from './stats.ts';

export interface SeededBundle {
  id: string;
  courseIds: string[];
}

/**
 * Quote bodies as a shopper sends them: a bundle, a paid course not in it, the coupon, the
 * country. One per bundle (at most `count`), each with a different course, so the bodies rotate.
 */
export function quoteBodies(
  bundles: SeededBundle[],
  courseIds: string[],
  { coupon = 'WELCOME10', country = 'DE', count = 3 } = {},
): QuoteRequest[] {
  const bodies: QuoteRequest[] = [];
  for (const [i, bundle] of bundles.slice(0, count).entries()) {
    const outside = courseIds.filter((id) => !bundle.courseIds.includes(id));
    const course = outside[i % Math.max(outside.length, 1)];
    if (!course) continue;
    bodies.push({
      items: [
        { kind: 'bundle', id: bundle.id },
        { kind: 'course', id: course },
      ],
      coupon,
      country,
    });
  }
  if (bodies.length === 0)
    throw new Error('no published bundle with a paid course outside it: seed the database first');
  return bodies;
}

/** private.commerce_catalog's arguments for a body, as the route passes them. */
export const catalogRequest = (body: QuoteRequest, buyer: string | null) => ({
  courseIds: body.items.filter((i) => i.kind === 'course').map((i) => i.id),
  bundleIds: body.items.filter((i) => i.kind === 'bundle').map((i) => i.id),
  coupon: body.coupon ?? null,
  buyer,
  country: body.country ?? null,
  region: null,
});

/** The order input the route builds for one seat, card, the local provider, a 30-minute hold from `now`. */
export const orderInput = (quote: Quote, country: string | null, now: Date): OrderInput => ({
  quote,
  seats: 1,
  corporate: false,
  companyId: null,
  companyName: null,
  country,
  region: null,
  provider: 'local',
  method: 'card',
  expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
});

export interface FloorRow {
  label: string;
  measure: Measure;
}

/** One route over HTTP beside its bare-SQL floors, measured in the same run. */
export interface CommerceRoute {
  label: string;
  api: Measure;
  floors: FloorRow[];
}

export interface CommerceRun {
  engine: Engine;
  routes: CommerceRoute[];
  notes: string[];
}

const num = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '-';

/** API req/s divided by the floor's: 1 means HTTP, auth and the engine cost nothing beside the SQL. */
export const ratio = (api: Measure, floor: Measure) => (floor.rps > 0 ? api.rps / floor.rps : Number.NaN);

export function formatCommerce(run: CommerceRun): string {
  const rows: string[][] = [['', 'req/s', 'p50 ms', 'p99 ms', 'API / this']];
  for (const r of run.routes) {
    const failed = r.api.failures ? ` (${r.api.failures} failed)` : '';
    rows.push([`${r.label}${failed}`, num(r.api.rps), num(r.api.p50, 2), num(r.api.p99, 2), '']);
    for (const f of r.floors) {
      rows.push([`  bare SQL: ${f.label}`, num(f.measure.rps), num(f.measure.p50, 2), num(f.measure.p99, 2)]);
      rows.at(-1)!.push(num(ratio(r.api, f.measure), 2));
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const table = rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  const title = `${run.engine} · commerce (demo seed)`;
  return [title, '-'.repeat(title.length), ...table, ...run.notes.map((n) => `  ${n}`)].join('\n');
}
