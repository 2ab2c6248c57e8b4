import type { StripeEvent } from './port.ts';

/**
 * What a verified Stripe event means for an order, read from the signed payload and nothing else
 * (the order, amount and currency are then checked against the database by
 * private.record_payment_event). Pure.
 *
 * - paid: `checkout.session.completed` with payment_status 'paid', `checkout.session.async_payment_succeeded`
 * - failed: `checkout.session.async_payment_failed`, `checkout.session.expired`,
 *   `payment_intent.payment_failed` (the order from the PaymentIntent's metadata.order_id)
 * - ignored: everything else, including a completed session still 'unpaid' (a delayed method:
 *   its async_payment_* event follows) and any event whose order id or amount is malformed.
 */

export interface PaymentEventOutcome {
  kind: 'paid' | 'failed' | 'ignored';
  eventId: string;
  type: string;
  orderId: string | null;
  /** Minor units. */
  amount: number | null;
  /** Upper-case ISO 4217, as the orders table keeps it. */
  currency: string | null;
  /** Stripe's PaymentIntent id (what refunds take). */
  gatewayPaymentId: string | null;
  sessionId: string | null;
  failure?: { code: string; message: string };
  /** Why an event is ignored, for the log. */
  reason?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const obj = (v: unknown): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const amountOf = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
const currencyOf = (v: unknown): string | null => {
  const s = str(v);
  return s && /^[a-z]{3}$/i.test(s) ? s.toUpperCase() : null;
};
/** An id or an expanded object's id. */
const idOf = (v: unknown): string | null => str(v) ?? str(obj(v)?.id);
const orderIdOf = (v: unknown): string | null => {
  const s = str(v);
  return s && UUID.test(s) ? s.toLowerCase() : null;
};

function fromSession(event: StripeEvent): Omit<PaymentEventOutcome, 'kind'> & { reason?: string } {
  const session = event.data.object;
  const base = {
    eventId: event.id,
    type: event.type,
    orderId: orderIdOf(session.client_reference_id),
    amount: amountOf(session.amount_total),
    currency: currencyOf(session.currency),
    gatewayPaymentId: idOf(session.payment_intent),
    sessionId: str(session.id),
  };
  const fromMetadata = str(obj(session.metadata)?.order_id);
  if (fromMetadata && fromMetadata.toLowerCase() !== base.orderId) return { ...base, reason: 'order ids disagree' };
  if (!base.orderId) return { ...base, reason: 'no order id' };
  return base;
}

export function interpretEvent(event: StripeEvent): PaymentEventOutcome {
  const ignored = (reason: string, orderId: string | null = null): PaymentEventOutcome => ({
    kind: 'ignored',
    eventId: event.id,
    type: event.type,
    orderId,
    amount: null,
    currency: null,
    gatewayPaymentId: null,
    sessionId: null,
    reason,
  });
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      if (object.object !== 'checkout.session') return ignored('not a checkout session');
      const { reason, ...s } = fromSession(event);
      if (reason) return ignored(reason, s.orderId);
      if (object.payment_status !== 'paid')
        return ignored(`payment status ${String(object.payment_status)}`, s.orderId);
      if (s.amount === null || s.currency === null) return ignored('no amount or currency', s.orderId);
      return { kind: 'paid', ...s };
    }
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      if (object.object !== 'checkout.session') return ignored('not a checkout session');
      const { reason, ...s } = fromSession(event);
      if (reason) return ignored(reason, s.orderId);
      const failure =
        event.type === 'checkout.session.expired'
          ? { code: 'checkout_expired', message: 'The checkout ended before the payment was made.' }
          : { code: 'payment_failed', message: 'The payment failed.' };
      return { kind: 'failed', ...s, failure };
    }
    case 'payment_intent.payment_failed': {
      if (object.object !== 'payment_intent') return ignored('not a payment intent');
      const orderId = orderIdOf(obj(object.metadata)?.order_id);
      if (!orderId) return ignored('no order id');
      const error = obj(object.last_payment_error);
      const code = str(error?.code);
      const declineCode = str(error?.decline_code);
      // decline_code refines card_declined (insufficient_funds, lost_card, ...); generic_decline adds nothing.
      const failureCode = (declineCode && declineCode !== 'generic_decline' ? declineCode : code) ?? 'payment_failed';
      return {
        kind: 'failed',
        eventId: event.id,
        type: event.type,
        orderId,
        amount: amountOf(object.amount),
        currency: currencyOf(object.currency),
        gatewayPaymentId: str(object.id),
        sessionId: null,
        failure: {
          code: failureCode.slice(0, 64),
          message: (str(error?.message) ?? 'The payment failed.').slice(0, 500),
        },
      };
    }
    default:
      return ignored('not a payment event');
  }
}
