import { z } from 'zod';
import { courseCard } from './catalog.ts';
import { bundleCard, bundleQuery, orderKind, orderStatus } from './checkout.ts';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Bundles on sale and company packages: GET /api/bundles, GET /api/bundles/:slug,
 * GET /api/courses/:slug/bundles ("See in bundle"), GET /api/pricing/seat-tiers,
 * POST /api/demo-requests and GET /api/company (a company admin's seats and orders).
 * Bundle prices are edge/pricing's bundleOffer over the rows the caller may read.
 */

export const BUNDLE_LIMITS = { query: 200, list: 100 } as const;
export type BundleLimits = typeof BUNDLE_LIMITS;

const amount = z.int().min(0);
const currency = z.string().regex(/^[A-Z]{3}$/);

/** GET /api/bundles: the contract's bundleQuery (category, price band of the bundle price) and a search. */
export const bundleSearch = bundleQuery.extend({
  q: z.string().trim().max(BUNDLE_LIMITS.query).optional(),
});

/** GET /api/bundles/:slug: the card and its courses as catalog cards, in the bundle's order. */
export const bundleDetail = bundleCard.extend({ courseCards: z.array(courseCard) });

/**
 * A bundle holding a given course, with the discount its best bundle rule gives
 * (`discountText` "Save 20%", or null when no rule applies).
 */
export const courseBundle = bundleCard.extend({
  discountBps: z.int().min(0).max(10_000),
  discountText: z.string().nullable(),
});
export const courseBundleList = z.strictObject({ items: z.array(courseBundle) });

/** An active seats rule: "10+ seats: 10% off". Tiers that could never apply (no better than a smaller one) are left out. */
export const seatTier = z.strictObject({
  id: uuid,
  minQuantity: z.int().min(1),
  percentBps: z.int().min(1).max(10_000),
  label: z.string(),
});
/** GET /api/pricing/seat-tiers; `text` is every tier in words, null when there is none. */
export const seatTierList = z.strictObject({ items: z.array(seatTier), text: z.string().nullable() });

/** POST /api/demo-requests answers 201 with the stored lead's id. */
export const demoRequestCreated = z.strictObject({ id: uuid });

/** Seats a company bought in one course: assigned = active company enrollments; remaining = bought - revoked - assigned. */
export const companySeats = z.strictObject({
  courseId: uuid,
  courseSlug: slug.nullable(),
  courseTitle: z.string(),
  bought: amount,
  revoked: amount,
  assigned: amount,
  remaining: amount,
});

/** One of the company's orders; `number` is its invoice number once paid. */
export const companyOrder = z.strictObject({
  id: uuid,
  number: z.string().nullable(),
  kind: orderKind,
  status: orderStatus,
  currency,
  total: amount,
  seats: z.int().min(1),
  title: z.string(),
  createdAt: isoDateTime,
  paidAt: isoDateTime.nullable(),
});

/** Seats bought in one course by one order, or added by a platform admin (no order; `note` says why). */
export const companySeatPurchase = z.strictObject({
  id: uuid,
  courseId: uuid,
  courseTitle: z.string(),
  seats: z.int().min(1),
  seatsRevoked: amount,
  orderId: uuid.nullable(),
  /** The order's invoice number once paid. */
  orderNumber: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});

/** A bundle the company assigned (its assignments keep the bundle's id), with its courses. */
export const companyBundleRef = z.strictObject({
  id: uuid,
  slug,
  title: z.string(),
  courseIds: z.array(uuid),
});

/** `?company=<id>` on GET /api/company: the company to show (one the caller administers); absent: the first by name. */
export const companyDashboardQuery = z.strictObject({ company: uuid.optional() });

/** GET /api/company (a company admin): their company, its seats per course, its orders and what it paid. */
export const companyDashboard = z.strictObject({
  company: z.strictObject({ id: uuid, slug, name: z.string() }),
  seats: z.array(companySeats),
  /** Newest first (at most COMPANY_SEAT_PURCHASES_LIMIT). */
  seatPurchases: z.array(companySeatPurchase),
  /** The published bundles named by the company's active assignments. */
  bundles: z.array(companyBundleRef),
  orders: z.array(companyOrder),
  totals: z.strictObject({
    orders: amount,
    /** Per currency: paid orders' totals and the refunds made on them. */
    spent: z.array(z.strictObject({ currency, paid: amount, refunded: amount })),
  }),
});

export type BundleSearch = z.infer<typeof bundleSearch>;
export type BundleSearchInput = z.input<typeof bundleSearch>;
export type BundleDetail = z.infer<typeof bundleDetail>;
export type CourseBundle = z.infer<typeof courseBundle>;
export type CourseBundleList = z.infer<typeof courseBundleList>;
export type SeatTier = z.infer<typeof seatTier>;
export type SeatTierList = z.infer<typeof seatTierList>;
export type DemoRequestCreated = z.infer<typeof demoRequestCreated>;
export type CompanySeats = z.infer<typeof companySeats>;
export type CompanyOrder = z.infer<typeof companyOrder>;
export type CompanyDashboard = z.infer<typeof companyDashboard>;
export type CompanySeatPurchase = z.infer<typeof companySeatPurchase>;
export type CompanyBundleRef = z.infer<typeof companyBundleRef>;
