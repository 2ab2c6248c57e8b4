import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../../tests/support/edge-harness.ts';
import { orderDetail, orderList } from '../../contract/checkout.ts';
import { readPdfText } from '../../invoices/pdf-text.ts';
import {
  buy,
  checkout,
  commerceIds,
  enrollmentOf,
  loadCommerceFixture,
  ownerQuery,
  postJson,
} from '../checkout/test-fixture.ts';

const GLOBEX = '64000000-0000-4000-8000-000000000002';
let h: EdgeHarness;
/** The student's paid single course, the other learner's paid course, Acme's seats, a pending order. */
let studentOrder: string;
let otherOrder: string;
let acmeOrder: string;
let pendingOrder: string;

beforeAll(async () => {
  h = await makeEdgeHarness();
  await loadCommerceFixture(h);
  // Another company, administered by the other learner: they must not see Acme's orders.
  await h.db.runScript(`
    insert into public.companies (id, slug, name) values ('${GLOBEX}', 'globex', 'Globex');
    insert into public.company_members (company_id, user_id, role) values ('${GLOBEX}', '${ids.other}', 'admin');
  `);
  studentOrder = await buy(h, ids.student, { items: [{ kind: 'course', id: ids.paid }], country: 'DE' });
  otherOrder = await buy(h, ids.other, { items: [{ kind: 'course', id: ids.pricey }], corporate: false });
  acmeOrder = await buy(h, ids.teacher, { items: [{ kind: 'course', id: ids.paid }], seats: 3 });
  pendingOrder = (
    (await (await checkout(h, ids.student, { items: [{ kind: 'course', id: ids.pricey }] })).json()) as {
      orderId: string;
    }
  ).orderId;
});
afterAll(() => h.close());

const get = async (path: string, userId: string | null) =>
  h.app.request(path, { headers: userId ? await h.as(userId) : {} });
const listFor = async (userId: string) => orderList.parse(await (await get('/api/orders', userId)).json()).items;

describe('GET /api/orders', () => {
  it("lists the caller's orders, newest first, with items and the invoice number once paid", async () => {
    const items = await listFor(ids.student);
    expect(items.map((o) => o.id)).toEqual([pendingOrder, studentOrder]);
    const [pending, paid] = items;
    expect(pending).toMatchObject({ status: 'pending', number: null, paidAt: null });
    expect(paid).toMatchObject({ status: 'paid', kind: 'single', total: 5831, tax: 931, currency: 'USD' });
    expect(paid!.number).toMatch(/^INV-\d{4}-\d{4}-\d{3,}$/);
    expect(paid!.items).toMatchObject([{ kind: 'course', courseId: ids.paid, title: 'Pandas in Practice', seats: 1 }]);
  });

  it("shows a company admin their company's orders, and no other company's; admins list only their own", async () => {
    expect((await listFor(ids.teacher)).map((o) => o.id)).toEqual([acmeOrder]);
    expect((await listFor(ids.other)).map((o) => o.id)).toEqual([otherOrder]);
    expect(await listFor(ids.admin)).toEqual([]);
    expect((await get('/api/orders', null)).status).toBe(401);
  });
});

describe('GET /api/orders/:id', () => {
  it('answers the buyer their order with payments, documents and whether they may ask for a refund', async () => {
    const res = await get(`/api/orders/${studentOrder}`, ids.student);
    expect(res.status).toBe(200);
    const o = orderDetail.parse(await res.json());
    expect(o.payments).toMatchObject([{ provider: 'local', method: 'card', status: 'succeeded', amount: 5831 }]);
    expect(o.invoices).toMatchObject([{ kind: 'invoice', number: o.number, total: 5831 }]);
    expect(o.refunds).toEqual([]);
    expect(o.refundable).toEqual({ allowed: true, reason: null });
  });

  it("hides other people's orders (404); a company admin reads their company's; malformed ids are 400", async () => {
    expect((await get(`/api/orders/${studentOrder}`, ids.other)).status).toBe(404);
    expect((await get(`/api/orders/${acmeOrder}`, ids.other)).status).toBe(404);
    expect((await get(`/api/orders/${studentOrder}`, null)).status).toBe(401);
    const acme = orderDetail.parse(await (await get(`/api/orders/${acmeOrder}`, ids.teacher)).json());
    expect(acme).toMatchObject({ kind: 'corporate', seats: 3, total: 14700 });
    expect(acme.refundable.allowed).toBe(false);
    const bad = await get('/api/orders/not-a-uuid', ids.student);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_request');
    const viaAdmin = orderDetail.parse(await (await get(`/api/orders/${studentOrder}`, ids.admin)).json());
    expect(viaAdmin.refundable).toEqual({
      allowed: false,
      reason: 'Only the buyer can ask for a refund of this order.',
    });
  });
});

