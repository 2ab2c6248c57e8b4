import { z } from 'zod';
import { categoryRef } from './catalog.ts';
import { isoDateTime, priceBand, slug, uuid } from './primitives.ts';

/**
 * Commerce: quotes and checkout (POST /api/checkout/quote, POST /api/checkout), orders and
 * invoices (GET /api/orders, GET /api/orders/:id), bundle cards, and the admin bodies for
 * coupons, bundles, pricing rules, tax rates and refunds. Money is integer minor units in the
 * order's one currency; rates are basis points (1000 = 10%). Every price is computed on the
 * server (edge/pricing): amounts a client sends are not part of any request schema.
 */

export const CHECKOUT_LIMITS = {
  items: 50,
  seats: 10_000,
  coupon: 32,
  idempotencyKey: { min: 8, max: 200 },
} as const;
export type CheckoutLimits = typeof CHECKOUT_LIMITS;

const amount = z.int().min(0);
const bps = z.int().min(0).max(10_000);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const isoDate = z.iso.date();
/** Admin input may carry a UTC offset (`+02:00`); answers always use `Z`. */
const isoDateTimeInput = z.iso.datetime({ offset: true });
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// The vocabularies of the commerce tables.
export const itemKind = z.enum(['course', 'bundle']);
export const orderKind = z.enum(['single', 'bundle', 'corporate']);
export const orderStatus = z.enum(['pending', 'paid', 'failed', 'expired', 'refunded', 'partially_refunded']);
export const paymentMethod = z.enum(['card', 'paypal', 'stripe_checkout']);
export const paymentProvider = z.enum(['local', 'stripe']);
export const paymentStatus = z.enum(['pending', 'succeeded', 'failed', 'refunded', 'partially_refunded']);
export const refundKind = z.enum(['admin', 'learner']);
export const refundStatus = z.enum(['pending', 'succeeded', 'failed']);
export const invoiceKind = z.enum(['invoice', 'credit_note']);
export const bundleStatus = z.enum(['draft', 'published', 'archived']);
export const ruleScope = z.enum(['bundle', 'cart', 'seats']);
export const couponKind = z.enum(['percent', 'fixed']);
export const couponScope = z.enum(['all', 'course', 'bundle']);
export const taxKind = z.enum(['vat', 'gst', 'sales_tax']);

/** The `Idempotency-Key` header of POST /api/checkout. */
export const idempotencyKey = z
  .string()
  .min(CHECKOUT_LIMITS.idempotencyKey.min)
  .max(CHECKOUT_LIMITS.idempotencyKey.max)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

/** An item to price; the id is lower-cased, as the database writes UUIDs. */
export const quoteItem = z.object({ kind: itemKind, id: uuid.toLowerCase() });

/**
 * POST /api/checkout/quote. Unknown keys are dropped, not refused, so a client-sent `price` or
 * `total` is ignored (the server prices everything). The coupon is trimmed and upper-cased.
 */
export const quoteRequest = z.object({
  items: z.array(quoteItem).min(1).max(CHECKOUT_LIMITS.items),
  seats: z.int().min(1).max(CHECKOUT_LIMITS.seats).optional(),
  coupon: z.string().trim().toUpperCase().min(1).max(CHECKOUT_LIMITS.coupon).optional(),
  country: country.optional(),
  region: text(1, 100).optional(),
});

/** One priced line: list = unit * seats; net = list - rule discount - coupon discount; total = net + tax. */
export const quoteLine = z.strictObject({
  kind: itemKind,
  id: uuid,
  title: z.string(),
  seats: z.int().min(1),
  unitAmount: amount,
  listAmount: amount,
  /** The one pricing rule applied to this line (the best one), in words. */
  rule: z.strictObject({ id: uuid, label: z.string() }).nullable(),
  ruleDiscount: amount,
  couponDiscount: amount,
  netAmount: amount,
  taxAmount: amount,
  totalAmount: amount,
});

/**
 * The answer of POST /api/checkout/quote (and the `quote` stored on an order):
 * subtotal = Σ listAmount, discount = Σ (ruleDiscount + couponDiscount), tax = Σ taxAmount,
 * total = subtotal - discount + tax = Σ totalAmount, savings = discount.
 */
export const quote = z.strictObject({
  currency,
  lines: z.array(quoteLine),
  subtotal: amount,
  discount: amount,
  tax: amount,
  total: amount,
  coupon: z.strictObject({ code: z.string(), label: z.string() }).nullable(),
  taxRate: z
    .strictObject({ label: z.string(), rateBps: bps, country: z.string(), region: z.string().nullable() })
    .nullable(),
  savings: amount,
});

/**
 * POST /api/checkout (signed in, `Idempotency-Key` header): the quote's body, the payment method,
 * and for a corporate purchase (seats > 1, or `company` or `companyId` given) the company it buys
 * for: `companyId`, one the buyer actively administers (else 403 `company_forbidden`); without it
 * the oldest one they administer, or when they administer none, `company`, the one to create.
 * `companyId` wins over `company`. The quote takes neither: a price does not depend on the company.
 */
