/** Catalog builders for the pricing tests (not a test file itself). */
import type { CatalogBundle, CatalogCoupon, CatalogCourse, PricingCatalog, PricingRule } from './types.ts';

/** A deterministic UUID: uid(7) = 00000000-0000-4000-8000-000000000007. */
export const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const course = (n: number, priceAmount: number, extra: Partial<CatalogCourse> = {}): CatalogCourse => ({
  id: uid(n),
  slug: `course-${n}`,
  title: `Course ${n}`,
  priceAmount,
  currency: 'USD',
  published: true,
  ...extra,
});

export const bundle = (n: number, courseIds: string[], extra: Partial<CatalogBundle> = {}): CatalogBundle => ({
  id: uid(n),
  slug: `bundle-${n}`,
  title: `Bundle ${n}`,
  currency: 'USD',
  published: true,
  courseIds,
  ...extra,
});

export const rule = (
  n: number,
  scope: PricingRule['scope'],
  minQuantity: number,
  percentBps: number,
  bundleId: string | null = null,
): PricingRule => ({ id: uid(n), scope, bundleId, minQuantity, percentBps });

export const coupon = (extra: Partial<CatalogCoupon> = {}): CatalogCoupon => ({
  id: uid(9000),
  code: 'SAVE10',
  label: '10% off everything',
  kind: 'percent',
  percentBps: 1000,
  amountOff: null,
  currency: null,
  scope: 'all',
  courseId: null,
  bundleId: null,
  startsAt: null,
  expiresAt: null,
  maxRedemptions: null,
  perUserLimit: 1,
  minSubtotal: 0,
  active: true,
  used: 0,
  usedByBuyer: 0,
  ...extra,
});

export const catalogOf = (parts: Partial<PricingCatalog>): PricingCatalog => ({
  courses: [],
  bundles: [],
  rules: [],
  coupon: null,
  taxRate: null,
  ...parts,
});

export const germanVat = {
  id: uid(8000),
  country: 'DE',
  region: null,
  kind: 'vat' as const,
  label: 'VAT 19%',
  rateBps: 1900,
};
