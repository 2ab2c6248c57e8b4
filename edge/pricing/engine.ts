/**
 * The pricing engine: a pure function of the catalog snapshot, the buyer's choice and the time.
 *
 * How a quote is built (the stacking rule):
 * 1. Each item is one line; `seats` multiplies every line. A course line lists at its price * seats,
 *    a bundle line at the sum of its courses' prices * seats.
 * 2. Pricing rules never stack: per line, of the rules that qualify (bundle rules of that bundle when
 *    it holds >= minQuantity courses; cart rules, on course lines, when the cart holds >= minQuantity
 *    course items; seat rules, on every line, when seats >= minQuantity), exactly one applies: the one
 *    with the largest discount on that line (ties: the lowest rule id).
 * 3. A coupon then applies once, on top of the rule, to the post-rule amounts of the lines in its
 *    scope: a percentage per line, or a fixed amount capped at those lines' total and spread over them
 *    pro rata (largest remainder, so the parts sum exactly).
 * 4. Tax comes last, per line on its net amount (list - rule discount - coupon discount).
 * Every percentage is rounded half-up on its own line, in integer minor units; totals are sums of
 * lines, so subtotal - discount + tax = total exactly, and nothing is ever negative.
 * Work is linear in items (plus, per line, the rules that qualify for it): it runs on every quote.
 */
import { bestRule } from './best-rule.ts';
import { PricingError } from './errors.ts';
import { allocate, assertAmount, assertBps, percentOf } from './money.ts';
import { describeRule } from './rules-text.ts';
import type {
  CatalogBundle,
  CatalogCoupon,
  CatalogCourse,
  ItemKind,
  PricingCatalog,
  PricingRule,
  Quote,
  QuoteInput,
  QuoteLine,
} from './types.ts';

export const MAX_SEATS = 10_000;

interface Draft {
  kind: ItemKind;
  id: string;
  title: string;
  unitAmount: number;
  listAmount: number;
  /** How many courses the line holds (1 for a course). */
  courses: number;
  rule: PricingRule | null;
  ruleDiscount: number;
  couponDiscount: number;
}

/** The snapshot's ids are lower-case, as PostgreSQL writes UUIDs; items are lower-cased to match. */
function indexById<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) map.set(row.id, row);
  return map;
}

/** Prices `input` against `catalog` at `now`, or throws a PricingError saying why it cannot be sold. */
export function priceQuote(catalog: PricingCatalog, input: QuoteInput, now: Date): Quote {
  const seats = input.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1 || seats > MAX_SEATS) {
    throw new RangeError(`seats must be an integer 1..${MAX_SEATS}, got ${seats}`);
  }
  if (input.items.length === 0) throw new PricingError('empty_cart', 'add a course or a bundle first');

  const drafts = resolveItems(catalog, input, seats);
  const currency = drafts.currency;
  const lines = drafts.lines;

  applyRules(lines, catalog.rules, seats, drafts.courseItems);
  const coupon = applyCoupon(lines, catalog.coupon, input.couponCode, currency, now);

  const taxRate = catalog.taxRate;
  if (taxRate) assertBps(taxRate.rateBps, 'tax rate');
  let subtotal = 0;
  let discount = 0;
  let tax = 0;
  let total = 0;
  const out: QuoteLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const netAmount = l.listAmount - l.ruleDiscount - l.couponDiscount;
    const taxAmount = taxRate ? percentOf(netAmount, taxRate.rateBps) : 0;
    const totalAmount = netAmount + taxAmount;
    subtotal += l.listAmount;
    discount += l.ruleDiscount + l.couponDiscount;
    tax += taxAmount;
    total += totalAmount;
    out[i] = {
      kind: l.kind,
      id: l.id,
      title: l.title,
      seats,
      unitAmount: l.unitAmount,
      listAmount: l.listAmount,
      rule: l.rule ? { id: l.rule.id, label: describeRule(l.rule) } : null,
      ruleDiscount: l.ruleDiscount,
      couponDiscount: l.couponDiscount,
      netAmount,
      taxAmount,
      totalAmount,
    };
  }
  assertAmount(total, 'total');
  return {
    currency,
    lines: out,
    subtotal,
    discount,
    tax,
    total,
    coupon: coupon ? { code: coupon.code, label: coupon.label } : null,
    taxRate: taxRate
      ? { label: taxRate.label, rateBps: taxRate.rateBps, country: taxRate.country, region: taxRate.region }
      : null,
    savings: discount,
  };
}

