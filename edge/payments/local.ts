import Stripe from 'stripe';
import {
  type CheckoutOrder,
  type CheckoutSession,
  checkCheckoutOrder,
  checkRefundInput,
  type PaymentMethod,
  type PaymentProvider,
  type RefundInput,
  type RefundResult,
  type StripeEvent,
} from './port.ts';
import { signStripePayload, verifyStripeWebhook } from './webhook.ts';

/**
 * The local provider: the default without STRIPE_SECRET_KEY. Its "gateway" is the web app's hosted
 * test checkout (`/checkout/test/<sessionId>`), which takes Stripe's test card numbers; the server
 * turns the outcome into the event Stripe would send, signed with the webhook secret, and hands it
 * to the same webhook handler. Nothing here keeps state: ids derive from the secret (HMAC), so the
 * same order gives the same session and the same refund key the same refund, as Stripe's
 * idempotency keys do, and nobody without the secret can guess a session id.
 */

export type PaymentOutcome = 'paid' | 'declined' | 'insufficient_funds' | 'cancelled';

export interface PaymentEventInput {
  sessionId: string;
  orderId: string;
  /** The order total in minor units. */
  amount: number;
  currency: string;
  outcome: PaymentOutcome;
  method: PaymentMethod;
}

export interface SignedEvent {
  event: StripeEvent;
  /** The exact body to deliver (Stripe sends pretty-printed JSON). */
  payload: string;
  /** The `Stripe-Signature` header for it. */
  signature: string;
}

export interface LocalPaymentProvider extends PaymentProvider {
  readonly name: 'local';
  /** The Stripe-shaped, signed event for an outcome on the test checkout page. */
  paymentEvent(input: PaymentEventInput): Promise<SignedEvent>;
}

export interface LocalProviderOptions {
  /** The public origin (SITE_URL): the test checkout is a page of the web app. */
  siteUrl: string;
  webhookSecret: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnum = (bytes: Uint8Array, length: number) =>
  Array.from(bytes.subarray(0, length), (b) => ALNUM[b % ALNUM.length]).join('');

export const randomId = (prefix: string) => `${prefix}${alnum(crypto.getRandomValues(new Uint8Array(24)), 24)}`;

/** Documented decline details (Stripe's test cards): `code` is card_declined, `decline_code` says why. */
const DECLINES = {
  declined: { decline_code: 'generic_decline', message: 'Your card was declined.' },
  insufficient_funds: { decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
} as const;

export function createLocalProvider(options: LocalProviderOptions): LocalPaymentProvider {
  if (!options.webhookSecret) throw new Error('a webhook secret is required for the local provider');
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  let key: Promise<CryptoKey> | null = null;
  /** A stable, unguessable id for `what`: HMAC-SHA256 under the webhook secret. */
  const derivedId = async (prefix: string, what: string) => {
    key ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(options.webhookSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(what));
    return `${prefix}${alnum(new Uint8Array(mac), 24)}`;
  };
  const paymentIntentId = (sessionId: string) => derivedId('pi_test_local_', `payment_intent:${sessionId}`);

  return {
    name: 'local',

    async createCheckout(order: CheckoutOrder): Promise<CheckoutSession> {
      checkCheckoutOrder(order);
      const sessionId = await derivedId('cs_test_local_', `checkout:${order.orderId}`);
      return { sessionId, url: `${siteUrl}/checkout/test/${sessionId}` };
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      checkRefundInput(input);
      return { refundId: await derivedId('re_test_local_', `refund:${input.idempotencyKey}`), status: 'succeeded' };
    },

    verifyWebhook(rawBody: string, signatureHeader: string | null): Promise<StripeEvent> {
      return verifyStripeWebhook(rawBody, signatureHeader, options.webhookSecret);
    },

    async paymentEvent(input: PaymentEventInput): Promise<SignedEvent> {
      if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw new Error(`invalid amount ${input.amount}`);
      if (!/^[A-Za-z]{3}$/.test(input.currency)) throw new Error(`invalid currency ${input.currency}`);
      const created = Math.floor(Date.now() / 1000);
      const currency = input.currency.toLowerCase();
      const metadata = { order_id: input.orderId };
      const methods = input.method === 'paypal' ? ['card', 'paypal'] : ['card'];
      const piId = await paymentIntentId(input.sessionId);
      const session = (status: 'complete' | 'expired', paid: boolean) => ({
        id: input.sessionId,
        object: 'checkout.session',
        amount_subtotal: input.amount,
        amount_total: input.amount,
        client_reference_id: input.orderId,
        created,
        currency,
        livemode: false,
        metadata,
        mode: 'payment',
        payment_intent: paid ? piId : null,
        payment_method_types: methods,
        payment_status: paid ? 'paid' : 'unpaid',
        status,
        url: null,
      });
      let type: string;
      let object: Record<string, unknown>;
      if (input.outcome === 'paid') {
        type = 'checkout.session.completed';
        object = session('complete', true);
      } else if (input.outcome === 'cancelled') {
        // Leaving Stripe's checkout sends nothing; expiring the session (as the cancel does here) sends this.
        type = 'checkout.session.expired';
        object = session('expired', false);
      } else {
        type = 'payment_intent.payment_failed';
        const decline = DECLINES[input.outcome];
        object = {
          id: piId,
          object: 'payment_intent',
          amount: input.amount,
          amount_received: 0,
          created,
          currency,
          last_payment_error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: decline.decline_code,
            message: decline.message,
            doc_url: 'https://docs.stripe.com/error-codes/card-declined',
          },
          livemode: false,
          metadata,
          payment_method_types: methods,
          status: 'requires_payment_method',
        };
      }
      const event: StripeEvent = {
        id: randomId('evt_test_local_'),
        object: 'event',
        api_version: Stripe.API_VERSION,
        created,
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      };
      const payload = JSON.stringify(event, null, 2);
      return { event, payload, signature: await signStripePayload(payload, options.webhookSecret) };
    },
  };
}
