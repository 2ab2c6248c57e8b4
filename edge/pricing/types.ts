/**
 * The pricing engine's input: the catalog snapshot that private.commerce_catalog returns
 * (camelCase jsonb), and the buyer's choice. Its output, `Quote`, is the contract's
 * (edge/contract/checkout.ts), so what the engine returns is what POST /api/checkout/quote answers.
 */
export type { Quote, QuoteLine } from '../contract/checkout.ts';

export type ItemKind = 'course' | 'bundle';
export type RuleScope = 'bundle' | 'cart' | 'seats';

export interface CatalogCourse {
  id: string;
  slug: string;
  title: string;
  /** The list price of one seat, in minor units. */
  priceAmount: number;
  currency: string;
  published: boolean;
}

export interface CatalogBundle {
  id: string;
  slug: string;
  title: string;
  currency: string;
  published: boolean;
  /** Its courses, in their position order; each must be among the snapshot's courses. */
  courseIds: string[];
}

/** An active row of pricing_rules. */
export interface PricingRule {
  id: string;
  scope: RuleScope;
  /** Set iff scope is 'bundle'. */
  bundleId: string | null;
  minQuantity: number;
  percentBps: number;
}

export interface CatalogCoupon {
  id: string;
  code: string;
  label: string;
  kind: 'percent' | 'fixed';
  percentBps: number | null;
  amountOff: number | null;
  currency: string | null;
  scope: 'all' | 'course' | 'bundle';
  courseId: string | null;
  bundleId: string | null;
  /** ISO timestamps. */
  startsAt: string | null;
  expiresAt: string | null;
  maxRedemptions: number | null;
  perUserLimit: number | null;
  minSubtotal: number;
  active: boolean;
  /** Uses held by unexpired pending orders plus redeemed ones. */
  used: number;
  /** The same, of this buyer (0 for an anonymous quote). */
  usedByBuyer: number;
}

/** The tax rate in effect for the buyer's country (and region) at the time of the quote. */
export interface CatalogTaxRate {
  id: string;
  country: string;
  region: string | null;
  kind: 'vat' | 'gst' | 'sales_tax';
  label: string;
  rateBps: number;
}

export interface PricingCatalog {
  courses: CatalogCourse[];
  bundles: CatalogBundle[];
  rules: PricingRule[];
  coupon: CatalogCoupon | null;
  taxRate: CatalogTaxRate | null;
}

export interface QuoteItem {
  kind: ItemKind;
  id: string;
}

/** What the buyer chose: the items, the seats of each (default 1) and a coupon code. */
export interface QuoteInput {
  items: readonly QuoteItem[];
  seats?: number | undefined;
  couponCode?: string | null | undefined;
}