/** Lines for the items, in their order: every item known, for sale, once, in one currency. */
function resolveItems(catalog: PricingCatalog, input: QuoteInput, seats: number) {
  const courses = indexById(catalog.courses);
  const bundles = indexById(catalog.bundles);
  const seenBundles = new Set<string>();
  /** Course id -> the item that brings it (a course line or a bundle). */
  const covered = new Map<string, string>();
  const order = { currency: '' };
  let courseItems = 0;
  const lines: Draft[] = [];

  const sameCurrency = (c: string, what: string) => {
    if (order.currency === '') order.currency = c;
    else if (c !== order.currency) {
      throw new PricingError(
        'currency_mismatch',
        `${what} is sold in ${c}, the rest of the order in ${order.currency}`,
      );
    }
  };
  const forSale = (course: CatalogCourse | undefined, id: string, via: CatalogBundle | null): CatalogCourse => {
    const details = () => (via ? { kind: 'bundle' as const, id: via.id } : { kind: 'course' as const, id });
    if (!course) throw new PricingError('unknown_item', `no course ${id}`, details());
    if (!course.published) throw new PricingError('not_for_sale', `"${course.title}" is not for sale`, details());
    assertAmount(course.priceAmount, 'course price');
    const by = covered.get(course.id);
    if (by !== undefined) {
      throw new PricingError(
        'duplicate_item',
        `"${course.title}" is in the order twice${via || by !== course.id ? ' (a bundle holds it)' : ''}`,
        details(),
      );
    }
    covered.set(course.id, via ? via.id : course.id);
    return course;
  };

  for (const item of input.items) {
    const id = item.id.toLowerCase();
    if (item.kind === 'course') {
      // A course twice, or in a chosen bundle too, is caught by `covered`.
      const course = forSale(courses.get(id), item.id, null);
      sameCurrency(course.currency, `"${course.title}"`);
      courseItems++;
      lines.push(draft('course', course.id, course.title, course.priceAmount, 1, seats));
      continue;
    }
    const details = { kind: item.kind, id: item.id };
    if (seenBundles.has(id)) throw new PricingError('duplicate_item', 'the bundle is in the order twice', details);
    seenBundles.add(id);
    const bundle = bundles.get(id);
    if (!bundle) throw new PricingError('unknown_item', `no bundle ${item.id}`, details);
    if (!bundle.published || bundle.courseIds.length === 0) {
      throw new PricingError('not_for_sale', `"${bundle.title}" is not for sale`, details);
    }
    sameCurrency(bundle.currency, `"${bundle.title}"`);
    let unit = 0;
    for (const courseId of bundle.courseIds) {
      const course = forSale(courses.get(courseId), courseId, bundle);
      if (course.currency !== bundle.currency) {
        throw new PricingError('currency_mismatch', `"${course.title}" is not priced in ${bundle.currency}`, details);
      }
      unit += course.priceAmount;
    }
    lines.push(draft('bundle', bundle.id, bundle.title, unit, bundle.courseIds.length, seats));
  }
  return { lines, currency: order.currency, courseItems };
}

function draft(kind: ItemKind, id: string, title: string, unit: number, courses: number, seats: number): Draft {
  const listAmount = unit * seats;
  assertAmount(listAmount, 'line amount');
  return {
    kind,
    id,
    title,
    unitAmount: unit,
    listAmount,
    courses,
    rule: null,
    ruleDiscount: 0,
    couponDiscount: 0,
  };
}

