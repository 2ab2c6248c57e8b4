import { z } from 'zod';
import {
  bundleInput,
  bundleStatus,
  type CouponInputBody,
  type couponInput,
  couponKind,
  couponScope,
  itemKind,
  orderKind,
  orderRefund,
  orderStatus,
  ruleScope,
  taxKind,
  taxRateInput,
} from './checkout.ts';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * The admin commerce screens (admins only, /api/admin/...): bundles, pricing rules, coupons, tax
 * rates, orders and refunds, demo requests. Request bodies for creating are the ones in
 * checkout.ts (bundleInput, pricingRuleInput, couponInput, taxRateInput, refundInput); a PATCH
 * names only the fields it changes, and the record it makes must pass the same schema.
 * Money is integer minor units; rates are basis points.
 */

export const ADMIN_LIMITS = {
  /** Rows in one list answer (bundles, rules, coupons, tax rates, demo requests). */
  list: 500,
  orders: { pageSize: 20, maxPageSize: 100, maxPage: 10_000, q: 200 },
  revenueDays: 30,
} as const;

const amount = z.int().min(0);
const bps = z.int().min(0).max(10_000);
const currency = z.string().regex(/^[A-Z]{3}$/);
const isoDate = z.iso.date();

/**
 * A PATCH body: some of `keys`, at least one, nothing else. Values are checked after merging
 * with the stored record, against the create schema (so a change that makes the record
 * inconsistent, such as an expiry before the start, is refused with its path).
 */
function patchOf<const K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, z.unknown().optional()])) as Record<
    K,
    z.ZodOptional<z.ZodUnknown>
  >;
  return z.strictObject(shape).refine((o) => Object.keys(o).length > 0, { message: 'nothing to change' });
}

// ---------------------------------------------------------------------------
// Bundles

export const adminBundleCourse = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  priceAmount: amount,
  currency,
});

/** One of a bundle's tiers (its 'bundle' pricing rules). */
export const adminBundleRule = z.strictObject({
  id: uuid,
  minQuantity: z.int().min(1),
  percentBps: bps,
  active: z.boolean(),
});

export const adminBundle = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  description: z.string(),
  imageUrl: z.string().nullable(),
  categoryId: uuid.nullable(),
  status: bundleStatus,
  currency,
  courses: z.array(adminBundleCourse),
  rules: z.array(adminBundleRule),
  /** The active tiers in words ("Buy 2, get 10% off; 3 or more, 20% off"), null without any. */
  rulesText: z.string().nullable(),
  /** The sum of its courses' list prices (one seat). */
  listTotal: amount,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const adminBundleList = z.strictObject({ items: z.array(adminBundle) });

/** GET /api/admin/categories: what a bundle's categoryId may be. */
export const adminCategory = z.strictObject({ id: uuid, slug, name: z.string() });
export const adminCategoryList = z.strictObject({ items: z.array(adminCategory) });

export const bundlePatchKeys = Object.keys(bundleInput.shape) as (keyof typeof bundleInput.shape)[];
/** PATCH /api/admin/bundles/:id: courseIds and rules, when given, replace the bundle's. */
export const bundlePatch = patchOf(bundlePatchKeys);

// ---------------------------------------------------------------------------
// Pricing rules

export const adminPricingRule = z.strictObject({
  id: uuid,
  scope: ruleScope,
  bundleId: uuid.nullable(),
  bundleTitle: z.string().nullable(),
  minQuantity: z.int().min(1),
  percentBps: bps,
  active: z.boolean(),
  /** "Buy 2, get 10% off", "10+ seats: 15% off". */
  label: z.string(),
  createdAt: isoDateTime,
});
export const adminPricingRuleList = z.strictObject({ items: z.array(adminPricingRule) });

/** PATCH /api/admin/pricing-rules/:id: switch a rule on or off. */
export const pricingRulePatch = z.strictObject({ active: z.boolean() });

// ---------------------------------------------------------------------------
// Coupons

export const adminCoupon = z.strictObject({
  id: uuid,
  code: z.string(),
  label: z.string(),
  kind: couponKind,
  percentBps: bps.nullable(),
  amountOff: amount.nullable(),
  currency: currency.nullable(),
  scope: couponScope,
  courseId: uuid.nullable(),
  bundleId: uuid.nullable(),
  startsAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  maxRedemptions: z.int().min(1).nullable(),
  perUserLimit: z.int().min(1).nullable(),
  minSubtotal: amount,
  active: z.boolean(),
  /** Uses that count against its limits: redeemed, and held by pending orders not yet expired. */
  used: z.int().min(0),
  createdAt: isoDateTime,
});
export const adminCouponList = z.strictObject({ items: z.array(adminCoupon) });

/** What a coupon's PATCH may change: its code and label, on/off, its dates and its limits. */
export const couponPatchKeys = [
  'code',
  'label',
  'active',
  'startsAt',
  'expiresAt',
  'maxRedemptions',
  'perUserLimit',
  'minSubtotal',
] as const satisfies readonly (keyof typeof couponInput.shape)[];
export const couponPatch = patchOf(couponPatchKeys);

