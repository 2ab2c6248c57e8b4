import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../../tests/support/edge-harness.ts';
import { checkoutResponse, quote } from '../../contract/checkout.ts';
import { buyerCompanies, checkoutSessionView, localPayResponse } from '../../contract/checkout-session.ts';
import {
  buy,
  checkout,
  commerceIds,
  enrollmentOf,
  loadCommerceFixture,
  newKey,
  orderRow,
  ownerQuery,
  postJson,
  sessionOf,
} from './test-fixture.ts';

let h: EdgeHarness;
beforeAll(async () => {
  h = await makeEdgeHarness();
  await loadCommerceFixture(h);
});
afterAll(() => h.close());

const paid = { kind: 'course', id: ids.paid };
const pricey = { kind: 'course', id: ids.pricey };
const pay = (userId: string | null, sessionId: string, body: unknown) =>
  postJson(h, `/api/payments/local/sessions/${sessionId}/pay`, body, userId);

describe('POST /api/checkout/quote', () => {
  it('prices for anyone from the database, ignoring prices the client sends', async () => {
    const res = await postJson(
      h,
      '/api/checkout/quote',
      { items: [{ ...paid, price: 1 }], total: 1, subtotal: 1, country: 'DE' },
      null,
    );
    expect(res.status).toBe(200);
    const q = quote.parse(await res.json());
    expect(q).toMatchObject({ currency: 'USD', subtotal: 4900, discount: 0, tax: 931, total: 5831 });
    expect(q.taxRate).toEqual({ label: 'VAT 19%', rateBps: 1900, country: 'DE', region: null });
    expect(q.lines).toHaveLength(1);
  });

  it('applies the bundle rule and a coupon, and says why a coupon is refused', async () => {
    const bundle = await postJson(
      h,
      '/api/checkout/quote',
      { items: [{ kind: 'bundle', id: commerceIds.bundle }], coupon: ' welcome10 ' },
      ids.student,
    );
    expect(bundle.status).toBe(200);
    const q = quote.parse(await bundle.json());
    // (4900 + 19900) = 24800, bundle rule 10% -> 22320, WELCOME10 10% -> 20088
    expect(q).toMatchObject({ subtotal: 24800, total: 20088, coupon: { code: 'WELCOME10' } });
    expect(q.lines[0]!.rule?.label).toBe('Buy 2, get 10% off');

    const expired = await postJson(h, '/api/checkout/quote', { items: [paid], coupon: 'OLD2020' }, null);
    expect(expired.status).toBe(422);
    expect((await expired.json()).error.code).toBe('coupon_expired');
    const unknown = await postJson(h, '/api/checkout/quote', { items: [paid], coupon: 'NOPE' }, null);
    expect((await unknown.json()).error.code).toBe('coupon_invalid');
  });

  it('refuses what cannot be sold (422) and malformed bodies (400), never a 500', async () => {
    const draft = await postJson(h, '/api/checkout/quote', { items: [{ kind: 'course', id: ids.draft }] }, null);
    expect(draft.status).toBe(422);
    expect((await draft.json()).error.code).toBe('not_for_sale');
    const missing = await postJson(
      h,
      '/api/checkout/quote',
      { items: [{ kind: 'course', id: '30000000-0000-4000-8000-0000000000aa' }] },
      null,
    );
    expect((await missing.json()).error.code).toBe('unknown_item');
    const twice = await postJson(h, '/api/checkout/quote', { items: [paid, paid] }, null);
    expect((await twice.json()).error.code).toBe('duplicate_item');
    for (const body of [{}, { items: [] }, { items: [{ kind: 'course', id: 'x' }] }, { items: [paid], seats: 0 }]) {
      const res = await postJson(h, '/api/checkout/quote', body, null);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
    const notJson = await h.app.request('/api/checkout/quote', { method: 'POST', body: 'items' });
    expect(notJson.status).toBe(415);
  });
});

describe('POST /api/checkout', () => {
  it('needs a signed-in buyer and an Idempotency-Key of 8..200 characters', async () => {
    const anon = await postJson(h, '/api/checkout', { items: [paid] }, null, { 'idempotency-key': newKey() });
    expect(anon.status).toBe(401);
    for (const key of [undefined, 'short', 'x'.repeat(201), 'has spaces in it']) {
      const res = await postJson(
        h,
        '/api/checkout',
        { items: [paid] },
        ids.student,
        key ? { 'idempotency-key': key } : {},
      );
      expect(res.status, String(key)).toBe(400);
      expect((await res.json()).error.code).toBe('idempotency_key_required');
    }
  });

  it('creates one order per key, priced on the server, and answers the same order and URL again', async () => {
    const key = newKey();
    const body = { items: [{ ...paid, unitAmount: 1, totalAmount: 1 }], total: 1, method: 'card' };
    const first = await checkout(h, ids.other, body, key);
    expect(first.status).toBe(200);
    const a = checkoutResponse.parse(await first.json());
    expect(a.checkoutUrl).toMatch(/^http:\/\/localhost:8787\/checkout\/test\/cs_test_local_[A-Za-z0-9]+$/);
    const again = checkoutResponse.parse(await (await checkout(h, ids.other, body, key)).json());
    expect(again).toEqual(a);
    const [count] = await ownerQuery<{ n: number }>(
      h,
      'select count(*)::int as n from public.orders where user_id = $1 and idempotency_key = $2',
      [ids.other, key],
    );
    expect(count!.n).toBe(1);
    expect(await orderRow(h, a.orderId)).toMatchObject({ status: 'pending', total: 4900, kind: 'single' });
    const [stored] = await ownerQuery<{ checkout_session_id: string }>(
      h,
      'select checkout_session_id from public.orders where id = $1',
      [a.orderId],
    );
    expect(stored!.checkout_session_id).toBe(sessionOf(a.checkoutUrl));
  });

  it('refuses a used-up coupon with its reason, and holds a coupon so nobody else takes its last use', async () => {
    const held = await checkout(h, ids.student, { items: [pricey], coupon: 'ONCE' });
    expect(held.status).toBe(200);
    const refused = await checkout(h, ids.other, { items: [pricey], coupon: 'ONCE' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('coupon_exhausted');
    const expired = await checkout(h, ids.other, { items: [pricey], coupon: 'OLD2020' });
    expect((await expired.json()).error.code).toBe('coupon_expired');
  });

  it('fulfils an order with nothing to pay at once, without the provider', async () => {
    const res = await checkout(h, ids.other, { items: [{ kind: 'course', id: ids.free }] });
    expect(res.status).toBe(200);
    const { orderId, checkoutUrl } = checkoutResponse.parse(await res.json());
    expect(checkoutUrl).toBe('http://localhost:8787/dashboard');
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'paid', total: 0 });
    expect(await enrollmentOf(h, ids.other, ids.free)).toMatchObject({ status: 'active', source: 'purchase' });
  });

  it('sells seats to a company: its admin buys for it; anyone else names the company to create', async () => {
    const admin = await checkout(h, ids.teacher, { items: [paid], seats: 3 });
    expect(admin.status).toBe(200);
    const order = await orderRow(h, checkoutResponse.parse(await admin.json()).orderId);
    expect(order).toMatchObject({ kind: 'corporate', company_id: commerceIds.company, total: 14700 });
    const oneSeat = await checkout(h, ids.teacher, { items: [paid], corporate: true });
    expect(await orderRow(h, checkoutResponse.parse(await oneSeat.json()).orderId)).toMatchObject({
      kind: 'corporate',
    });

    const noCompany = await checkout(h, ids.student, { items: [paid], seats: 5 });
    expect(noCompany.status).toBe(422);
    expect((await noCompany.json()).error.code).toBe('company_required');
    const named = await checkout(h, ids.student, { items: [paid], seats: 5, company: { name: 'Initech' } });
    expect(named.status).toBe(200);
    const badName = await checkout(h, ids.student, { items: [paid], seats: 5, company: { name: 'x' } });
    expect(badName.status).toBe(400);
  });
});

describe('POST /api/checkout with companyId', () => {
  // An admin of two companies (Older Co, then Newer Co) and a company they do not administer.
  const co = {
    buyer: '00000000-0000-4000-8000-0000000000c1',
    strangerAdmin: '00000000-0000-4000-8000-0000000000c2',
    older: '64000000-0000-4000-8000-0000000000c1',
    newer: '64000000-0000-4000-8000-0000000000c2',
    stranger: '64000000-0000-4000-8000-0000000000c3',
    removed: '64000000-0000-4000-8000-0000000000c4',
  } as const;
  beforeAll(async () => {
    await h.db.runScript(`
      insert into auth.users (id, email, raw_user_meta_data) values
        ('${co.buyer}', 'two-companies@test.local', '{"first_name":"Two","last_name":"Cos"}'),
        ('${co.strangerAdmin}', 'stranger-admin@test.local', '{"first_name":"Stran","last_name":"Ger"}');
      insert into public.companies (id, slug, name, created_at) values
        ('${co.older}', 'older-co', 'Older Co', now() - interval '3 days'),
        ('${co.newer}', 'newer-co', 'Newer Co', now() - interval '2 days'),
        ('${co.stranger}', 'stranger-co', 'Stranger Co', now() - interval '1 day'),
        ('${co.removed}', 'removed-co', 'Removed Co', now() - interval '4 days');
      insert into public.company_members (company_id, user_id, role, status, removed_at) values
        ('${co.older}', '${co.buyer}', 'admin', 'active', null),
        ('${co.newer}', '${co.buyer}', 'admin', 'active', null),
        ('${co.stranger}', '${co.strangerAdmin}', 'admin', 'active', null),
        ('${co.removed}', '${co.buyer}', 'admin', 'removed', now());
    `);
  });
  const ordersWithKey = async (key: string) =>
    (
      await ownerQuery<{ n: number }>(
        h,
        'select count(*)::int as n from public.orders where user_id = $1 and idempotency_key = $2',
        [co.buyer, key],
      )
    )[0]!.n;

  it("buys seats for the buyer's second company when it is named, for the oldest active one when not", async () => {
    const orderId = await buy(h, co.buyer, { items: [paid], seats: 2, companyId: co.newer.toUpperCase() });
    expect(await orderRow(h, orderId)).toMatchObject({ kind: 'corporate', status: 'paid', company_id: co.newer });
    expect(
      await ownerQuery(h, 'select company_id, course_id, seats from public.seat_purchases where order_id = $1', [
        orderId,
      ]),
    ).toEqual([{ company_id: co.newer, course_id: ids.paid, seats: 2 }]);
    // One seat with a company is a corporate purchase too.
    const one = await checkout(h, co.buyer, { items: [paid], companyId: co.newer });
    expect(await orderRow(h, checkoutResponse.parse(await one.json()).orderId)).toMatchObject({
      kind: 'corporate',
      company_id: co.newer,
    });
    // Without companyId: the oldest company they actively administer (not the one they were removed from).
    const unnamed = await checkout(h, co.buyer, { items: [paid], seats: 2 });
    expect(await orderRow(h, checkoutResponse.parse(await unnamed.json()).orderId)).toMatchObject({
      company_id: co.older,
    });
  });

  it('refuses a company the buyer does not administer with a 403 company_forbidden and creates no order', async () => {
    const unknown = '64000000-0000-4000-8000-0000000000ff';
    for (const companyId of [co.stranger, co.removed, unknown]) {
      const key = newKey();
      const res = await checkout(h, co.buyer, { items: [paid], seats: 3, companyId }, key);
      expect(res.status, companyId).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await res.json()).error.code).toBe('company_forbidden');
      expect(await ordersWithKey(key)).toBe(0);
    }
    // A company name does not get around it: the company named by id decides.
    const key = newKey();
    const named = await checkout(
      h,
      co.buyer,
      { items: [paid], seats: 3, companyId: co.stranger, company: { name: 'Mine' } },
      key,
    );
    expect(named.status).toBe(403);
    expect(await ordersWithKey(key)).toBe(0);
    // Not a UUID: 400, no order.
    const badKey = newKey();
    const bad = await checkout(h, co.buyer, { items: [paid], seats: 3, companyId: 'older-co' }, badKey);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('bad_request');
    expect(await ordersWithKey(badKey)).toBe(0);
  });
});

