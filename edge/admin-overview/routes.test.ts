import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { adminOverview } from '../contract/admin-overview.ts';
import { caller } from '../teaching/test-support.ts';
import { csvCell } from './csv.ts';
import { bucketOf } from './range.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;

const ORDER_EUR = '60000000-0000-4000-8000-0000000000e1';
const ORDER_USD = '60000000-0000-4000-8000-0000000000e2';
const PAYMENT = '61000000-0000-4000-8000-0000000000e1';

/** A small, known history in Q1 2025, well away from the fixture's own rows (created now). */
const HISTORY = `
update public.profiles set created_at = '2025-01-15T10:00:00Z' where id = '${ids.other}';
insert into public.enrollments (user_id, course_id, status, enrolled_at, last_activity_at) values
  ('${ids.student}', '${ids.free}', 'completed', '2025-01-06T09:00:00Z', now() - interval '2 days'),
  ('${ids.other}', '${ids.free}', 'active', '2025-01-20T09:00:00Z', now() - interval '20 days'),
  ('${ids.teacher}', '${ids.free}', 'cancelled', '2025-02-10T09:00:00Z', null),
  ('${ids.student}', '${ids.paid}', 'active', '2025-02-03T09:00:00Z', now() - interval '3 days');
insert into public.orders (id, user_id, kind, status, currency, subtotal, total, quote, idempotency_key, expires_at, paid_at) values
  ('${ORDER_EUR}', '${ids.student}', 'single', 'partially_refunded', 'EUR', 4900, 4900, '{}', 'ov-1', '2025-02-04T00:00:00Z', '2025-02-03T09:00:00Z'),
  ('${ORDER_USD}', '${ids.other}', 'single', 'paid', 'USD', 1000, 1000, '{}', 'ov-2', '2025-03-06T00:00:00Z', '2025-03-05T09:00:00Z');
insert into public.order_items (order_id, kind, course_id, course_ids, title, seats, unit_amount, list_amount, total_amount) values
  ('${ORDER_EUR}', 'course', '${ids.paid}', '{${ids.paid}}', 'Paid', 1, 4900, 4900, 4900),
  ('${ORDER_USD}', 'course', '${ids.free}', '{${ids.free}}', 'Free', 1, 1000, 1000, 1000);
insert into public.payments (id, order_id, provider, status, amount, currency, method) values
  ('${PAYMENT}', '${ORDER_EUR}', 'local', 'partially_refunded', 4900, 'EUR', 'card');
insert into public.refunds (order_id, payment_id, amount, currency, kind, status, created_at, processed_at) values
  ('${ORDER_EUR}', '${PAYMENT}', 900, 'EUR', 'admin', 'succeeded', '2025-02-10T09:00:00Z', '2025-02-10T09:00:00Z');
`;

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await h.db.runScript(HISTORY);
});
afterAll(() => h.close());

const Q1 = 'from=2025-01-01&to=2025-03-31';

