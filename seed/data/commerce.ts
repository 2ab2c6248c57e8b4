/**
 * Demo commerce: bundles of demo courses with their rules, the cart rule and the seat tiers,
 * coupons, tax rates, the demo orders (bought through the same definer functions as a checkout:
 * private.create_order, then private.record_payment_event, and for one private.refund_order)
 * and a demo request. Pure data; seed/steps/commerce.ts writes it. Prices are the courses'.
 */

export interface RuleSeed {
  minQuantity: number;
  percentBps: number;
}

export interface BundleSeed {
  slug: string;
  title: string;
  description: string;
  category: string;
  /** Course slugs, in display order; all in one currency (USD). */
  courses: string[];
  /** Bundle rules: "Buy 2, get 10% off; 3 or more, 20% off". */
  rules: RuleSeed[];
}

const BUY_2_OR_3: RuleSeed[] = [
  { minQuantity: 2, percentBps: 1000 },
  { minQuantity: 3, percentBps: 2000 },
];

export const BUNDLES: BundleSeed[] = [
  {
    slug: 'full-stack-javascript',
    title: 'Full-stack JavaScript',
    description:
      'From modern JavaScript to typed code and fast pages: the three courses a front-end developer takes to ' +
      'ship production web applications with confidence.',
    category: 'web-development',
    courses: ['modern-javascript-essentials', 'typescript-for-javascript-developers', 'web-performance-in-practice'],
    rules: BUY_2_OR_3,
  },
  {
    slug: 'data-science-path',
    title: 'Data science path',
    description:
      'Query the data, reason about it, then model it: SQL, statistics and machine learning in the order ' +
      'analysts actually need them.',
    category: 'data-science',
    courses: ['sql-for-analysts', 'statistics-for-data-science', 'machine-learning-fundamentals'],
    rules: BUY_2_OR_3,
  },
  {
    slug: 'product-design-and-business',
    title: 'Product design and business',
    description:
      'Design interfaces people understand, research what they need, and model whether it pays: for designers ' +
      'and product people who want the whole picture.',
    category: 'design',
    courses: ['ui-design-principles', 'ux-research-methods', 'financial-modeling-basics'],
    rules: BUY_2_OR_3,
  },
  {
    slug: 'containers-to-production',
    title: 'From containers to production',
    description: 'Package an application with Docker, then run it reliably on Kubernetes.',
    category: 'cloud-devops',
    courses: ['docker-for-developers', 'kubernetes-in-production'],
    rules: [{ minQuantity: 2, percentBps: 1000 }],
  },
];

/** Cart rule: course lines of a cart with 3 or more courses. */
export const CART_RULES: RuleSeed[] = [{ minQuantity: 3, percentBps: 500 }];

/** Seat tiers of corporate purchases: 10+, 50+ and 200+ seats. */
export const SEAT_TIERS: RuleSeed[] = [
  { minQuantity: 10, percentBps: 1000 },
  { minQuantity: 50, percentBps: 2000 },
  { minQuantity: 200, percentBps: 3000 },
];

export interface CouponSeed {
  code: string;
  label: string;
  kind: 'percent' | 'fixed';
  percentBps?: number;
  amountOff?: number;
  currency?: string;
  scope: 'all' | 'course' | 'bundle';
  /** The course's slug, for scope 'course'. */
  course?: string;
  startsAt?: string;
  expiresAt?: string;
  maxRedemptions?: number;
  /** null: no per-user limit. */
  perUserLimit: number | null;
  minSubtotal?: number;
}

