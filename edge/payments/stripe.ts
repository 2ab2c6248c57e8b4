import Stripe from 'stripe';
import {
  type CheckoutOrder,
  type CheckoutSession,
  checkCheckoutOrder,
  checkRefundInput,
  type PaymentProvider,
  PaymentProviderError,
  type RefundInput,
  type RefundResult,
  type StripeEvent,
} from './port.ts';
import { verifyStripeWebhook } from './webhook.ts';

export interface StripeProviderOptions {
  /** `sk_test_...` / `sk_live_...` (or a restricted `rk_` key with Checkout Sessions and Refunds write). */
  secretKey: string;
  /** The endpoint's signing secret (`whsec_...`: the dashboard's, or what `stripe listen` prints). */
  webhookSecret: string;
  /** Another API origin (tests: the fake Stripe server), e.g. `http://127.0.0.1:4010`. Unset: Stripe's. */
  apiUrl?: string;
  /** Automatic retries of a failed request; every POST carries our idempotency key, so a retry never charges twice. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

export interface CheckoutStatus {
  sessionId: string;
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  amountTotal: number | null;
  currency: string | null;
  orderId: string | null;
  paymentId: string | null;
}

export interface StripePaymentProvider extends PaymentProvider {
  readonly name: 'stripe';
  /** The session as Stripe has it now (for reconciling an order whose webhook has not arrived). */
  retrieveCheckout(sessionId: string): Promise<CheckoutStatus>;
}

function apiLocation(apiUrl: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** Stripe's window for `expires_at`: 30 minutes to 24 hours after the session is created, by its clock. */
const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
/** Room for latency, retries and clock skew between us and Stripe at either edge of the window. */
const EXPIRY_MARGIN_SECONDS = 90;

/**
 * The session's `expires_at`: the order's expiry, kept inside Stripe's window (an order held for
 * exactly 30 minutes would otherwise be refused a few milliseconds later). An order expiring more
 * than 31.5 minutes ahead is sent as is, so a retry with the same idempotency key sends the same
 * parameters and Stripe replays the first session: hold orders 35 minutes or more.
 */
export function sessionExpiry(expiresAt: Date, nowMs: number): number {
  const now = Math.floor(nowMs / 1000);
  const wanted = Math.floor(expiresAt.getTime() / 1000);
  const earliest = now + MIN_EXPIRY_SECONDS + EXPIRY_MARGIN_SECONDS;
  const latest = now + MAX_EXPIRY_SECONDS - EXPIRY_MARGIN_SECONDS;
  return Math.min(Math.max(wanted, earliest), latest);
}

/** Which payment methods the session offers: card; card or PayPal; or (Stripe Checkout) whatever the account enables. */
function allowedMethods(method: CheckoutOrder['method']): Array<'card' | 'paypal'> | undefined {
  if (method === 'card') return ['card'];
  if (method === 'paypal') return ['card', 'paypal'];
  return undefined;
}

/** A gateway failure as the port's error; the SDK error's internals (request, headers) stay here. Our bugs pass through. */
function providerError(err: unknown): unknown {
  if (err instanceof Stripe.errors.StripeError) {
    const retryable =
      err instanceof Stripe.errors.StripeConnectionError ||
      err instanceof Stripe.errors.StripeRateLimitError ||
      err instanceof Stripe.errors.StripeAPIError ||
      (err.statusCode ?? 0) >= 500;
    const misconfigured =
      err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError;
    const code = retryable
      ? 'provider_unavailable'
      : misconfigured
        ? 'provider_misconfigured'
        : `stripe_${err.code ?? err.rawType ?? 'error'}`;
    return new PaymentProviderError(code, err.message, retryable);
  }
  return err;
}

const SESSION_STATUS = new Set(['open', 'complete', 'expired']);
const PAYMENT_STATUS = new Set(['paid', 'unpaid', 'no_payment_required']);

export function createStripeProvider(options: StripeProviderOptions): StripePaymentProvider {
  if (!options.secretKey) throw new Error('STRIPE_SECRET_KEY is required for the Stripe provider');
  if (!options.webhookSecret) throw new Error('STRIPE_WEBHOOK_SECRET is required for the Stripe provider');
  const stripe = new Stripe(options.secretKey, {
    ...apiLocation(options.apiUrl),
    // fetch, not node:http: the same client on Deno (Edge Functions) and Node.
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
  });

  return {
    name: 'stripe',

    async createCheckout(order: CheckoutOrder): Promise<CheckoutSession> {
      checkCheckoutOrder(order);
      const currency = order.currency.toLowerCase();
      const metadata = { order_id: order.orderId };
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: order.orderId,
            ...(order.customerEmail ? { customer_email: order.customerEmail } : {}),
            line_items: order.lines.map((line) => ({
              quantity: 1,
              price_data: { currency, unit_amount: line.amount, product_data: { name: line.title } },
            })),
            ...(allowedMethods(order.method) ? { allowed_payment_method_types: allowedMethods(order.method) } : {}),
            success_url: order.successUrl,
            cancel_url: order.cancelUrl,
            expires_at: sessionExpiry(order.expiresAt, Date.now()),
            metadata,
            // payment_intent.payment_failed carries the PaymentIntent, not the session: it finds the order by this.
            payment_intent_data: { metadata },
          },
          { idempotencyKey: `checkout-${order.orderId}` },
        );
      } catch (err) {
        throw providerError(err);
      }
      if (!session.url)
        throw new PaymentProviderError('provider_error', 'Stripe returned a session without a URL', false);
      return { sessionId: session.id, url: session.url };
    },

    async retrieveCheckout(sessionId: string): Promise<CheckoutStatus> {
      let s: Stripe.Checkout.Session;
      try {
        s = await stripe.checkout.sessions.retrieve(sessionId);
      } catch (err) {
        throw providerError(err);
      }
      const paymentId = typeof s.payment_intent === 'string' ? s.payment_intent : (s.payment_intent?.id ?? null);
      return {
        sessionId: s.id,
        url: s.url,
        status: SESSION_STATUS.has(s.status ?? '') ? (s.status as CheckoutStatus['status']) : 'open',
        paymentStatus: PAYMENT_STATUS.has(s.payment_status)
          ? (s.payment_status as CheckoutStatus['paymentStatus'])
          : 'unpaid',
        amountTotal: s.amount_total,
        currency: s.currency ? s.currency.toUpperCase() : null,
        orderId: s.client_reference_id,
        paymentId,
      };
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      checkRefundInput(input);
      let refund: Stripe.Refund;
      try {
        refund = await stripe.refunds.create(
          { payment_intent: input.paymentId, amount: input.amount },
          { idempotencyKey: input.idempotencyKey },
        );
      } catch (err) {
        throw providerError(err);
      }
      const status =
        refund.status === 'succeeded'
          ? 'succeeded'
          : refund.status === 'failed' || refund.status === 'canceled'
            ? 'failed'
            : 'pending';
      return { refundId: refund.id, status };
    },

    verifyWebhook(rawBody: string, signatureHeader: string | null): Promise<StripeEvent> {
      return verifyStripeWebhook(rawBody, signatureHeader, options.webhookSecret);
    },
  };
}
