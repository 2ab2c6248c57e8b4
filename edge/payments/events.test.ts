import { describe, expect, it } from 'vitest';
import { interpretEvent, type PaymentEventOutcome } from './events.ts';
import type { StripeEvent } from './port.ts';

const ORDER = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

const event = (type: string, object: Record<string, unknown>): StripeEvent => ({
  id: 'evt_123',
  object: 'event',
  type,
  created: 1795450000,
  livemode: false,
  api_version: '2026-10-28.endive',
  data: { object },
});

const session = (overrides: Record<string, unknown> = {}) => ({
  id: 'cs_test_1',
  object: 'checkout.session',
  amount_total: 11781,
  currency: 'eur',
  client_reference_id: ORDER,
  metadata: { order_id: ORDER },
  payment_intent: 'pi_1',
  payment_status: 'paid',
  status: 'complete',
  ...overrides,
});

const paymentIntent = (overrides: Record<string, unknown> = {}) => ({
  id: 'pi_1',
  object: 'payment_intent',
  amount: 11781,
  currency: 'eur',
  metadata: { order_id: ORDER },
  last_payment_error: {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  },
  status: 'requires_payment_method',
  ...overrides,
});

const paid: Partial<PaymentEventOutcome> = {
  kind: 'paid',
  eventId: 'evt_123',
  orderId: ORDER,
  amount: 11781,
  currency: 'EUR',
  gatewayPaymentId: 'pi_1',
  sessionId: 'cs_test_1',
};

describe('interpretEvent: the mapping table', () => {
  it.each([
    ['checkout.session.completed, paid', event('checkout.session.completed', session()), paid],
    [
      'checkout.session.completed with an expanded PaymentIntent',
      event('checkout.session.completed', session({ payment_intent: { id: 'pi_1', object: 'payment_intent' } })),
      paid,
    ],
    [
      'checkout.session.async_payment_succeeded',
      event('checkout.session.async_payment_succeeded', session()),
      { ...paid, type: 'checkout.session.async_payment_succeeded' },
    ],
    [
      'checkout.session.completed, unpaid (a delayed method: its async event follows)',
      event('checkout.session.completed', session({ payment_status: 'unpaid', payment_intent: null })),
      { kind: 'ignored', orderId: ORDER, reason: 'payment status unpaid' },
    ],
    [
      'checkout.session.completed, no payment required',
      event('checkout.session.completed', session({ payment_status: 'no_payment_required', amount_total: 0 })),
      { kind: 'ignored', orderId: ORDER },
    ],
    [
      'checkout.session.async_payment_failed',
      event('checkout.session.async_payment_failed', session({ payment_status: 'unpaid' })),
      { kind: 'failed', orderId: ORDER, failure: { code: 'payment_failed', message: 'The payment failed.' } },
    ],
    [
      'checkout.session.expired',
      event('checkout.session.expired', session({ status: 'expired', payment_status: 'unpaid', payment_intent: null })),
      {
        kind: 'failed',
        orderId: ORDER,
        gatewayPaymentId: null,
        failure: expect.objectContaining({ code: 'checkout_expired' }),
      },
    ],
    [
      'payment_intent.payment_failed, generic decline',
      event('payment_intent.payment_failed', paymentIntent()),
      {
        kind: 'failed',
        orderId: ORDER,
        amount: 11781,
        currency: 'EUR',
        gatewayPaymentId: 'pi_1',
        sessionId: null,
        failure: { code: 'card_declined', message: 'Your card was declined.' },
      },
    ],
    [
      'payment_intent.payment_failed, insufficient funds',
      event(
        'payment_intent.payment_failed',
        paymentIntent({
          last_payment_error: {
            code: 'card_declined',
            decline_code: 'insufficient_funds',
            message: 'Your card has insufficient funds.',
          },
        }),
      ),
      { kind: 'failed', failure: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' } },
    ],
    [
      'payment_intent.payment_failed without an error',
      event('payment_intent.payment_failed', paymentIntent({ last_payment_error: null })),
      { kind: 'failed', failure: { code: 'payment_failed', message: 'The payment failed.' } },
    ],
    [
      'payment_intent.payment_failed of a payment not ours (no order id)',
      event('payment_intent.payment_failed', paymentIntent({ metadata: {} })),
      { kind: 'ignored', orderId: null, reason: 'no order id' },
    ],
    [
      'payment_intent.succeeded (fulfilment goes by the session)',
      event('payment_intent.succeeded', paymentIntent({ status: 'succeeded' })),
      { kind: 'ignored', reason: 'not a payment event' },
    ],
    ['charge.refunded', event('charge.refunded', { id: 'ch_1', object: 'charge' }), { kind: 'ignored' }],
    ['customer.created', event('customer.created', { id: 'cus_1', object: 'customer' }), { kind: 'ignored' }],
  ] as const)('%s', (_name, e, expected) => {
    expect(interpretEvent(e)).toMatchObject({ eventId: 'evt_123', type: e.type, ...expected });
  });
});

describe('interpretEvent: trusts nothing but well-formed fields of the payload', () => {
  it.each([
    ['no client_reference_id', { client_reference_id: null, metadata: {} }, 'no order id'],
    [
      'a client_reference_id that is not an order id',
      { client_reference_id: "1' or '1'='1", metadata: {} },
      'no order id',
    ],
    [
      'metadata naming another order',
      { metadata: { order_id: '00000000-0000-4000-8000-000000000001' } },
      'order ids disagree',
    ],
    ['a fractional amount', { amount_total: 117.81 }, 'no amount or currency'],
    ['a negative amount', { amount_total: -1 }, 'no amount or currency'],
    ['an amount as a string', { amount_total: '11781' }, 'no amount or currency'],
    ['no currency', { currency: null }, 'no amount or currency'],
    ['a malformed currency', { currency: 'euro' }, 'no amount or currency'],
  ])('ignores a paid session with %s', (_name, overrides, reason) => {
    expect(interpretEvent(event('checkout.session.completed', session(overrides)))).toMatchObject({
      kind: 'ignored',
      reason,
    });
  });

  it('ignores a session event whose object is not a session', () => {
    expect(interpretEvent(event('checkout.session.completed', paymentIntent()))).toMatchObject({ kind: 'ignored' });
    expect(interpretEvent(event('payment_intent.payment_failed', session()))).toMatchObject({ kind: 'ignored' });
  });

  it('normalizes the order id and currency as the database keeps them', () => {
    const upper = ORDER.toUpperCase();
    expect(
      interpretEvent(
        event('checkout.session.completed', session({ client_reference_id: upper, metadata: { order_id: upper } })),
      ),
    ).toMatchObject({ kind: 'paid', orderId: ORDER, currency: 'EUR' });
  });

  it('caps a long failure message', () => {
    const long = 'x'.repeat(5000);
    const outcome = interpretEvent(
      event(
        'payment_intent.payment_failed',
        paymentIntent({ last_payment_error: { code: 'card_declined', message: long } }),
      ),
    );
    expect(outcome.failure?.message).toHaveLength(500);
  });
});