export const COUPONS: CouponSeed[] = [
  {
    code: 'WELCOME10',
    label: '10% off your first order',
    kind: 'percent',
    percentBps: 1000,
    scope: 'all',
    perUserLimit: 1,
  },
  {
    code: 'SAVE20',
    label: '$20 off orders of $50 or more',
    kind: 'fixed',
    amountOff: 2000,
    currency: 'USD',
    scope: 'all',
    minSubtotal: 5000,
    maxRedemptions: 500,
    perUserLimit: 1,
  },
  {
    code: 'DOCKER25',
    label: '25% off Docker for Developers',
    kind: 'percent',
    percentBps: 2500,
    scope: 'course',
    course: 'docker-for-developers',
    perUserLimit: 1,
  },
  {
    code: 'SPRING2025',
    label: 'Spring 2025: 15% off (ended)',
    kind: 'percent',
    percentBps: 1500,
    scope: 'all',
    startsAt: '2025-03-01T00:00:00Z',
    expiresAt: '2025-06-01T00:00:00Z',
    perUserLimit: 1,
  },
  // One use only, taken by the demo student's refunded order: exhausted.
  {
    code: 'EARLYBIRD',
    label: 'Early bird: 30% off (one use)',
    kind: 'percent',
    percentBps: 3000,
    scope: 'all',
    maxRedemptions: 1,
    perUserLimit: 1,
  },
];

export interface TaxRateSeed {
  key: string;
  country: string;
  region?: string;
  kind: 'vat' | 'gst' | 'sales_tax';
  label: string;
  rateBps: number;
  effectiveFrom: string;
}

export const TAX_RATES: TaxRateSeed[] = [
  { key: 'de', country: 'DE', kind: 'vat', label: 'VAT 19%', rateBps: 1900, effectiveFrom: '2021-01-01' },
  { key: 'gb', country: 'GB', kind: 'vat', label: 'VAT 20%', rateBps: 2000, effectiveFrom: '2011-01-04' },
  { key: 'fr', country: 'FR', kind: 'vat', label: 'VAT 20%', rateBps: 2000, effectiveFrom: '2014-01-01' },
  { key: 'au', country: 'AU', kind: 'gst', label: 'GST 10%', rateBps: 1000, effectiveFrom: '2000-07-01' },
  {
    key: 'us-ca',
    country: 'US',
    region: 'CA',
    kind: 'sales_tax',
    label: 'Sales tax 7.25%',
    rateBps: 725,
    effectiveFrom: '2017-01-01',
  },
];

export interface OrderSeed {
  /** The idempotency key, stable: a second seed finds the order and leaves it. */
  key: string;
  buyer: string;
  items: { kind: 'course' | 'bundle'; slug: string }[];
  seats?: number;
  coupon?: string;
  country?: string;
  method: 'card' | 'paypal' | 'stripe_checkout';
  /** A full refund after payment, with its reason and who asked. */
  refund?: { reason: string; kind: 'admin' | 'learner'; requestedBy: string };
}

/** In this order: the refunded one first, so the paid bundle is the student's latest. */
export const ORDERS: OrderSeed[] = [
  {
    key: 'seed-student-ui-design',
    buyer: 'student@demo.test',
    items: [{ kind: 'course', slug: 'ui-design-principles' }],
    coupon: 'EARLYBIRD',
    country: 'GB',
    method: 'paypal',
    refund: { reason: 'Bought by mistake', kind: 'learner', requestedBy: 'student@demo.test' },
  },
  {
    key: 'seed-student-data-science-path',
    buyer: 'student@demo.test',
    items: [{ kind: 'bundle', slug: 'data-science-path' }],
    coupon: 'WELCOME10',
    country: 'DE',
    method: 'card',
  },
  {
    key: 'seed-acme-full-stack-seats',
    buyer: 'companyadmin@demo.test',
    items: [{ kind: 'bundle', slug: 'full-stack-javascript' }],
    seats: 10,
    country: 'GB',
    method: 'card',
  },
];

export const DEMO_REQUEST = {
  name: 'Jamie Rivera',
  email: 'jamie.rivera@example.com',
  company: 'Northwind Traders',
  teamSize: 45,
  message: 'We are onboarding 45 analysts next quarter and would like to see seat management and progress reports.',
};
