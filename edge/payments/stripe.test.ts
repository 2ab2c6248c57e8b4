import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from '../../tests/support/fake-stripe.ts';
import { interpretEvent } from './events.ts';
import { type CheckoutOrder, PaymentProviderError } from './port.ts';
import { createStripeProvider, type StripePaymentProvider, sessionExpiry } from './stripe.ts';
import { signStripePayload } from './webhook.ts';

/** The Stripe adapter with the real SDK against the fake Stripe server (tests/support/fake-stripe.ts). */

const WEBHOOK_SECRET = 'whsec_test_0123456789abcdefghijklmnopqrstuv';
let fake: FakeStripe;
let stripe: StripePaymentProvider;
let n = 0;

const order = (overrides: Partial<CheckoutOrder> = {}): CheckoutOrder => ({
  orderId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  currency: 'EUR',
  lines: [
    { title: 'Pandas in Practice', amount: 5831, quantity: 1 },
    { title: 'Data Bundle', amount: 11781, quantity: 1 },
  ],
  method: 'card',
  customerEmail: 'student@test.local',
  successUrl: 'http://localhost:8787/checkout/success?order=1',
  cancelUrl: 'http://localhost:8787/checkout/cancel?order=1',
  expiresAt: new Date(Date.now() + 35 * 60_000),
  ...overrides,
});

const requestsFor = (orderId: string) =>
  fake.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.form.client_reference_id === orderId);

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeProvider({ secretKey: fake.apiKey, webhookSecret: WEBHOOK_SECRET, apiUrl: fake.url });
});
afterAll(() => fake.close());

describe('Stripe adapter: Checkout Sessions', () => {
  it('creates a payment-mode session with the order in minor units, keyed checkout-<orderId>', async () => {
    const o = order();
    const session = await stripe.createCheckout(o);
    expect(session.sessionId).toMatch(/^cs_test_/);
    expect(session.url).toContain(session.sessionId);
    const [req] = requestsFor(o.orderId);
    expect(req?.idempotencyKey).toBe(`checkout-${o.orderId}`);
    expect(req?.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(req?.stripeVersion).toBe(Stripe.API_VERSION);
    expect(req?.form).toEqual({
      mode: 'payment',
      client_reference_id: o.orderId,
      customer_email: 'student@test.local',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '5831',
      'line_items[0][price_data][product_data][name]': 'Pandas in Practice',
      'line_items[1][quantity]': '1',
      'line_items[1][price_data][currency]': 'eur',
      'line_items[1][price_data][unit_amount]': '11781',
      'line_items[1][price_data][product_data][name]': 'Data Bundle',
      'allowed_payment_method_types[0]': 'card',
      success_url: o.successUrl,
      cancel_url: o.cancelUrl,
      expires_at: String(Math.floor(o.expiresAt.getTime() / 1000)),
      'metadata[order_id]': o.orderId,
      'payment_intent_data[metadata][order_id]': o.orderId,
    });
    const stored = fake.sessions.get(session.sessionId);
    expect(stored?.amount_total).toBe(5831 + 11781);
    expect(stored?.currency).toBe('eur');
  });

  it('offers card and PayPal for PayPal, and leaves Stripe Checkout to the account settings', async () => {
    const paypal = order({ method: 'paypal' });
    await stripe.createCheckout(paypal);
    expect(requestsFor(paypal.orderId)[0]?.params.allowed_payment_method_types).toEqual(['card', 'paypal']);
    const hosted = order({ method: 'stripe_checkout', customerEmail: null });
    await stripe.createCheckout(hosted);
    const params = requestsFor(hosted.orderId)[0]?.params ?? {};
    expect(params.allowed_payment_method_types).toBeUndefined();
    expect(params.customer_email).toBeUndefined();
  });

  it('gives the same session for the same order: Stripe replays the idempotent request', async () => {
    const o = order();
    const first = await stripe.createCheckout(o);
    const second = await stripe.createCheckout(o);
    expect(second).toEqual(first);
    const reqs = requestsFor(o.orderId);
    expect(reqs.map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      [`checkout-${o.orderId}`, false],
      [`checkout-${o.orderId}`, true],
    ]);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === o.orderId)).toHaveLength(1);
  });

  it('retries a request whose answer was lost with the same key, and still creates one session', async () => {
    const o = order();
    fake.dropNextResponse();
    const session = await stripe.createCheckout(o);
    const reqs = requestsFor(o.orderId);
    expect(reqs).toHaveLength(2);
    expect(reqs[1]?.idempotencyKey).toBe(reqs[0]?.idempotencyKey);
    expect(reqs[1]?.replayed).toBe(true);
    expect([...fake.sessions.values()].filter((s) => s.client_reference_id === o.orderId)).toEqual([
      expect.objectContaining({ id: session.sessionId }),
    ]);
  });

  it("keeps expires_at inside Stripe's 30 minutes to 24 hours, so a 30-minute order is not refused", async () => {
    const o = order({ expiresAt: new Date(Date.now() + 30 * 60_000) });
    await expect(stripe.createCheckout(o)).resolves.toMatchObject({ sessionId: expect.stringMatching(/^cs_test_/) });
    const t = Date.parse('2026-11-23T12:00:00Z');
    const s = t / 1000;
    expect(sessionExpiry(new Date(t + 35 * 60_000), t)).toBe(s + 35 * 60);
    expect(sessionExpiry(new Date(t + 30 * 60_000), t)).toBe(s + 30 * 60 + 90);
    expect(sessionExpiry(new Date(t - 60_000), t)).toBe(s + 30 * 60 + 90);
    expect(sessionExpiry(new Date(t + 48 * 3600_000), t)).toBe(s + 24 * 3600 - 90);
  });

  it('refuses an order it must not charge before asking Stripe', async () => {
    const before = fake.requests.length;
    const free = order({ lines: [{ title: 'Free', amount: 0, quantity: 1 }] });
    await expect(stripe.createCheckout(free)).rejects.toMatchObject({ code: 'invalid_checkout', retryable: false });
    const fractional = order({ lines: [{ title: 'Odd', amount: 10.5, quantity: 1 }] });
    await expect(stripe.createCheckout(fractional)).rejects.toBeInstanceOf(PaymentProviderError);
    await expect(stripe.createCheckout(order({ currency: 'EURO' }))).rejects.toBeInstanceOf(PaymentProviderError);
    expect(fake.requests.length).toBe(before);
  });

  it('reads a session back: open, then complete and paid with its PaymentIntent', async () => {
    const o = order();
    const { sessionId } = await stripe.createCheckout(o);
    expect(await stripe.retrieveCheckout(sessionId)).toMatchObject({
      status: 'open',
      paymentStatus: 'unpaid',
      orderId: o.orderId,
      amountTotal: 17612,
      currency: 'EUR',
      paymentId: null,
    });
    const paid = fake.pay(sessionId);
    expect(await stripe.retrieveCheckout(sessionId)).toMatchObject({
      status: 'complete',
      paymentStatus: 'paid',
      paymentId: paid.payment_intent,
    });
    await expect(stripe.retrieveCheckout('cs_test_missing')).rejects.toMatchObject({
      code: 'stripe_resource_missing',
      retryable: false,
    });
  });

  it('maps gateway failures: a wrong key is a misconfiguration, an unreachable API is retryable', async () => {
    const wrongKey = createStripeProvider({
      secretKey: 'sk_test_wrong',
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: fake.url,
    });
    await expect(wrongKey.createCheckout(order())).rejects.toMatchObject({
      code: 'provider_misconfigured',
      retryable: false,
    });
    const down = createStripeProvider({
      secretKey: fake.apiKey,
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: 'http://127.0.0.1:9',
      maxNetworkRetries: 0,
    });
    await expect(down.createCheckout(order())).rejects.toMatchObject({ code: 'provider_unavailable', retryable: true });
  });
});