// ---------------------------------------------------------------------------
// Tax rates

export const adminTaxRate = z.strictObject({
  id: uuid,
  country: z.string(),
  region: z.string().nullable(),
  kind: taxKind,
  label: z.string(),
  rateBps: bps,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
});
export const adminTaxRateList = z.strictObject({ items: z.array(adminTaxRate) });

export const taxRatePatchKeys = Object.keys(taxRateInput.shape) as (keyof typeof taxRateInput.shape)[];
export const taxRatePatch = patchOf(taxRatePatchKeys);

// ---------------------------------------------------------------------------
// Orders, refunds, revenue

/** GET /api/admin/orders: `q` finds an order id, an invoice or credit note number, a buyer's name or email, a company. */
export const adminOrderQuery = z.strictObject({
  status: orderStatus.optional(),
  q: z.string().trim().max(ADMIN_LIMITS.orders.q).optional(),
  page: z.coerce.number().int().min(1).max(ADMIN_LIMITS.orders.maxPage).default(1),
  pageSize: z.coerce.number().int().min(1).max(ADMIN_LIMITS.orders.maxPageSize).default(ADMIN_LIMITS.orders.pageSize),
});

export const adminCreditNote = z.strictObject({
  id: uuid,
  number: z.string(),
  total: amount,
  issuedAt: isoDateTime,
});

export const adminOrder = z.strictObject({
  id: uuid,
  /** The invoice number once paid, else null. */
  number: z.string().nullable(),
  kind: orderKind,
  status: orderStatus,
  currency,
  subtotal: amount,
  discount: amount,
  tax: amount,
  total: amount,
  /** Refunded so far; `total - refunded` is what may still be refunded. */
  refunded: amount,
  seats: z.int().min(1),
  buyer: z.strictObject({ id: uuid, name: z.string(), email: z.string() }),
  company: z.strictObject({ id: uuid, name: z.string() }).nullable(),
  items: z.array(z.strictObject({ kind: itemKind, title: z.string(), seats: z.int().min(1), totalAmount: amount })),
  creditNotes: z.array(adminCreditNote),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
});
export const adminOrderList = z.strictObject({
  items: z.array(adminOrder),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  /** Orders matching the filters, over all pages. */
  total: z.int().min(0),
});

/** The answer of POST /api/admin/orders/:id/refunds (201). */
export const adminRefundResult = z.strictObject({
  refund: orderRefund,
  creditNote: z.strictObject({ id: uuid, number: z.string(), total: amount, currency }),
  order: adminOrder,
});

export const revenueDay = z.strictObject({ date: isoDate, paid: amount, refunded: amount });

/**
 * GET /api/admin/revenue: per currency and UTC day over the last `days` days (today included),
 * what was paid (orders by their payment time) and what was refunded (refunds by their time).
 */
export const adminRevenue = z.strictObject({
  from: isoDate,
  to: isoDate,
  series: z.array(z.strictObject({ currency, paid: amount, refunded: amount, days: z.array(revenueDay) })),
});

// ---------------------------------------------------------------------------
// Demo requests

export const adminDemoRequest = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string(),
  company: z.string(),
  teamSize: z.int().min(1),
  message: z.string(),
  createdAt: isoDateTime,
});
export const adminDemoRequestList = z.strictObject({ items: z.array(adminDemoRequest) });

export type AdminBundleCourse = z.infer<typeof adminBundleCourse>;
export type AdminBundleRule = z.infer<typeof adminBundleRule>;
export type AdminBundle = z.infer<typeof adminBundle>;
export type AdminBundleList = z.infer<typeof adminBundleList>;
export type AdminCategory = z.infer<typeof adminCategory>;
export type AdminCategoryList = z.infer<typeof adminCategoryList>;
export type BundlePatch = Partial<z.input<typeof bundleInput>>;
export type AdminPricingRule = z.infer<typeof adminPricingRule>;
export type AdminPricingRuleList = z.infer<typeof adminPricingRuleList>;
export type PricingRulePatch = z.infer<typeof pricingRulePatch>;
export type AdminCoupon = z.infer<typeof adminCoupon>;
export type AdminCouponList = z.infer<typeof adminCouponList>;
export type CouponPatch = Partial<Pick<CouponInputBody, (typeof couponPatchKeys)[number]>>;
export type AdminTaxRate = z.infer<typeof adminTaxRate>;
export type AdminTaxRateList = z.infer<typeof adminTaxRateList>;
export type TaxRatePatch = Partial<z.input<typeof taxRateInput>>;
export type AdminOrderQuery = z.input<typeof adminOrderQuery>;
export type AdminCreditNote = z.infer<typeof adminCreditNote>;
export type AdminOrder = z.infer<typeof adminOrder>;
export type AdminOrderList = z.infer<typeof adminOrderList>;
export type AdminRefundResult = z.infer<typeof adminRefundResult>;
export type RevenueDay = z.infer<typeof revenueDay>;
export type AdminRevenue = z.infer<typeof adminRevenue>;
export type AdminDemoRequest = z.infer<typeof adminDemoRequest>;
export type AdminDemoRequestList = z.infer<typeof adminDemoRequestList>;
