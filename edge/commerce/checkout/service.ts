import type { CheckoutResponse, OrderKind, PaymentMethod, Quote, QuoteRequest } from '../../contract/checkout.ts';
import type { Caller, Database } from '../../db/port.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { PaymentProvider } from '../../payments/port.ts';
import type { StripePaymentProvider } from '../../payments/stripe.ts';
import { priceQuote } from '../../pricing/engine.ts';
import { PricingError } from '../../pricing/errors.ts';
import type { CommerceConfig } from './config.ts';
import {
  commerceCatalog,
  createOrder,
  expireOrders,
  orderForPayment,
  orderIdByKey,
  type PaymentOrder,
  recordPaymentEvent,
  setCheckoutSession,
} from './queries.ts';

export interface CheckoutDeps {
  db: Database;
  payments: PaymentProvider;
  config: CommerceConfig;
  now: () => Date;
}

/** Where the web app takes a buyer whose order is paid: learners to their courses, companies to their seats. */
export const afterPaymentPath = (kind: OrderKind) => (kind === 'corporate' ? '/company' : '/dashboard');

/** Local: 30 minutes, the coupon hold of the design. Stripe: 35, so a retried session keeps its expiry (docs/payments.md). */
const holdMinutes = (provider: PaymentProvider) => (provider.name === 'stripe' ? 35 : 30);

/**
 * Prices a request from the database: the catalog snapshot (private.commerce_catalog, with the
 * buyer's coupon uses when signed in) through the pricing engine. Whatever amounts a client sent
 * are not part of the request. A refusal is a 422 with the engine's code.
 */
export async function priceRequest(deps: CheckoutDeps, body: QuoteRequest, buyer: string | null): Promise<Quote> {
  const catalog = await deps.db.asService((sql) =>
    commerceCatalog(sql, {
      courseIds: body.items.filter((i) => i.kind === 'course').map((i) => i.id),
      bundleIds: body.items.filter((i) => i.kind === 'bundle').map((i) => i.id),
      coupon: body.coupon ?? null,
      buyer,
      country: body.country ?? null,
      region: body.region ?? null,
    }),
  );
  try {
    return priceQuote(catalog, { items: body.items, seats: body.seats, couponCode: body.coupon }, deps.now());
  } catch (err) {
    if (err instanceof PricingError) throw new AppError(422, err.code, err.message, err.details);
    throw err;
  }
}

/** create_order's refusals (SQLSTATE P0001, the code as message) as the API's errors. */
function orderRefusal(err: unknown): AppError | null {
  const e = err as { code?: unknown; message?: unknown };
  if (e?.code !== 'P0001' || typeof e.message !== 'string') return null;
  switch (e.message) {
    case 'coupon_invalid':
      return new AppError(422, 'coupon_invalid', 'this coupon cannot be used for this order');
    case 'coupon_expired':
      return new AppError(422, 'coupon_expired', 'this coupon has expired');
    case 'coupon_exhausted':
      return new AppError(422, 'coupon_exhausted', 'this coupon has been used up');
    case 'company_required':
      return new AppError(422, 'company_required', 'a team purchase needs your company name');
    case 'company_forbidden':
      return new AppError(403, 'company_forbidden', 'you do not administer that company');
    default:
      return null;
  }
}

export interface CheckoutInput extends QuoteRequest {
  method: PaymentMethod;
  company?: { name: string } | undefined;
  companyId?: string | undefined;
  corporate?: boolean | undefined;
}

/**
 * POST /api/checkout: the order for this idempotency key (made now, from a fresh server-side quote,
 * or found when the key was used before) and where the buyer pays it. The same key answers the
 * same order and the same checkout URL, however often it is sent.
 */
export async function startCheckout(
  deps: CheckoutDeps,
  caller: Caller,
  buyer: string,
  key: string,
  body: CheckoutInput,
): Promise<CheckoutResponse> {
  // Pending orders past their expiry give their coupon holds back before a new order counts them.
  await deps.db.asService(expireOrders);
  let orderId = await deps.db.asCaller(caller, (sql) => orderIdByKey(sql, buyer, key));
  if (!orderId) {
    const quote = await priceRequest(deps, body, buyer);
    const seats = body.seats ?? 1;
    const expiresAt = new Date(deps.now().getTime() + holdMinutes(deps.payments) * 60_000).toISOString();
    try {
      ({ orderId } = await deps.db.asService((sql) =>
        createOrder(sql, buyer, key, {
          quote,
          seats,
          corporate: body.corporate === true || seats > 1 || body.company !== undefined || body.companyId !== undefined,
          companyId: body.companyId ?? null,
          companyName: body.company?.name ?? null,
          country: body.country ?? null,
          region: body.region ?? null,
          provider: deps.payments.name,
          method: body.method,
          expiresAt,
        }),
      ));
    } catch (err) {
      throw orderRefusal(err) ?? err;
    }
  }
  return checkoutFor(deps, orderId);
}

/** The checkout URL of an order: its payment page, or (paid, or nothing to pay) where the buyer goes next. */
async function checkoutFor(deps: CheckoutDeps, orderId: string): Promise<CheckoutResponse> {
  const order = await deps.db.asService((sql) => orderForPayment(sql, { orderId }));
  if (!order) throw notFound('order');
  const done = { orderId, checkoutUrl: `${deps.config.siteUrl}${afterPaymentPath(order.kind)}` };
  if (order.status === 'paid' || order.status === 'refunded' || order.status === 'partially_refunded') return done;
  if (order.status === 'expired') {
    throw new AppError(409, 'checkout_expired', 'this checkout expired before it was paid: start a new one');
  }
  if (order.total === 0) {
    // Nothing to collect: fulfilled at once, through the same function a paid event goes through.
    await deps.db.asService((sql) =>
      recordPaymentEvent(sql, {
        eventId: `free_${order.id}`,
        kind: 'paid',
        type: 'free_order',
        orderId: order.id,
        amount: 0,
        currency: order.currency,
        gatewayPaymentId: null,
        failure: null,
      }),
    );
    return done;
  }
  const session = await openSession(deps, order);
  if (order.checkoutSessionId !== session.sessionId) {
    await deps.db.asService((sql) => setCheckoutSession(sql, order.id, session.sessionId));
  }
  return { orderId, checkoutUrl: session.url };
}

/**
 * The provider's checkout session for the order: the one it has (Stripe: read back, while still
 * open), else a new one. Both adapters make it idempotent per order.
 */
const canRetrieve = (p: PaymentProvider): p is StripePaymentProvider => 'retrieveCheckout' in p;

async function openSession(deps: CheckoutDeps, order: PaymentOrder) {
  const provider = deps.payments;
  if (order.checkoutSessionId && canRetrieve(provider)) {
    const existing = await provider.retrieveCheckout(order.checkoutSessionId);
    if (existing.url && existing.status === 'open') return { sessionId: order.checkoutSessionId, url: existing.url };
  }
  const base = deps.config.siteUrl;
  return provider.createCheckout({
    orderId: order.id,
    currency: order.currency,
    // Free lines (a free course beside a paid one) are left out: gateways refuse a zero price.
    lines: order.lines
      .filter((l) => l.totalAmount > 0)
      .map((l) => ({
        title: l.seats > 1 ? `${l.title} (${l.seats} seats)` : l.title,
        amount: l.totalAmount,
        quantity: 1 as const,
      })),
    method: order.method,
    customerEmail: order.buyerEmail,
    successUrl: `${base}/orders/${order.id}?confirm=1`,
    cancelUrl: `${base}/orders/${order.id}`,
    expiresAt: new Date(order.expiresAt),
  });
}
