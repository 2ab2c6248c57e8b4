import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../tests/support/edge-harness.ts';
import { adminPayouts, payout, revenueShare, teachPayouts } from '../contract/payouts.ts';
import { caller } from '../teaching/test-support.ts';
import { monthOf } from './period.ts';

let h: EdgeHarness;
let call: ReturnType<typeof caller>;

const today = new Date().toISOString().slice(0, 10);
const thisMonth = monthOf(today);
const lastMonth = monthOf(new Date(Date.parse(`${thisMonth.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));

/** A paid single-course order of the paid course (4900, no tax), paid at `paidAt`. */
async function sale(orderId: string, paidAt: string) {
  await h.db.asOwner(async (sql) => {
    await sql.query(
      `insert into public.orders (id, user_id, kind, status, currency, subtotal, total, quote, idempotency_key, expires_at, paid_at)
       values ($1::uuid, $2, 'single', 'paid', 'USD', 4900, 4900, '{}', $1::text, $3::timestamptz + interval '1 hour', $3::timestamptz)`,
      [orderId, ids.student, paidAt],
    );
    await sql.query(
      `insert into public.order_items (order_id, kind, course_id, course_ids, title, seats, unit_amount, list_amount, total_amount)
       values ($1, 'course', $2, array[$2::uuid], 'Pandas in Practice', 1, 4900, 4900, 4900)`,
      [orderId, ids.paid],
    );
  });
}

beforeAll(async () => {
  h = await makeEdgeHarness();
  call = caller(h);
  await sale('70000000-0000-4000-8000-0000000000b1', new Date().toISOString());
  await sale('70000000-0000-4000-8000-0000000000b2', `${lastMonth.start}T12:00:00Z`);
});
afterAll(() => h.close());

describe('payout routes refuse everyone but admins (and instructors for their own)', () => {
  const adminRoutes: [string, string, unknown?][] = [
    ['GET', '/api/admin/payouts'],
    ['GET', '/api/admin/payouts.csv'],
    [
      'POST',
      '/api/admin/payouts',
      { instructorId: ids.instructor, from: lastMonth.start, to: lastMonth.end, currency: 'USD', reference: 'X' },
    ],
    ['PUT', '/api/admin/payouts/share', { instructorId: null, shareBps: 0 }],
  ];
  it.each(adminRoutes)('%s %s: 401 for visitors, 403 for learners and instructors', async (method, path, body) => {
    expect((await call(method, path, null, body)).status).toBe(401);
    for (const who of [ids.student, ids.teacher]) {
      const res = await call(method, path, who, body);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
  });

  it('GET /api/teach/payouts: 401 for visitors, 403 for learners', async () => {
    expect((await call('GET', '/api/teach/payouts', null)).status).toBe(401);
    expect((await call('GET', '/api/teach/payouts', ids.student)).status).toBe(403);
  });
});

describe('GET /api/admin/payouts', () => {
  it("defaults to this month: the instructor's earnings split 30/70, open", async () => {
    const res = await call('GET', '/api/admin/payouts', ids.admin);
    expect(res.status).toBe(200);
    const p = adminPayouts.parse(res.json);
    expect(p).toMatchObject({ from: thisMonth.start, to: thisMonth.end, closed: false, platformShareBps: 3000 });
    expect(p.items).toEqual([
      {
        instructorId: ids.instructor,
        instructorName: 'Tea Cher',
        currency: 'USD',
        gross: 4900,
        refunds: 0,
        net: 4900,
        platformShareBps: 3000,
        platformFee: 1470,
        instructorShare: 3430,
        paid: 0,
        due: 3430,
      },
    ]);
  });

  it('answers 400 for a bad period', async () => {
    for (const q of ['from=2026-02-10&to=2026-02-01', 'from=2024-01-01&to=2025-06-01', 'from=2026-13-01', 'x=1']) {
      const res = await call('GET', `/api/admin/payouts?${q}`, ids.admin);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code, q).toBe('bad_request');
    }
  });

  it('downloads the report as CSV, safe against formula injection', async () => {
    await h.db.asOwner((sql) =>
      sql.query(`update public.instructors set display_name = '=HYPERLINK("http://x", "Cher")' where id = $1`, [
        ids.instructor,
      ]),
    );
    try {
      const res = await h.app.request(`/api/admin/payouts.csv?from=${thisMonth.start}&to=${thisMonth.end}`, {
        headers: await h.as(ids.admin),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="payouts-${thisMonth.start}-to-${thisMonth.end}.csv"`,
      );
      expect(res.headers.get('cache-control')).toBe('no-store');
      const lines = (await res.text()).split('\r\n');
      expect(lines[0]).toBe(
        'period_start,period_end,instructor,instructor_id,currency,gross,refunds,net,platform_share_percent,platform_fee,instructor_share,paid,due',
      );
      expect(lines[1]).toBe(
        `${thisMonth.start},${thisMonth.end},"'=HYPERLINK(""http://x"", ""Cher"")",${ids.instructor},USD,49.00,0.00,49.00,30.00,14.70,34.30,0.00,34.30`,
      );
      expect(lines[2]).toBe('');
    } finally {
      await h.db.asOwner((sql) =>
        sql.query(`update public.instructors set display_name = 'Tea Cher' where id = $1`, [ids.instructor]),
      );
    }
  });
});