describe('admin overview routes refuse everyone but admins', () => {
  it.each(['/api/admin/overview', '/api/admin/overview.csv'])('%s: 401 for visitors, 403 for others', async (path) => {
    const anon = await call('GET', path, null);
    expect(anon.status).toBe(401);
    expect(anon.json.error.code).toBe('unauthorized');
    for (const who of [ids.student, ids.teacher]) {
      const res = await call('GET', path, who);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
  });
});

describe('GET /api/admin/overview', () => {
  it('counts users, sign-ups, enrollments, revenue and top courses in the range, per day', async () => {
    const res = await call('GET', `/api/admin/overview?${Q1}`, ids.admin);
    expect(res.status).toBe(200);
    const o = adminOverview.parse(res.json);
    expect(o).toMatchObject({ from: '2025-01-01', to: '2025-03-31', bucket: 'day' });
    expect(o.usersByRole).toEqual({ student: 2, instructor: 1, admin: 1, total: 4 });
    expect(o.activeLearners).toEqual({ last7: 1, last30: 2 });
    expect(o.series).toHaveLength(90);
    expect(o.totals).toEqual({ signups: 1, enrollments: 4 });
    expect(o.series.find((p) => p.start === '2025-01-15')).toEqual({ start: '2025-01-15', signups: 1, enrollments: 0 });
    expect(o.series.find((p) => p.start === '2025-01-06')?.enrollments).toBe(1);
    expect(o.revenue.map(({ buckets, ...r }) => r)).toEqual([
      { currency: 'EUR', gross: 4900, refunds: 900, net: 4000 },
      { currency: 'USD', gross: 1000, refunds: 0, net: 1000 },
    ]);
    const eur = o.revenue[0]!.buckets;
    expect(eur.find((b) => b.start === '2025-02-03')).toEqual({
      start: '2025-02-03',
      gross: 4900,
      refunds: 0,
      net: 4900,
    });
    expect(eur.find((b) => b.start === '2025-02-10')).toEqual({
      start: '2025-02-10',
      gross: 0,
      refunds: 900,
      net: -900,
    });
    expect(o.topCourses).toEqual([
      {
        id: ids.free,
        slug: 'intro-to-html',
        title: expect.any(String),
        enrollments: 3,
        revenue: [{ currency: 'USD', amount: 1000 }],
        completionRate: 0.5,
      },
      {
        id: ids.paid,
        slug: expect.any(String),
        title: expect.any(String),
        enrollments: 1,
        revenue: [{ currency: 'EUR', amount: 4900 }],
        completionRate: 0,
      },
    ]);
  });

  it('groups by ISO week (Mondays) and by month, the first bucket starting at from', async () => {
    const weeks = adminOverview.parse((await call('GET', `/api/admin/overview?${Q1}&bucket=week`, ids.admin)).json);
    expect(weeks.series.slice(0, 3).map((p) => p.start)).toEqual(['2025-01-01', '2025-01-06', '2025-01-13']);
    expect(weeks.series.find((p) => p.start === '2025-01-20')?.enrollments).toBe(1);
    expect(weeks.revenue[0]!.buckets.find((b) => b.start === '2025-02-10')?.refunds).toBe(900);
    const months = adminOverview.parse((await call('GET', `/api/admin/overview?${Q1}&bucket=month`, ids.admin)).json);
    expect(months.series).toEqual([
      { start: '2025-01-01', signups: 1, enrollments: 2 },
      { start: '2025-02-01', signups: 0, enrollments: 2 },
      { start: '2025-03-01', signups: 0, enrollments: 0 },
    ]);
    expect(months.revenue[0]!.buckets.map((b) => b.net)).toEqual([0, 4000, 0]);
  });

  it('defaults to the last 30 days by day', async () => {
    const o = adminOverview.parse((await call('GET', '/api/admin/overview', ids.admin)).json);
    expect(o.bucket).toBe('day');
    expect(o.series).toHaveLength(30);
    expect(o.to).toBe(new Date().toISOString().slice(0, 10));
    expect(o.totals.signups).toBe(3);
  });

  it('answers 400 for bad dates, a reversed or too long range and unknown parameters', async () => {
    for (const q of [
      'from=2025-13-01',
      'from=2025-02-30',
      'to=yesterday',
      'from=2025-03-01&to=2025-02-01',
      'from=2024-01-01&to=2025-01-02',
      'bucket=year',
      'days=7',
      'from=2025-01-01&from=2025-01-02',
    ]) {
      const res = await call('GET', `/api/admin/overview?${q}`, ids.admin);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code, q).toBe('bad_request');
    }
    const leap = await call('GET', '/api/admin/overview?from=2024-01-01&to=2024-12-31', ids.admin);
    expect(leap.status).toBe(200);
  });
});

describe('GET /api/admin/overview.csv', () => {
  it('sends the per-bucket series as a CSV attachment, amounts in major units', async () => {
    const res = await h.app.request(`/api/admin/overview.csv?${Q1}&bucket=month`, { headers: await h.as(ids.admin) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="overview-2025-01-01-to-2025-03-31-month.csv"',
    );
    expect((await res.text()).split('\r\n')).toEqual([
      'bucket_start,signups,enrollments,gross_EUR,refunds_EUR,net_EUR,gross_USD,refunds_USD,net_USD',
      '2025-01-01,1,2,0.00,0.00,0.00,0.00,0.00,0.00',
      '2025-02-01,0,2,49.00,9.00,40.00,0.00,0.00,0.00',
      '2025-03-01,0,0,0.00,0.00,0.00,10.00,0.00,10.00',
      '',
    ]);
  });

  it('answers 400 JSON for a bad range', async () => {
    const res = await call('GET', '/api/admin/overview.csv?from=2025-02-01&to=2025-01-01', ids.admin);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('bad_request');
  });
});

describe('overview helpers', () => {
  it('guards CSV cells against formulas and quotes what needs it', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-5.00')).toBe("'-5.00");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(12)).toBe('12');
  });

  it('puts a day in its bucket the way the SQL does', () => {
    expect(bucketOf('2025-01-05', 'week', '2025-01-01')).toBe('2025-01-01');
    expect(bucketOf('2025-01-12', 'week', '2025-01-01')).toBe('2025-01-06');
    expect(bucketOf('2025-02-28', 'month', '2025-01-15')).toBe('2025-02-01');
    expect(bucketOf('2025-01-20', 'month', '2025-01-15')).toBe('2025-01-15');
  });
});