export const checkoutRequest = quoteRequest.extend({
  method: paymentMethod.default('card'),
  company: z.object({ name: text(2, 120) }).optional(),
  companyId: uuid.toLowerCase().optional(),
});

export const checkoutResponse = z.strictObject({ orderId: uuid, checkoutUrl: z.string().min(1) });

export const orderItem = z.strictObject({
  id: uuid,
  kind: itemKind,
  courseId: uuid.nullable(),
  bundleId: uuid.nullable(),
  title: z.string(),
  seats: z.int().min(1),
  unitAmount: amount,
  listAmount: amount,
  discountAmount: amount,
  taxAmount: amount,
  totalAmount: amount,
});

/** A row of GET /api/orders. `number` is the order's invoice number once it is paid, else null. */
export const orderSummary = z.strictObject({
  id: uuid,
  number: z.string().nullable(),
  kind: orderKind,
  status: orderStatus,
  currency,
  subtotal: amount,
  discount: amount,
  tax: amount,
  total: amount,
  seats: z.int().min(1),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
  items: z.array(orderItem),
});
export const orderList = z.strictObject({ items: z.array(orderSummary) });

export const orderPayment = z.strictObject({
  id: uuid,
  provider: paymentProvider,
  method: paymentMethod,
  status: paymentStatus,
  amount,
  currency,
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: isoDateTime,
});

export const orderInvoice = z.strictObject({
  id: uuid,
  number: z.string(),
  kind: invoiceKind,
  total: amount,
  issuedAt: isoDateTime,
});

export const orderRefund = z.strictObject({
  id: uuid,
  amount,
  currency,
  reason: z.string(),
  kind: refundKind,
  status: refundStatus,
  createdAt: isoDateTime,
  processedAt: isoDateTime.nullable(),
});

/** GET /api/orders/:id. `refundable.reason` says why a learner may not request a refund (null when allowed). */
export const orderDetail = orderSummary.extend({
  payments: z.array(orderPayment),
  invoices: z.array(orderInvoice),
  refunds: z.array(orderRefund),
  refundable: z.strictObject({ allowed: z.boolean(), reason: z.string().nullable() }),
});

/** GET /api/bundles query string. */
export const bundleQuery = z.strictObject({
  category: slug.optional(),
  price: priceBand.optional(),
});

/** A bundle card: its courses, their list total, the bundle price (best bundle rule, one seat) and the rules in words. */
export const bundleCard = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  category: categoryRef.nullable(),
  courses: z.array(z.strictObject({ id: uuid, slug, title: z.string(), priceAmount: amount })),
  currency,
  listTotal: amount,
  bundlePrice: amount,
  savings: amount,
  /** "Buy 2, get 10% off; 3 or more, 20% off"; null when the bundle has no rules. */
  rulesText: z.string().nullable(),
});
export const bundleList = z.strictObject({ items: z.array(bundleCard) });

// Admin bodies (POST/PUT /api/admin/...). Unknown keys are a 400.

/** A coupon: percent (percentBps) or fixed (amountOff in `currency`), for all items, one course or one bundle. */
export const couponInput = z
  .strictObject({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_-]{3,32}$/, 'must be 3 to 32 letters, digits, _ or -'),
    label: text(1, 120),
    kind: couponKind,
    percentBps: z.int().min(1).max(10_000).nullable().default(null),
    amountOff: z.int().min(1).nullable().default(null),
    currency: currency.nullable().default(null),
    scope: couponScope.default('all'),
    courseId: uuid.nullable().default(null),
    bundleId: uuid.nullable().default(null),
    startsAt: isoDateTimeInput.nullable().default(null),
    expiresAt: isoDateTimeInput.nullable().default(null),
    maxRedemptions: z.int().min(1).nullable().default(null),
    perUserLimit: z.int().min(1).nullable().default(1),
    minSubtotal: amount.default(0),
    active: z.boolean().default(true),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.kind === 'percent') {
      if (c.percentBps === null) issue('percentBps', 'a percent coupon needs percentBps');
      if (c.amountOff !== null) issue('amountOff', 'a percent coupon has no amountOff');
    } else {
      if (c.amountOff === null) issue('amountOff', 'a fixed coupon needs amountOff');
      if (c.currency === null) issue('currency', 'a fixed coupon needs a currency');
      if (c.percentBps !== null) issue('percentBps', 'a fixed coupon has no percentBps');
    }
    if ((c.scope === 'course') !== (c.courseId !== null)) issue('courseId', 'courseId is set iff scope is course');
    if ((c.scope === 'bundle') !== (c.bundleId !== null)) issue('bundleId', 'bundleId is set iff scope is bundle');
    if (c.startsAt && c.expiresAt && Date.parse(c.startsAt) >= Date.parse(c.expiresAt)) {
      issue('expiresAt', 'expiresAt must be after startsAt');
    }
  });

export const bundleRuleInput = z.strictObject({
  minQuantity: z.int().min(1).max(1000),
  percentBps: z.int().min(1).max(10_000),
});