describe('Stripe adapter: refunds', () => {
  it('refunds part of a payment with the caller key refund-<refundId>, once per key', async () => {
    const { sessionId } = await stripe.createCheckout(order());
    const pi = String(fake.pay(sessionId).payment_intent);
    const input = { paymentId: pi, amount: 5000, currency: 'EUR', idempotencyKey: 'refund-r1' };
    const first = await stripe.refund(input);
    expect(first).toEqual({ refundId: expect.stringMatching(/^re_/), status: 'succeeded' });
    const req = fake.requests.filter((r) => r.path === '/v1/refunds').at(-1);
    expect(req?.form).toEqual({ payment_intent: pi, amount: '5000' });
    expect(req?.idempotencyKey).toBe('refund-r1');
    expect(await stripe.refund(input)).toEqual(first);
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === pi)).toHaveLength(1);
  });

  it('passes on what Stripe refuses: more than is left, an unknown payment', async () => {
    const { sessionId } = await stripe.createCheckout(order());
    const pi = String(fake.pay(sessionId).payment_intent);
    await expect(
      stripe.refund({ paymentId: pi, amount: 17613, currency: 'EUR', idempotencyKey: 'refund-r2' }),
    ).rejects.toMatchObject({ code: 'stripe_amount_too_large', retryable: false });
    await expect(
      stripe.refund({ paymentId: 'pi_missing', amount: 1, currency: 'EUR', idempotencyKey: 'refund-r3' }),
    ).rejects.toMatchObject({ code: 'stripe_resource_missing' });
    await expect(
      stripe.refund({ paymentId: pi, amount: 0, currency: 'EUR', idempotencyKey: 'refund-r4' }),
    ).rejects.toMatchObject({ code: 'invalid_refund' });
  });
});

describe('Stripe adapter: webhooks', () => {
  it('verifies a completed session signed with the endpoint secret, and it reads as paid', async () => {
    const o = order();
    const { sessionId } = await stripe.createCheckout(o);
    const session = fake.pay(sessionId);
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type: 'checkout.session.completed',
      data: { object: session },
    });
    const event = await stripe.verifyWebhook(payload, await signStripePayload(payload, WEBHOOK_SECRET));
    expect(interpretEvent(event)).toMatchObject({
      kind: 'paid',
      orderId: o.orderId,
      amount: 17612,
      currency: 'EUR',
      gatewayPaymentId: session.payment_intent,
      sessionId,
    });
  });
});
