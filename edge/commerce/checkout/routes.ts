import { type Context, Hono } from 'hono';
import { idempotencyKey, quoteRequest } from '../../contract/checkout.ts';
import {
  type CheckoutSessionView,
  checkoutBody,
  checkoutSessionId,
  type LocalPayResponse,
  localPayRequest,
} from '../../contract/checkout-session.ts';
import { asCaller, type Env, requireUser } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { jsonBody, param } from '../../http/validate.ts';
import type { LocalPaymentProvider, PaymentOutcome } from '../../payments/local.ts';
import { type PaymentProvider, PaymentProviderError, WebhookSignatureError } from '../../payments/port.ts';
import { cardOutcome } from '../../payments/test-cards.ts';
import { providerFailure } from '../provider-failure.ts';
import { adminCompanies, orderForPayment, type PaymentOrder } from './queries.ts';
import { afterPaymentPath, type CheckoutDeps, priceRequest, startCheckout } from './service.ts';
import { deliverWebhook } from './webhook.ts';

const isLocal = (p: PaymentProvider): p is LocalPaymentProvider => p.name === 'local' && 'paymentEvent' in p;

const paid = (o: PaymentOrder) => o.status === 'paid' || o.status === 'refunded' || o.status === 'partially_refunded';

/** What the test checkout says when a payment does not go through. */
const FAILURES: Record<Exclude<PaymentOutcome, 'paid'>, { code: string; message: string }> = {
  declined: { code: 'card_declined', message: 'Your card was declined.' },
  insufficient_funds: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  cancelled: { code: 'payment_cancelled', message: 'You cancelled the PayPal payment.' },
};

/**
 * The buyer's path: quotes (anyone), checkout (signed in, idempotent), the payment webhook, and
 * the local provider's hosted test checkout (its session's data and its pay call, which builds the
 * event Stripe would send, signed, and runs it through the same webhook handler).
 */
export function checkoutRoutes(deps: CheckoutDeps): Hono<Env> {
  const { db, payments } = deps;
  const app = new Hono<Env>();

  app.post('/checkout/quote', async (c) => {
    const body = await jsonBody(c, quoteRequest);
    const caller = c.get('caller');
    return c.json(await priceRequest(deps, body, caller.role === 'authenticated' ? caller.claims.sub : null));
  });

  app.post('/checkout', async (c) => {
    const buyer = requireUser(c);
    const key = idempotencyKey.safeParse(c.req.header('idempotency-key'));
    if (!key.success) {
      throw new AppError(
        400,
        'idempotency_key_required',
        'send an Idempotency-Key header of 8 to 200 printable characters, new for each checkout attempt',
      );
    }
    const body = await jsonBody(c, checkoutBody);
    try {
      return c.json(await startCheckout(deps, c.get('caller'), buyer, key.data, body));
    } catch (err) {
      if (err instanceof PaymentProviderError) return providerFailure(c, err);
      throw err;
    }
  });

  app.get('/checkout/companies', async (c) => {
    requireUser(c);
    return c.json({ items: await asCaller(db, c, adminCompanies) });
  });

  /** The buyer's own session: anyone else (or an unknown id) gets the same 404. */
  const buyersSession = async (c: Context<Env>) => {
    const buyer = requireUser(c);
    const sessionId = param(c, 'id', checkoutSessionId, notFound('checkout session'));
    const order = await db.asService((sql) => orderForPayment(sql, { sessionId }));
    if (!order || order.userId !== buyer) throw notFound('checkout session');
    return { sessionId, order };
  };

  app.get('/checkout/sessions/:id', async (c) => {
    const { sessionId, order } = await buyersSession(c);
    const view: CheckoutSessionView = {
      sessionId,
      orderId: order.id,
      kind: order.kind,
      status: order.status,
      provider: order.provider,
      method: order.method,
      currency: order.currency,
      lines: order.lines,
      subtotal: order.subtotal,
      discount: order.discount,
      tax: order.tax,
      total: order.total,
      expiresAt: order.expiresAt,
    };
    return c.json(view);
  });

  app.post('/payments/webhook', async (c) => {
    const raw = await c.req.text();
    try {
      await deliverWebhook(db, payments, raw, c.req.header('stripe-signature') ?? null);
    } catch (err) {
      if (err instanceof WebhookSignatureError) {
        return c.json({ error: { code: 'bad_signature', message: err.message } }, 400);
      }
      // Anything else rolled back whole: a 500 makes the provider deliver the event again.
      console.error('payment webhook failed', err);
      return c.json(
        { error: { code: 'webhook_failed', message: 'the event was not processed: deliver it again' } },
        500,
      );
    }
    return c.json({ received: true });
  });

  app.post('/payments/local/sessions/:id/pay', async (c) => {
    if (!isLocal(payments)) throw notFound('route');
    const { sessionId, order } = await buyersSession(c);
    const body = await jsonBody(c, localPayRequest);
    const next = afterPaymentPath(order.kind);
    if (paid(order)) return c.json({ status: 'paid', redirectUrl: next } satisfies LocalPayResponse);
    if (order.status === 'expired') {
      throw new AppError(409, 'checkout_expired', 'this checkout expired before it was paid: start a new one');
    }
    let outcome: PaymentOutcome;
    if (order.method === 'paypal') {
      if (!('approve' in body)) throw badRequest('approve or cancel the PayPal payment');
      outcome = body.approve ? 'paid' : 'cancelled';
    } else {
      if (!('card' in body)) throw badRequest('a card number is required');
      const card = cardOutcome(body.card);
      if (card === 'invalid_number') {
        throw new AppError(422, 'invalid_card_number', 'use one of the test card numbers listed on this page');
      }
      outcome = card;
    }
    const signed = await payments.paymentEvent({
      sessionId,
      orderId: order.id,
      amount: order.total,
      currency: order.currency,
      outcome,
      method: order.method,
    });
    const { result } = await deliverWebhook(db, payments, signed.payload, signed.signature);
    if (outcome === 'paid' && (result === 'fulfilled' || result === 'duplicate' || result === 'ignored')) {
      const after = await db.asService((sql) => orderForPayment(sql, { orderId: order.id }));
      if (after && paid(after)) return c.json({ status: 'paid', redirectUrl: next } satisfies LocalPayResponse);
    }
    const failure = outcome === 'paid' ? { code: 'payment_failed', message: 'The payment failed.' } : FAILURES[outcome];
    return c.json({
      status: 'failed',
      ...failure,
      redirectUrl: `/checkout/test/${sessionId}`,
    } satisfies LocalPayResponse);
  });

  return app;
}