describe('GET /api/checkout/companies', () => {
  it("lists the companies the caller administers; nobody else's", async () => {
    const admin = buyerCompanies.parse(
      await (await h.app.request('/api/checkout/companies', { headers: await h.as(ids.teacher) })).json(),
    );
    expect(admin.items).toEqual([{ id: commerceIds.company, name: 'Acme' }]);
    const learner = buyerCompanies.parse(
      await (await h.app.request('/api/checkout/companies', { headers: await h.as(ids.other) })).json(),
    );
    expect(learner.items).toEqual([]);
    expect((await h.app.request('/api/checkout/companies')).status).toBe(401);
  });
});

describe('the local test checkout', () => {
  it("shows the buyer their session and nobody else's", async () => {
    const { checkoutUrl, orderId } = checkoutResponse.parse(
      await (await checkout(h, ids.student, { items: [paid], country: 'DE' })).json(),
    );
    const id = sessionOf(checkoutUrl);
    const mine = await h.app.request(`/api/checkout/sessions/${id}`, { headers: await h.as(ids.student) });
    expect(mine.status).toBe(200);
    expect(checkoutSessionView.parse(await mine.json())).toMatchObject({
      sessionId: id,
      orderId,
      status: 'pending',
      method: 'card',
      total: 5831,
      lines: [{ title: 'Pandas in Practice', seats: 1, totalAmount: 5831 }],
    });
    const theirs = await h.app.request(`/api/checkout/sessions/${id}`, { headers: await h.as(ids.other) });
    expect(theirs.status).toBe(404);
    expect((await h.app.request(`/api/checkout/sessions/${id}`)).status).toBe(401);
    const bad = await h.app.request('/api/checkout/sessions/not-a-session', { headers: await h.as(ids.student) });
    expect(bad.status).toBe(404);
    const payTheirs = await pay(ids.other, id, { card: '4242424242424242' });
    expect(payTheirs.status).toBe(404);
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'pending' });
  });

  it('declines, leaves no enrollment and says why; another card then pays and enrolls', async () => {
    const { checkoutUrl, orderId } = checkoutResponse.parse(
      await (await checkout(h, ids.other, { items: [pricey] })).json(),
    );
    const id = sessionOf(checkoutUrl);

    const invalid = await pay(ids.other, id, { card: '1234 5678 9012 3456' });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.code).toBe('invalid_card_number');
    expect((await pay(ids.other, id, { approve: true })).status).toBe(400);

    const declined = localPayResponse.parse(await (await pay(ids.other, id, { card: '4000 0000 0000 0002' })).json());
    expect(declined).toEqual({
      status: 'failed',
      code: 'card_declined',
      message: 'Your card was declined.',
      redirectUrl: `/checkout/test/${id}`,
    });
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'failed' });
    expect(await enrollmentOf(h, ids.other, ids.pricey)).toBeNull();

    const poor = localPayResponse.parse(await (await pay(ids.other, id, { card: '4000000000009995' })).json());
    expect(poor).toMatchObject({ status: 'failed', code: 'insufficient_funds' });

    const ok = localPayResponse.parse(await (await pay(ids.other, id, { card: '4242 4242 4242 4242' })).json());
    expect(ok).toEqual({ status: 'paid', redirectUrl: '/dashboard' });
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'paid' });
    expect(await enrollmentOf(h, ids.other, ids.pricey)).toMatchObject({ status: 'active', source: 'purchase' });
    // Paying a paid order again changes nothing and says where to go.
    const twice = localPayResponse.parse(await (await pay(ids.other, id, { card: '4242424242424242' })).json());
    expect(twice).toEqual({ status: 'paid', redirectUrl: '/dashboard' });
    const [events] = await ownerQuery<{ n: number }>(
      h,
      "select count(*)::int as n from public.payment_events where order_id = $1 and outcome = 'fulfilled'",
      [orderId],
    );
    expect(events!.n).toBe(1);
  });

  it('PayPal: cancel fails the order, approve pays it; a card body is refused', async () => {
    const { checkoutUrl, orderId } = checkoutResponse.parse(
      await (await checkout(h, ids.admin, { items: [paid], method: 'paypal' })).json(),
    );
    const id = sessionOf(checkoutUrl);
    expect((await pay(ids.admin, id, { card: '4242424242424242' })).status).toBe(400);
    const cancelled = localPayResponse.parse(await (await pay(ids.admin, id, { approve: false })).json());
    expect(cancelled).toMatchObject({ status: 'failed', code: 'payment_cancelled' });
    expect(await enrollmentOf(h, ids.admin, ids.paid)).toBeNull();
    const approved = localPayResponse.parse(await (await pay(ids.admin, id, { approve: true })).json());
    expect(approved).toEqual({ status: 'paid', redirectUrl: '/dashboard' });
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'paid' });
    expect(await enrollmentOf(h, ids.admin, ids.paid)).toMatchObject({ status: 'active' });
  });

  it('sends a paid corporate buyer to the company page with the seats bought', async () => {
    const { checkoutUrl, orderId } = checkoutResponse.parse(
      await (await checkout(h, ids.teacher, { items: [pricey], seats: 4 })).json(),
    );
    const ok = localPayResponse.parse(
      await (await pay(ids.teacher, sessionOf(checkoutUrl), { card: '4242424242424242' })).json(),
    );
    expect(ok).toEqual({ status: 'paid', redirectUrl: '/company' });
    const [seats] = await ownerQuery<{ seats: number }>(
      h,
      'select seats from public.seat_purchases where order_id = $1 and course_id = $2',
      [orderId, ids.pricey],
    );
    expect(seats!.seats).toBe(4);
  });
});