describe('invoice PDFs', () => {
  it("downloads the order's invoice: the buyer's name, the number, the seller", async () => {
    const res = await get(`/api/orders/${studentOrder}/invoice.pdf`, ids.student);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const [{ number }] = (await ownerQuery<{ number: string }>(
      h,
      "select number from public.invoices where order_id = $1 and kind = 'invoice'",
      [studentOrder],
    )) as [{ number: string }];
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${number}.pdf"`);
    const text = (await readPdfText(new Uint8Array(await res.arrayBuffer()))).pages
      .flat()
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain(number);
    expect(text).toContain('Stu Dent');
    expect(text).toContain('Learnwell');
    expect(text).toContain('VAT 19% (DE)');
  });

  it("refuses other people's invoices and orders without one (404)", async () => {
    expect((await get(`/api/orders/${studentOrder}/invoice.pdf`, ids.other)).status).toBe(404);
    expect((await get(`/api/orders/${pendingOrder}/invoice.pdf`, ids.student)).status).toBe(404);
    expect((await get(`/api/orders/${acmeOrder}/invoice.pdf`, ids.teacher)).status).toBe(200);
    expect((await get(`/api/orders/${acmeOrder}/invoice.pdf`, ids.other)).status).toBe(404);
    const [{ id }] = (await ownerQuery<{ id: string }>(h, 'select id from public.invoices where order_id = $1', [
      acmeOrder,
    ])) as [{ id: string }];
    expect((await get(`/api/invoices/${id}/pdf`, ids.teacher)).status).toBe(200);
    expect((await get(`/api/invoices/${id}/pdf`, ids.student)).status).toBe(404);
    expect((await get('/api/invoices/nope/pdf', ids.student)).status).toBe(400);
  });
});

describe('POST /api/orders/:id/refund-request', () => {
  const ask = (orderId: string, userId: string, body: unknown = { reason: 'Not for me' }) =>
    postJson(h, `/api/orders/${orderId}/refund-request`, body, userId);

  it('refuses outside the policy with the reason in words, and changes nothing', async () => {
    await h.db.runScript(`update public.orders set paid_at = now() - interval '15 days' where id = '${studentOrder}'`);
    const late = await ask(studentOrder, ids.student);
    expect(late.status).toBe(422);
    expect((await late.json()).error).toMatchObject({
      code: 'refund_not_allowed',
      message: 'Refunds can be requested within 14 days of purchase.',
    });
    await h.db.runScript(`update public.orders set paid_at = now() - interval '1 day' where id = '${studentOrder}'`);
    await h.db.runScript(
      `update public.enrollments set progress_percentage = 45 where user_id = '${ids.student}' and course_id = '${ids.paid}'`,
    );
    const progressed = await ask(studentOrder, ids.student);
    expect((await progressed.json()).error.message).toBe(
      'Refunds are available up to 30% progress; you have completed 45% of Pandas in Practice.',
    );
    await h.db.runScript(
      `update public.enrollments set progress_percentage = 10 where user_id = '${ids.student}' and course_id = '${ids.paid}'`,
    );
    const team = await ask(acmeOrder, ids.teacher);
    expect(team.status).toBe(422);
    expect((await ask(pendingOrder, ids.student)).status).toBe(422);
    expect((await ask(studentOrder, ids.other)).status).toBe(404);
    expect((await ask(studentOrder, ids.student, {})).status).toBe(400);
    expect((await ask(studentOrder, ids.student, { reason: 'x', amount: 1 })).status).toBe(400);
    expect(await enrollmentOf(h, ids.student, ids.paid)).toMatchObject({ status: 'active' });
  });

  it('refunds within the policy: refunded, the course cancelled, a credit note to download', async () => {
    const res = await ask(studentOrder, ids.student, { reason: 'Bought the wrong course' });
    expect(res.status).toBe(200);
    const o = orderDetail.parse(await res.json());
    expect(o.status).toBe('refunded');
    expect(o.refunds).toMatchObject([{ amount: 5831, kind: 'learner', reason: 'Bought the wrong course' }]);
    expect(o.refundable).toEqual({ allowed: false, reason: 'This order has already been refunded.' });
    expect(await enrollmentOf(h, ids.student, ids.paid)).toMatchObject({ status: 'cancelled' });
    const note = o.invoices.find((i) => i.kind === 'credit_note')!;
    expect(note.number).toMatch(/^CN-/);
    const pdf = await get(`/api/invoices/${note.id}/pdf`, ids.student);
    expect(pdf.status).toBe(200);
    const text = (await readPdfText(new Uint8Array(await pdf.arrayBuffer()))).pages
      .flat()
      .map((s) => s.text)
      .join('\n');
    expect(text).toContain(note.number);
    expect(text).toContain(o.number!);
    const again = await ask(studentOrder, ids.student);
    expect(again.status).toBe(422);
  });

  it('keeps the seats of a corporate order out of a learner refund', async () => {
    const [seats] = await ownerQuery<{ seats: number; company_id: string }>(
      h,
      'select seats, company_id from public.seat_purchases where order_id = $1',
      [acmeOrder],
    );
    expect(seats).toEqual({ seats: 3, company_id: commerceIds.company });
  });
});
