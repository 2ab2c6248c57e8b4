/**
 * The PaymentProvider port (ARCHITECTURE.md, Payments): one interface, two adapters chosen once
 * at boot (provider.ts). Stripe (stripe.ts) when STRIPE_SECRET_KEY is set, else the local test
 * provider (local.ts). Money is integer minor units with an ISO currency; both adapters speak
 * Stripe's event shapes, so one webhook handler serves both.
 */

export type PaymentMethod = 'card' | 'paypal' | 'stripe_checkout';

export interface CheckoutLine {
  title: string;
  /** The line total in minor units, tax included. */
  amount: number;
  quantity: 1;
}

export interface CheckoutOrder {
  orderId: string;
  /** ISO 4217, upper-case as the orders table keeps it. */
  currency: string;
  lines: CheckoutLine[];
  method: PaymentMethod;
  customerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  /** When the checkout (and the order's coupon hold) ends. Stripe takes 30 minutes to 24 hours from now. */
  expiresAt: Date;
}

export interface CheckoutSession {
  sessionId: string;
  url: string;
}

export interface RefundInput {
  /** The gateway's payment id (Stripe: the PaymentIntent `pi_...`). */
  paymentId: string;
  amount: number;
  currency: string;
  /** `refund-<refunds.id>`: the same key never refunds twice. */
  idempotencyKey: string;
}

export interface RefundResult {
  refundId: string;
  status: 'pending' | 'succeeded' | 'failed';
}

/** A verified Stripe event (snapshot payload). Only what verification checked is typed. */
export interface StripeEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: boolean;
  api_version: string | null;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  pending_webhooks?: number;
  request?: { id: string | null; idempotency_key: string | null } | null;
}

export interface PaymentProvider {
  readonly name: 'local' | 'stripe';
  /** Idempotent per order: the same order gives the same session (Stripe: idempotency key `checkout-<orderId>`). */
  createCheckout(order: CheckoutOrder): Promise<CheckoutSession>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Verifies the raw body against the `Stripe-Signature` header; throws WebhookSignatureError. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): Promise<StripeEvent>;
}

export type WebhookFailure = 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed_payload';

/** The webhook route answers 400 `{error:{code:'bad_signature'}}` for any of these; nothing changes. */
export class WebhookSignatureError extends Error {
  readonly reason: WebhookFailure;
  constructor(reason: WebhookFailure, message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
    this.reason = reason;
  }
}

/**
 * The gateway refused or could not be reached. `retryable`: a later attempt with the same
 * idempotency key may succeed (network, rate limit, 5xx); otherwise the request itself was refused.
 */
export class PaymentProviderError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable: boolean) {
    super(message);
    this.name = 'PaymentProviderError';
    this.code = code;
    this.retryable = retryable;
  }
}

const CURRENCY = /^[A-Za-z]{3}$/;

/** The checks both adapters make before asking a gateway: a bug upstream must not become a charge. */
export function checkCheckoutOrder(order: CheckoutOrder): void {
  const refuse = (message: string) => {
    throw new PaymentProviderError('invalid_checkout', message, false);
  };
  if (!order.orderId) refuse('an order id is required');
  if (!CURRENCY.test(order.currency)) refuse(`invalid currency ${JSON.stringify(order.currency)}`);
  if (order.lines.length === 0) refuse('a checkout needs at least one line');
  for (const line of order.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) refuse(`invalid line amount ${line.amount}`);
    if (line.quantity !== 1) refuse('line quantity must be 1 (the amount is the line total)');
    if (!line.title.trim()) refuse('a line needs a title');
  }
  if (order.lines.reduce((sum, l) => sum + l.amount, 0) <= 0) refuse('nothing to pay: a free order needs no checkout');
  if (Number.isNaN(order.expiresAt.getTime())) refuse('invalid expiry');
}

export function checkRefundInput(input: RefundInput): void {
  const refuse = (message: string) => {
    throw new PaymentProviderError('invalid_refund', message, false);
  };
  if (!input.paymentId) refuse('a payment id is required');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) refuse(`invalid refund amount ${input.amount}`);
  if (!CURRENCY.test(input.currency)) refuse(`invalid currency ${JSON.stringify(input.currency)}`);
  if (!input.idempotencyKey) refuse('an idempotency key is required');
}
