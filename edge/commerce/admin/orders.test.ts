import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminHarness, makeAdminHarness, paidOrder } from '../../../tests/support/admin-commerce.ts';
import { ids } from '../../../tests/support/edge-harness.ts';
import { adminDemoRequestList, adminOrderList, adminRevenue } from '../../contract/commerce-admin.ts';

let a: AdminHarness;
const orders: Record<string, string> = {};
beforeAll(async () => {
  a = await makeAdminHarness();
  orders.student = await paidOrder(a.h, ids.student, 'orders-student', { taxBps: 1900 });
  orders.pending = await paidOrder(a.h, ids.student, 'orders-pending', { pay: false });
  orders.corporate = await paidOrder(a.h, ids.other, 'orders-acme', { seats: 5 });
  await a.h.db.asService((sql) =>
    sql.query('select private.create_demo_request($1, $2, $3, $4, $5)', [
      'Dana Lead',
      'dana@example.test',
      'Initech',
      40,
      'A demo for our data team, please.',
    ]),
  );
});
afterAll(() => a.close());

const list = async (query = '') => {
  const res = await a.call(ids.admin, 'GET', `/api/admin/orders${query}`);
  expect(res.status).toBe(200);
  return adminOrderList.parse(res.body);
};

describe('admin orders', () => {
  it("lists every buyer's orders, newest first, with buyer, company, items and invoice number", async () => {
    const page = await list();
    expect(page).toMatchObject({ page: 1, pageSize: 20, total: 3 });
    expect(page.items.map((o) => o.id)).toEqual([orders.corporate, orders.pending, orders.student]);
    const corporate = page.items[0]!;
    expect(corporate).toMatchObject({
      kind: 'corporate',
      status: 'paid',
      seats: 5,
      total: 24_500,
      refunded: 0,
      company: { name: 'Acme Corp' },
      buyer: { id: ids.other, name: 'Oth Er', email: 'other@test.local' },
      items: [{ kind: 'course', title: 'Pandas in Practice', seats: 5, totalAmount: 24_500 }],
      creditNotes: [],
    });
    expect(corporate.number).toMatch(/^INV-\d{4}-\d{4}-\d{3}$/);
    expect(page.items[1]).toMatchObject({ status: 'pending', number: null, paidAt: null });
    expect(page.items[2]).toMatchObject({ tax: 931, total: 5831, company: null });
  });

  it('filters by status and finds by buyer, company, order id or invoice number', async () => {
    expect((await list('?status=pending')).items.map((o) => o.id)).toEqual([orders.pending]);
    expect((await list('?q=stu')).items.map((o) => o.id)).toEqual([orders.pending, orders.student]);
    expect((await list('?q=ACME')).items.map((o) => o.id)).toEqual([orders.corporate]);
    expect((await list(`?q=${orders.student!.toUpperCase()}`)).items.map((o) => o.id)).toEqual([orders.student]);
    const number = (await list('?status=paid')).items.find((o) => o.id === orders.student)!.number!;
    expect((await list(`?q=${number.toLowerCase()}`)).items.map((o) => o.id)).toEqual([orders.student]);
    expect((await list('?q=100%25')).total).toBe(0);
    expect((await list('?q=_')).total).toBe(0);
    expect((await list('?status=paid&q=nobody')).items).toEqual([]);
  });

  it('pages', async () => {
    const first = await list('?pageSize=2');
    const second = await list('?pageSize=2&page=2');
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([2, 1, 3, 3]);
    expect(second.items[0]!.id).toBe(orders.student);
    expect((await list('?page=5')).items).toEqual([]);
  });

  it('refuses bad queries with 400', async () => {
    for (const q of ['?status=lost', '?page=0', '?pageSize=101', '?page=x', '?nope=1', `?q=${'x'.repeat(201)}`]) {
      const res = await a.call(ids.admin, 'GET', `/api/admin/orders${q}`);
      expect([q, res.status, res.body.error.code]).toEqual([q, 400, 'bad_request']);
    }
  });

  it('sums what was paid and refunded per currency and day over the last 30 days', async () => {
    const res = await a.call(ids.admin, 'GET', '/api/admin/revenue');
    expect(res.status).toBe(200);
    const revenue = adminRevenue.parse(res.body);
    const today = new Date().toISOString().slice(0, 10);
    expect(revenue.to).toBe(today);
    expect(revenue.series).toHaveLength(1);
    const usd = revenue.series[0]!;
    expect(usd.days).toHaveLength(30);
    expect(usd.days[0]!.date).toBe(revenue.from);
    expect(usd.days.at(-1)).toEqual({ date: today, paid: 5831 + 24_500, refunded: 0 });
    expect([usd.currency, usd.paid, usd.refunded]).toEqual(['USD', 5831 + 24_500, 0]);
  });
});

describe('admin demo requests', () => {
  it('lists the leads, newest first', async () => {
    const res = await a.call(ids.admin, 'GET', '/api/admin/demo-requests');
    expect(res.status).toBe(200);
    expect(adminDemoRequestList.parse(res.body).items).toEqual([
      expect.objectContaining({ name: 'Dana Lead', company: 'Initech', teamSize: 40 }),
    ]);
  });
});
