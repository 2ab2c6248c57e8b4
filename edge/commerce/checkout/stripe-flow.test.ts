// The Stripe adapter end to end through the API: the real SDK against the fake Stripe server
// (STRIPE_API_URL), Stripe's event for the paid session signed as Stripe signs it
// (generateTestHeaderStringAsync), then a learner refund through Stripe's refunds API.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, ids, makeEdgeHarness, TEST_SECRET } from '../../../tests/support/edge-harness.ts';
import { type FakeStripe, startFakeStripe } from '../../../tests/support/fake-stripe.ts';
import { createApp } from '../../app.ts';
import { hs256Verifier } from '../../auth/jwt.ts';
import { checkoutResponse, orderDetail } from '../../contract/checkout.ts';
import { createStripeProvider } from '../../payments/stripe.ts';
import { signStripePayload } from '../../payments/webhook.ts';
import { commerceConfig } from './config.ts';
import { checkout, enrollmentOf, loadCommerceFixture, newKey, orderRow, ownerQuery, postJson } from './test-fixture.ts';

const WEBHOOK_SECRET = 'whsec_test_stripe_flow_0123456789abcdef';
const SITE = 'https://learn.example.com';
let fake: FakeStripe;
let h: EdgeHarness;

beforeAll(async () => {
  fake = await startFakeStripe();
  h = await makeEdgeHarness({
    payments: createStripeProvider({ secretKey: fake.apiKey, webhookSecret: WEBHOOK_SECRET, apiUrl: fake.url }),
    commerce: commerceConfig({}, SITE),
  });
  await loadCommerceFixture(h);
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

/** The event Stripe sends for a session, as its webhook delivers it. */
async function stripeEvent(type: string, object: Record<string, unknown>) {
  const event = {
    id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  const payload = JSON.stringify(event, null, 2);
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: WEBHOOK_SECRET,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
  return { event, payload, signature };
}

const deliver = (payload: string, signature: string) =>
  h.app.request('/api/payments/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });

describe('checkout with Stripe', () => {
  let orderId: string;
  let sessionId: string;
  const key = newKey();
  const request = { items: [{ kind: 'course', id: ids.paid, price: 1 }], country: 'DE', method: 'paypal' };

  it("creates a Checkout Session for the server's price and answers its URL; the same key reuses it", async () => {
    const res = await checkout(h, ids.student, request, key);
    expect(res.status).toBe(200);
    const body = checkoutResponse.parse(await res.json());
    orderId = body.orderId;
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(created).toHaveLength(1);
    const req = created[0]!;
    expect(req.idempotencyKey).toBe(`checkout-${orderId}`);
    expect(req.form).toMatchObject({
      mode: 'payment',
      client_reference_id: orderId,
      customer_email: 'student@test.local',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '5831',
      'line_items[0][price_data][product_data][name]': 'Pandas in Practice',
      'allowed_payment_method_types[0]': 'card',
      'allowed_payment_method_types[1]': 'paypal',
      success_url: `${SITE}/orders/${orderId}?confirm=1`,
      cancel_url: `${SITE}/orders/${orderId}`,
      'metadata[order_id]': orderId,
      'payment_intent_data[metadata][order_id]': orderId,
    });
    sessionId = [...fake.sessions.keys()][0]!;
    expect(body.checkoutUrl).toBe(fake.sessions.get(sessionId)!.url);

    const again = checkoutResponse.parse(await (await checkout(h, ids.student, request, key)).json());
    expect(again).toEqual(body);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions')).toHaveLength(1);
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'pending', total: 5831 });
  });

  it('fulfils the order from the signed checkout.session.completed event, once', async () => {
    const session = fake.pay(sessionId);
    const paid = await stripeEvent('checkout.session.completed', session);
    expect((await deliver(paid.payload, paid.signature)).status).toBe(200);
    expect((await deliver(paid.payload, paid.signature)).status).toBe(200);
    expect(await orderRow(h, orderId)).toMatchObject({ status: 'paid' });
    expect(await enrollmentOf(h, ids.student, ids.paid)).toMatchObject({ status: 'active', source: 'purchase' });
    const [payment] = await ownerQuery<{ gateway_payment_id: string; gateway_session_id: string }>(
      h,
      'select gateway_payment_id, gateway_session_id from public.payments where order_id = $1',
      [orderId],
    );
    expect(payment).toEqual({ gateway_payment_id: session.payment_intent, gateway_session_id: sessionId });
    // Stripe's hosted page is gone once paid: the same key now answers where the buyer goes next.
    const after = checkoutResponse.parse(await (await checkout(h, ids.student, request, key)).json());
    expect(after).toEqual({ orderId, checkoutUrl: `${SITE}/dashboard` });
    const bad = await signStripePayload(paid.payload, 'whsec_someone_else_0123456789');
    expect((await deliver(paid.payload, bad)).status).toBe(400);
  });

  it('refunds a learner within the policy through Stripe: the order is refunded, the course cancelled', async () => {
    const res = await postJson(
      h,
      `/api/orders/${orderId}/refund-request`,
      { reason: 'Not what I expected' },
      ids.student,
    );
    expect(res.status).toBe(200);
    const detail = orderDetail.parse(await res.json());
    expect(detail.status).toBe('refunded');
    expect(detail.refunds).toMatchObject([{ amount: 5831, kind: 'learner', status: 'succeeded' }]);
    expect(detail.invoices.map((i) => i.kind)).toEqual(['invoice', 'credit_note']);
    const refunds = fake.requests.filter((r) => r.path === '/v1/refunds');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.idempotencyKey).toBe(`refund-${orderId}-learner`);
    expect(refunds[0]!.form).toMatchObject({ amount: '5831' });
    expect(await enrollmentOf(h, ids.student, ids.paid)).toMatchObject({ status: 'cancelled' });
    const twice = await postJson(h, `/api/orders/${orderId}/refund-request`, { reason: 'Again' }, ids.student);
    expect(twice.status).toBe(422);
    expect((await twice.json()).error.code).toBe('refund_not_allowed');
  });

  it('answers 502 (not a 500) when Stripe refuses the request, and the local test checkout is not there', async () => {
    const refusing = createApp({
      db: h.db,
      verifier: hs256Verifier(TEST_SECRET),
      publicConfig: () => ({ mode: 'embedded', supabaseUrl: SITE, supabaseAnonKey: 'anon', devOutbox: false }),
      payments: createStripeProvider({
        secretKey: 'sk_test_wrong_key_000',
        webhookSecret: WEBHOOK_SECRET,
        apiUrl: fake.url,
      }),
      commerce: commerceConfig({}, SITE),
    });
    const res = await refusing.request('/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': newKey(), ...(await h.as(ids.other)) },
      body: JSON.stringify({ items: [{ kind: 'course', id: ids.paid }] }),
    });
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe('payment_provider_error');
    const local = await postJson(
      h,
      '/api/payments/local/sessions/cs_test_x/pay',
      { card: '4242424242424242' },
      ids.student,
    );
    expect(local.status).toBe(404);
  });
});
