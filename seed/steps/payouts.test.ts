import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite, type TestDatabase } from '../../tests/support/db.ts';
import { ids, seed } from '../seed.ts';

/**
 * The demo payouts (seed/steps/payouts.ts): the demo instructor earns this month (Acme's seats)
 * and last month (an earlier sale, due), was paid for the month before, and Maya has her own
 * platform share; a second run adds nothing.
 */

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const month = (now: Date, offset: number) => {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + offset;
  return { from: day(Date.UTC(y, m, 1)), to: day(Date.UTC(y, m + 1, 0)) };
};

describe('demo payouts', () => {
  let t: TestDatabase;
  const now = new Date();
  const instructor = ids.instructor('instructor@demo.test');
  const earnings = async (offset: number) => {
    const { from, to } = month(now, offset);
    const rows = await t.db.asOwner((sql) =>
      sql.query<{ gross: number }>(
        `select coalesce(sum(gross), 0)::int as gross
         from private.period_course_earnings($1::date::timestamp at time zone 'UTC',
                                             ($2::date + 1)::timestamp at time zone 'UTC', $3)
         where currency = 'USD'`,
        [from, to, instructor],
      ),
    );
    return rows[0]!.gross;
  };
  const counts = () =>
    t.db.asOwner((sql) =>
      sql.query<{ orders: number; payouts: number; shares: number }>(
        `select (select count(*)::int from public.orders) as orders,
                (select count(*)::int from public.payouts) as payouts,
                (select count(*)::int from public.instructor_revenue_shares) as shares`,
      ),
    );

  beforeAll(async () => {
    t = await freshPglite();
    await seed(t.db, { now });
  }, 300_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('gives the demo instructor earnings this month, last month and the month before', async () => {
    expect(await earnings(0)).toBeGreaterThan(0);
    expect(await earnings(-1)).toBeGreaterThan(0);
    expect(await earnings(-2)).toBeGreaterThan(0);
  });

  it('pays the month before last only, with a reference, and gives Maya her own share', async () => {
    const before = month(now, -2);
    const rows = await t.db.asOwner((sql) =>
      sql.query<{ period_start: string; period_end: string; status: string; reference: string; amount: number }>(
        `select period_start::text, period_end::text, status, reference, amount::int
         from public.payouts where instructor_id = $1`,
        [instructor],
      ),
    );
    expect(rows).toEqual([
      {
        period_start: before.from,
        period_end: before.to,
        status: 'paid',
        reference: `TR-${before.from.slice(0, 7)}-JB`,
        amount: expect.any(Number),
      },
    ]);
    expect(rows[0]!.amount).toBeGreaterThan(0);
    const [share] = await t.db.asOwner((sql) =>
      sql.query<{ bps: number }>(
        'select platform_share_bps as bps from public.instructor_revenue_shares where instructor_id = $1',
        [ids.instructor('maya@demo.test')],
      ),
    );
    expect(share?.bps).toBe(2500);
  });

  it('adds nothing on a second run', async () => {
    const first = await counts();
    await seed(t.db, { now: new Date(now.getTime() + 3_600_000) });
    expect(await counts()).toEqual(first);
  }, 300_000);
});
