import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { interpretEvent } from './events.ts';
import { createLocalProvider, type PaymentEventInput } from './local.ts';
import type { CheckoutOrder } from './port.ts';

/** The local provider: the hosted test checkout's sessions, its Stripe-shaped signed events, refunds. */

const SECRET = 'whsec_local_0123456789abcdefghijklmnopqrstuvwx';
const ORDER = '00000000-0000-4000-8000-0000000000b1';
const local = createLocalProvider({ siteUrl: 'http://localhost:8787/', webhookSecret: SECRET });

const order = (orderId = ORDER): CheckoutOrder => ({
  orderId,
  currency: 'USD',
  lines: [{ title: 'Pandas in Practice', amount: 4900, quantity: 1 }],
  method: 'card',
  customerEmail: null,
  successUrl: 'http://localhost:8787/dashboard',
  cancelUrl: 'http://localhost:8787/checkout',
  expiresAt: new Date(Date.now() + 30 * 60_000),
});

const input = (outcome: PaymentEventInput['outcome'], method: PaymentEventInput['method'] = 'card') => ({
  sessionId: 'cs_test_local_abc',
  orderId: ORDER,
  amount: 4900,
  currency: 'USD',
  outcome,
  method,
});

describe('local provider: checkout', () => {
  it('sends the buyer to the hosted test checkout page of the web app', async () => {
    const session = await local.createCheckout(order());
    expect(session.sessionId).toMatch(/^cs_test_local_[A-Za-z0-9]{24}$/);
    expect(session.url).toBe(`http://localhost:8787/checkout/test/${session.sessionId}`);
  });

  it('gives the same session for the same order, another for another order or another secret', async () => {
    const a = await local.createCheckout(order());
    expect(await local.createCheckout(order())).toEqual(a);
    expect((await local.createCheckout(order('00000000-0000-4000-8000-0000000000b2'))).sessionId).not.toBe(a.sessionId);
    const other = createLocalProvider({ siteUrl: 'http://localhost:8787', webhookSecret: `${SECRET}x` });
    expect((await other.createCheckout(order())).sessionId).not.toBe(a.sessionId);
  });

  it('refuses what it must not charge, as the Stripe adapter does', async () => {
    await expect(
      local.createCheckout({ ...order(), lines: [{ title: 'Free', amount: 0, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'invalid_checkout' });
  });
});

describe('local provider: events', () => {
  it('a paid card builds checkout.session.completed as Stripe sends it, signed, and it reads as paid', async () => {
    const { event, payload, signature } = await local.paymentEvent(input('paid'));
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(payload).toBe(JSON.stringify(event, null, 2));
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_test_local_/),
      object: 'event',
      type: 'checkout.session.completed',
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: {
        object: {
          id: 'cs_test_local_abc',
          object: 'checkout.session',
          amount_total: 4900,
          currency: 'usd',
          client_reference_id: ORDER,
          payment_status: 'paid',
          status: 'complete',
          mode: 'payment',
          metadata: { order_id: ORDER },
          payment_intent: expect.stringMatching(/^pi_test_local_/),
        },
      },
    });
    const verified = await local.verifyWebhook(payload, signature);
    expect(interpretEvent(verified)).toMatchObject({
      kind: 'paid',
      orderId: ORDER,
      amount: 4900,
      currency: 'USD',
      gatewayPaymentId: event.data.object.payment_intent,
      sessionId: 'cs_test_local_abc',
    });
  });

  it('every delivery is a new event; the PaymentIntent belongs to the session, as in Stripe', async () => {
    const a = await local.paymentEvent(input('declined'));
    const b = await local.paymentEvent(input('paid'));
    expect(a.event.id).not.toBe(b.event.id);
    expect(a.event.data.object.id).toBe(b.event.data.object.payment_intent);
  });

  it.each([
    ['declined', 'generic_decline', 'card_declined', 'Your card was declined.'],
    ['insufficient_funds', 'insufficient_funds', 'insufficient_funds', 'Your card has insufficient funds.'],
  ] as const)(
    'a %s card builds payment_intent.payment_failed (%s) and reads as failed: %s',
    async (outcome, declineCode, code, message) => {
      const { event, payload, signature } = await local.paymentEvent(input(outcome));
      expect(event.type).toBe('payment_intent.payment_failed');
      expect(event.data.object).toMatchObject({
        object: 'payment_intent',
        amount: 4900,
        currency: 'usd',
        status: 'requires_payment_method',
        metadata: { order_id: ORDER },
        last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: declineCode, message },
      });
      expect(interpretEvent(await local.verifyWebhook(payload, signature))).toMatchObject({
        kind: 'failed',
        orderId: ORDER,
        failure: { code, message },
      });
    },
  );

  it('a cancelled PayPal approval expires the session: checkout.session.expired, read as failed', async () => {
    const { event, payload, signature } = await local.paymentEvent(input('cancelled', 'paypal'));
    expect(event.type).toBe('checkout.session.expired');
    expect(event.data.object).toMatchObject({
      status: 'expired',
      payment_status: 'unpaid',
      payment_intent: null,
      payment_method_types: ['card', 'paypal'],
    });
    expect(interpretEvent(await local.verifyWebhook(payload, signature))).toMatchObject({
      kind: 'failed',
      orderId: ORDER,
      failure: { code: 'checkout_expired' },
    });
  });
});

describe('local provider: refunds', () => {
  it('succeed at once, one refund per idempotency key', async () => {
    const r = await local.refund({
      paymentId: 'pi_test_local_x',
      amount: 100,
      currency: 'USD',
      idempotencyKey: 'refund-1',
    });
    expect(r).toEqual({ refundId: expect.stringMatching(/^re_test_local_[A-Za-z0-9]{24}$/), status: 'succeeded' });
    expect(
      await local.refund({ paymentId: 'pi_test_local_x', amount: 100, currency: 'USD', idempotencyKey: 'refund-1' }),
    ).toEqual(r);
    const other = await local.refund({
      paymentId: 'pi_test_local_x',
      amount: 100,
      currency: 'USD',
      idempotencyKey: 'refund-2',
    });
    expect(other.refundId).not.toBe(r.refundId);
  });

  it('refuse a non-positive or fractional amount', async () => {
    for (const amount of [0, -1, 1.5]) {
      await expect(
        local.refund({ paymentId: 'pi_test_local_x', amount, currency: 'USD', idempotencyKey: 'refund-3' }),
      ).rejects.toMatchObject({ code: 'invalid_refund' });
    }
  });
});
