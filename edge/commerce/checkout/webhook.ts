import type { Database } from '../../db/port.ts';
import { interpretEvent, type PaymentEventOutcome } from '../../payments/events.ts';
import type { PaymentProvider, StripeEvent } from '../../payments/port.ts';
import { type EventResult, recordPaymentEvent } from './queries.ts';

export interface DeliveredEvent {
  event: StripeEvent;
  outcome: PaymentEventOutcome;
  result: EventResult;
}

/**
 * One webhook delivery, as POST /api/payments/webhook receives it and as the local test checkout
 * hands its signed events over: the raw body is verified against the `Stripe-Signature` header
 * (a WebhookSignatureError when it does not hold: nothing is written), read by interpretEvent,
 * then recorded with its event id by private.record_payment_event in one transaction (the event
 * row, the order's payment and fulfilment, or the failure). A throw rolls all of it back, so the
 * provider's retry finds nothing recorded and is handled whole; a second delivery of a handled
 * event is a 'duplicate' and changes nothing.
 */
export async function deliverWebhook(
  db: Database,
  provider: PaymentProvider,
  rawBody: string,
  signature: string | null,
): Promise<DeliveredEvent> {
  const event = await provider.verifyWebhook(rawBody, signature);
  const outcome = interpretEvent(event);
  const result = await db.asService((sql) =>
    recordPaymentEvent(sql, {
      eventId: outcome.eventId,
      kind: outcome.kind,
      type: outcome.type,
      orderId: outcome.orderId,
      amount: outcome.amount,
      currency: outcome.currency,
      gatewayPaymentId: outcome.gatewayPaymentId,
      failure: outcome.failure ?? null,
    }),
  );
  return { event, outcome, result };
}