/** Step 2: the best single qualifying rule per line. */
function applyRules(lines: Draft[], rules: readonly PricingRule[], seats: number, courseItems: number) {
  const byBundle = new Map<string, PricingRule[]>();
  const cart: PricingRule[] = [];
  const seat: PricingRule[] = [];
  for (const rule of rules) {
    assertBps(rule.percentBps, 'rule rate');
    if (rule.scope === 'seats') {
      if (seats >= rule.minQuantity) seat.push(rule);
    } else if (rule.scope === 'cart') {
      if (courseItems >= rule.minQuantity) cart.push(rule);
    } else if (rule.bundleId) {
      const list = byBundle.get(rule.bundleId);
      if (list) list.push(rule);
      else byBundle.set(rule.bundleId, [rule]);
    }
  }
  for (const line of lines) {
    const own = line.kind === 'course' ? cart : (byBundle.get(line.id) ?? []);
    const best = bestRule(
      line.listAmount,
      [...own, ...seat],
      (r) => r.scope !== 'bundle' || line.courses >= r.minQuantity,
    );
    if (best) {
      line.rule = best.rule;
      line.ruleDiscount = best.discount;
    }
  }
}

/** Step 3: the coupon, checked (or refused with its reason) and applied to the lines in its scope. */
function applyCoupon(
  lines: Draft[],
  coupon: CatalogCoupon | null,
  code: string | null | undefined,
  currency: string,
  now: Date,
): CatalogCoupon | null {
  const wanted = code?.trim().toUpperCase();
  if (!wanted) return null;
  const refuse = (why: string) => new PricingError('coupon_invalid', why, { code: wanted });
  if (!coupon || coupon.code.toUpperCase() !== wanted) throw refuse(`there is no coupon ${wanted}`);
  if (!coupon.active) throw refuse(`the coupon ${wanted} is no longer valid`);
  const t = now.getTime();
  if (coupon.startsAt !== null && t < Date.parse(coupon.startsAt)) {
    throw new PricingError('coupon_expired', `the coupon ${wanted} is not valid yet`, { code: wanted });
  }
  if (coupon.expiresAt !== null && t >= Date.parse(coupon.expiresAt)) {
    throw new PricingError('coupon_expired', `the coupon ${wanted} has expired`, { code: wanted });
  }
  if (coupon.maxRedemptions !== null && coupon.used >= coupon.maxRedemptions) {
    throw new PricingError('coupon_exhausted', `the coupon ${wanted} has been used up`, { code: wanted });
  }
  if (coupon.perUserLimit !== null && coupon.usedByBuyer >= coupon.perUserLimit) {
    throw refuse(`you have already used the coupon ${wanted}`);
  }
  if (coupon.currency !== null && coupon.currency !== currency) {
    throw refuse(`the coupon ${wanted} is for orders in ${coupon.currency}`);
  }
  const target = coupon.scope === 'course' ? coupon.courseId : coupon.scope === 'bundle' ? coupon.bundleId : null;
  const targetId = target?.toLowerCase();
  const eligible: Draft[] = [];
  let subtotal = 0;
  for (const line of lines) {
    subtotal += line.listAmount;
    if (coupon.scope === 'all' || (line.kind === coupon.scope && line.id === targetId)) {
      eligible.push(line);
    }
  }
  if (eligible.length === 0) throw refuse(`the coupon ${wanted} does not apply to these items`);
  if (subtotal < coupon.minSubtotal) throw refuse(`the coupon ${wanted} needs a larger order`);

  if (coupon.kind === 'percent') {
    const bps = coupon.percentBps ?? Number.NaN;
    assertBps(bps, 'coupon rate');
    for (const line of eligible) line.couponDiscount = percentOf(line.listAmount - line.ruleDiscount, bps);
    return coupon;
  }
  const off = coupon.amountOff ?? Number.NaN;
  assertAmount(off, 'coupon amount');
  // Lines in a fixed order (kind, id), so the split does not depend on the order of the items.
  eligible.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  const weights = eligible.map((l) => l.listAmount - l.ruleDiscount);
  let room = 0;
  for (const w of weights) room += w;
  const parts = allocate(Math.min(off, room), weights);
  for (let i = 0; i < eligible.length; i++) eligible[i]!.couponDiscount = parts[i]!;
  return coupon;
}