/** A bundle and its courses (in order; they must share one currency, which the bundle takes) and tiers. */
export const bundleInput = z
  .strictObject({
    title: text(1, 200),
    slug,
    description: z.string().trim().max(5000).default(''),
    imageUrl: z.string().trim().max(1024).nullable().default(null),
    categoryId: uuid.nullable().default(null),
    status: bundleStatus.default('draft'),
    courseIds: z.array(uuid).min(2).max(CHECKOUT_LIMITS.items),
    rules: z.array(bundleRuleInput).max(10).default([]),
  })
  .superRefine((b, ctx) => {
    if (new Set(b.courseIds.map((id) => id.toLowerCase())).size !== b.courseIds.length) {
      ctx.addIssue({ code: 'custom', path: ['courseIds'], message: 'a course appears twice' });
    }
    if (new Set(b.rules.map((r) => r.minQuantity)).size !== b.rules.length) {
      ctx.addIssue({ code: 'custom', path: ['rules'], message: 'two rules have the same minQuantity' });
    }
  });

export const pricingRuleInput = z
  .strictObject({
    scope: ruleScope,
    bundleId: uuid.nullable().default(null),
    minQuantity: z.int().min(1).max(CHECKOUT_LIMITS.seats),
    percentBps: z.int().min(1).max(10_000),
    active: z.boolean().default(true),
  })
  .refine((r) => (r.scope === 'bundle') === (r.bundleId !== null), {
    path: ['bundleId'],
    message: 'bundleId is set iff scope is bundle',
  });

export const taxRateInput = z
  .strictObject({
    country,
    region: text(1, 100).nullable().default(null),
    kind: taxKind,
    label: text(1, 120),
    rateBps: bps,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable().default(null),
  })
  .refine((t) => t.effectiveTo === null || t.effectiveTo > t.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'effectiveTo must be after effectiveFrom',
  });

/** POST /api/admin/orders/:id/refunds: `amount` defaults to what is left to refund. */
export const refundInput = z.strictObject({
  amount: z.int().min(1).optional(),
  reason: text(1, 500),
});

/** POST /api/orders/:id/refund-request (the learner, within the refund policy). */
export const refundRequestInput = z.strictObject({ reason: text(1, 1000) });

/** POST /api/demo-requests (the company page's "Request a demo"). */
export const demoRequestInput = z.strictObject({
  name: text(2, 120),
  email: z.string().trim().max(254).pipe(z.email()),
  company: text(2, 120),
  teamSize: z.int().min(1).max(1_000_000),
  message: z.string().trim().max(2000).default(''),
});

export type ItemKind = z.infer<typeof itemKind>;
export type OrderKind = z.infer<typeof orderKind>;
export type OrderStatus = z.infer<typeof orderStatus>;
export type PaymentMethod = z.infer<typeof paymentMethod>;
export type PaymentProvider = z.infer<typeof paymentProvider>;
export type PaymentStatus = z.infer<typeof paymentStatus>;
export type RefundKind = z.infer<typeof refundKind>;
export type RefundStatus = z.infer<typeof refundStatus>;
export type InvoiceKind = z.infer<typeof invoiceKind>;
export type BundleStatus = z.infer<typeof bundleStatus>;
export type RuleScope = z.infer<typeof ruleScope>;
export type CouponKind = z.infer<typeof couponKind>;
export type CouponScope = z.infer<typeof couponScope>;
export type TaxKind = z.infer<typeof taxKind>;
export type QuoteItem = z.infer<typeof quoteItem>;
export type QuoteRequest = z.infer<typeof quoteRequest>;
export type QuoteRequestInput = z.input<typeof quoteRequest>;
export type QuoteLine = z.infer<typeof quoteLine>;
export type Quote = z.infer<typeof quote>;
export type CheckoutRequest = z.infer<typeof checkoutRequest>;
export type CheckoutRequestInput = z.input<typeof checkoutRequest>;
export type CheckoutResponse = z.infer<typeof checkoutResponse>;
export type OrderItem = z.infer<typeof orderItem>;
export type OrderSummary = z.infer<typeof orderSummary>;
export type OrderList = z.infer<typeof orderList>;
export type OrderPayment = z.infer<typeof orderPayment>;
export type OrderInvoice = z.infer<typeof orderInvoice>;
export type OrderRefund = z.infer<typeof orderRefund>;
export type OrderDetail = z.infer<typeof orderDetail>;
export type BundleQuery = z.infer<typeof bundleQuery>;
export type BundleCard = z.infer<typeof bundleCard>;
export type BundleList = z.infer<typeof bundleList>;
export type CouponInput = z.infer<typeof couponInput>;
export type CouponInputBody = z.input<typeof couponInput>;
export type BundleInput = z.infer<typeof bundleInput>;
export type BundleInputBody = z.input<typeof bundleInput>;
export type PricingRuleInput = z.infer<typeof pricingRuleInput>;
export type TaxRateInput = z.infer<typeof taxRateInput>;
export type RefundInput = z.infer<typeof refundInput>;
export type RefundRequestInput = z.infer<typeof refundRequestInput>;
export type DemoRequestInput = z.infer<typeof demoRequestInput>;