describe('POST /api/admin/payouts and PUT /api/admin/payouts/share', () => {
  const body = { instructorId: ids.instructor, from: lastMonth.start, to: lastMonth.end, currency: 'USD' };

  it('marks last month paid once (201), then 409 for an overlap or an open period', async () => {
    const res = await call('POST', '/api/admin/payouts', ids.admin, { ...body, reference: 'TR-1' });
    expect(res.status).toBe(201);
    expect(payout.parse(res.json)).toMatchObject({
      instructorId: ids.instructor,
      periodStart: lastMonth.start,
      periodEnd: lastMonth.end,
      amount: 3430,
      platformFee: 1470,
      status: 'paid',
      reference: 'TR-1',
    });
    const again = await call('POST', '/api/admin/payouts', ids.admin, { ...body, reference: 'TR-2' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('payout_overlap');
    const open = await call('POST', '/api/admin/payouts', ids.admin, {
      ...body,
      from: thisMonth.start,
      to: thisMonth.end,
      reference: 'TR-3',
    });
    expect(open.status).toBe(409);
    expect(open.json.error.code).toBe('period_open');
    const listed = adminPayouts.parse(
      (await call('GET', `/api/admin/payouts?from=${lastMonth.start}&to=${lastMonth.end}`, ids.admin)).json,
    );
    expect(listed.closed).toBe(true);
    expect(listed.items[0]).toMatchObject({ paid: 3430, due: 0 });
    expect(listed.payouts.map((p) => p.reference)).toEqual(['TR-1']);
  });

  it('answers 400 for a bad body and 404 for an unknown instructor', async () => {
    for (const bad of [
      { ...body, reference: '' },
      { ...body, reference: 'x'.repeat(201) },
      { ...body, currency: 'usd', reference: 'X' },
      { ...body, instructorId: 'nope', reference: 'X' },
      { ...body, from: body.to, to: body.from, reference: 'X' },
      { ...body, reference: 'X', extra: 1 },
    ]) {
      const res = await call('POST', '/api/admin/payouts', ids.admin, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call('POST', '/api/admin/payouts', ids.admin, '{')).status).toBe(400);
    const missing = await call('POST', '/api/admin/payouts', ids.admin, {
      ...body,
      instructorId: '10000000-0000-4000-8000-0000000000ff',
      reference: 'X',
    });
    expect(missing.status).toBe(404);
  });

  it("sets the platform's share and an instructor's own", async () => {
    const res = await call('PUT', '/api/admin/payouts/share', ids.admin, { instructorId: null, shareBps: 2500 });
    expect(revenueShare.parse(res.json)).toEqual({ instructorId: null, shareBps: 2500, effectiveBps: 2500 });
    const own = await call('PUT', '/api/admin/payouts/share', ids.admin, {
      instructorId: ids.instructor,
      shareBps: 1000,
    });
    expect(own.json).toEqual({ instructorId: ids.instructor, shareBps: 1000, effectiveBps: 1000 });
    const p = adminPayouts.parse((await call('GET', '/api/admin/payouts', ids.admin)).json);
    expect(p.platformShareBps).toBe(2500);
    expect(p.items[0]).toMatchObject({ platformShareBps: 1000, platformFee: 490, instructorShare: 4410 });
    for (const bad of [{ instructorId: null, shareBps: 10_001 }, { instructorId: null, shareBps: null }, {}]) {
      expect((await call('PUT', '/api/admin/payouts/share', ids.admin, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    await call('PUT', '/api/admin/payouts/share', ids.admin, { instructorId: ids.instructor, shareBps: null });
    await call('PUT', '/api/admin/payouts/share', ids.admin, { instructorId: null, shareBps: 3000 });
  });
});

describe('GET /api/teach/payouts', () => {
  it("shows the instructor their earnings by month and their payouts; an admin's own are empty", async () => {
    const res = await call('GET', '/api/teach/payouts', ids.teacher);
    expect(res.status).toBe(200);
    const t = teachPayouts.parse(res.json);
    expect(t.months).toHaveLength(12);
    expect(t.months[0]).toMatchObject({ start: thisMonth.start, end: thisMonth.end });
    expect(t.months[0]!.items).toEqual([
      expect.objectContaining({ currency: 'USD', gross: 4900, instructorShare: 3430, due: 3430 }),
    ]);
    expect(t.months[1]!.items[0]).toMatchObject({ paid: 3430, due: 0 });
    expect(t.payouts.map((p) => p.reference)).toEqual(['TR-1']);
    const admin = teachPayouts.parse((await call('GET', '/api/teach/payouts', ids.admin)).json);
    expect(admin.payouts).toEqual([]);
    expect(admin.months.every((m) => m.items.length === 0)).toBe(true);
  });
});
