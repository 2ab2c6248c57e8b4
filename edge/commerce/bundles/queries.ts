import type { BundleCard, BundleDetail, CourseBundle, SeatTier } from '../../api-types.ts';
import { priceRange } from '../../catalog/filters.ts';
import { CARD_COLUMNS, CARD_JOINS, type CardRow, toCard } from '../../catalog/rows.ts';
import { BUNDLE_LIMITS, type BundleSearch } from '../../contract/bundles.ts';
import type { Sql } from '../../db/port.ts';
import { bestRule } from '../../pricing/best-rule.ts';
import { bundleOffer } from '../../pricing/offer.ts';
import { describeRule, describeRules, formatPercent } from '../../pricing/rules-text.ts';

/**
 * Bundles as their cards show them, read as the caller (RLS decides what exists for them) and
 * priced by edge/pricing's bundleOffer, the engine's own arithmetic: what a card says is what
 * a quote of that bundle charges. A bundle is on sale when it is published and every one of its
 * courses is readable, published and in the bundle's currency (else the engine refuses it).
 */

interface BundleRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  image_url: string | null;
  currency: string;
  category_slug: string | null;
  category_name: string | null;
  course_count: number;
  courses: { id: string; slug: string; title: string; priceAmount: number; currency: string; published: boolean }[];
  rules: { id: string; minQuantity: number; percentBps: number }[];
}

/** A bundle card with what else its rules say: the discount of its best rule. */
export interface PricedBundle {
  card: BundleCard;
  discountBps: number;
}

export interface BundleFilter {
  category?: string | undefined;
  q?: string | undefined;
  /** Only bundles holding this course. */
  courseId?: string | undefined;
  /** Only this bundle. */
  slug?: string | undefined;
}

/** `%q%` for ILIKE, with the pattern characters of q taken literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * $1 category slug, $2 ILIKE pattern (title, description or a course's title), $3 course id,
 * $4 bundle slug; each null for no filter. The courses and rules of each bundle come from one
 * index lookup each (bundle_courses' primary key, pricing_rules_bundle_idx) on the few bundles found.
 */
const BUNDLES_SQL = `
  select b.id, b.slug, b.title, b.description, b.image_url, b.currency::text as currency,
         cat.slug as category_slug, cat.name as category_name,
         (select count(*)::int from public.bundle_courses bc where bc.bundle_id = b.id) as course_count,
         coalesce((
           select jsonb_agg(jsonb_build_object(
                    'id', c.id, 'slug', c.slug, 'title', c.title, 'priceAmount', c.price_amount,
                    'currency', c.price_currency, 'published', c.status = 'published')
                  order by bc.position, c.title)
           from public.bundle_courses bc join public.courses c on c.id = bc.course_id
           where bc.bundle_id = b.id), '[]'::jsonb) as courses,
         coalesce((
           select jsonb_agg(jsonb_build_object('id', r.id, 'minQuantity', r.min_quantity, 'percentBps', r.percent_bps)
                  order by r.min_quantity, r.id)
           from public.pricing_rules r
           where r.bundle_id = b.id and r.scope = 'bundle' and r.active), '[]'::jsonb) as rules
  from public.bundles b
  left join public.categories cat on cat.id = b.category_id
  where b.status = 'published'
    and ($1::text is null or cat.slug = $1)
    and ($2::text is null or b.title ilike $2 or b.description ilike $2
         or exists (select 1 from public.bundle_courses bc join public.courses c on c.id = bc.course_id
                    where bc.bundle_id = b.id and c.title ilike $2))
    and ($3::uuid is null or exists (select 1 from public.bundle_courses bc where bc.bundle_id = b.id and bc.course_id = $3))
    and ($4::text is null or b.slug = $4)
  order by b.title, b.id
  limit ${BUNDLE_LIMITS.list}`;

/** The bundles on sale matching `filter`, priced, in title order. */
export async function pricedBundles(sql: Sql, filter: BundleFilter): Promise<PricedBundle[]> {
  const q = filter.q?.trim();
  const rows = await sql.query<BundleRow>(BUNDLES_SQL, [
    filter.category ?? null,
    q ? likePattern(q) : null,
    filter.courseId ?? null,
    filter.slug ?? null,
  ]);
  const out: PricedBundle[] = [];
  for (const row of rows) {
    const priced = price(row);
    if (priced) out.push(priced);
  }
  return out;
}

function price(row: BundleRow): PricedBundle | null {
  const courses = row.courses;
  const forSale =
    courses.length > 0 &&
    courses.length === Number(row.course_count) &&
    courses.every((c) => c.published && c.currency === row.currency);
  if (!forSale) return null;
  const prices = courses.map((c) => Number(c.priceAmount));
  const rules = row.rules.map((r) => ({
    id: r.id,
    scope: 'bundle' as const,
    minQuantity: Number(r.minQuantity),
    percentBps: Number(r.percentBps),
  }));
  const offer = bundleOffer(prices, rules);
  const best = bestRule(offer.listTotal, rules, (r) => prices.length >= r.minQuantity);
  return {
    discountBps: best?.rule.percentBps ?? 0,
    card: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      description: row.description,
      imageUrl: row.image_url,
      category: row.category_slug ? { slug: row.category_slug, name: row.category_name ?? row.category_slug } : null,
      courses: courses.map((c, i) => ({ id: c.id, slug: c.slug, title: c.title, priceAmount: prices[i]! })),
      currency: row.currency,
      ...offer,
    },
  };
}

/** GET /api/bundles: the cards, then the price band on the bundle price. */
export async function listBundles(sql: Sql, query: BundleSearch): Promise<BundleCard[]> {
  const [min, max] = priceRange(query.price);
  const priced = await pricedBundles(sql, { category: query.category, q: query.q });
  return priced
    .map((p) => p.card)
    .filter((c) => (min === null || c.bundlePrice >= min) && (max === null || c.bundlePrice <= max));
}

/** GET /api/bundles/:slug: the card and its courses' catalog cards, or null. */
export async function bundleBySlug(sql: Sql, slug: string, now: Date): Promise<BundleDetail | null> {
  const [priced] = await pricedBundles(sql, { slug });
  if (!priced) return null;
  const ids = priced.card.courses.map((c) => c.id);
  const rows = await sql.query<CardRow>(
    `select ${CARD_COLUMNS} from public.courses c ${CARD_JOINS} where c.id = any($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, toCard(r, now)]));
  return { ...priced.card, courseCards: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** GET /api/courses/:slug/bundles: the bundles on sale holding that course, or null when the caller cannot read the course. */
export async function bundlesOfCourse(sql: Sql, courseSlug: string): Promise<CourseBundle[] | null> {
  const [course] = await sql.query<{ id: string }>(
    "select c.id from public.courses c where c.slug = $1 and c.status = 'published'",
    [courseSlug],
  );
  if (!course) return null;
  const priced = await pricedBundles(sql, { courseId: course.id });
  return priced
    .map((p) => ({
      ...p.card,
      discountBps: p.discountBps,
      discountText: p.discountBps > 0 ? `Save ${formatPercent(p.discountBps)}` : null,
    }))
    .sort((a, b) => b.discountBps - a.discountBps || a.title.localeCompare(b.title));
}

/**
 * The active seat rules as tiers, by quantity. A tier no better than one of a smaller quantity
 * never applies (only the best rule does): it is left out, as describeRules leaves it out.
 */
export async function seatTiers(sql: Sql): Promise<{ items: SeatTier[]; text: string | null }> {
  const rows = await sql.query<{ id: string; min_quantity: number; percent_bps: number }>(
    `select r.id, r.min_quantity, r.percent_bps from public.pricing_rules r
     where r.scope = 'seats' and r.active
     order by r.min_quantity, r.percent_bps desc, r.id`,
  );
  const items: SeatTier[] = [];
  let best = 0;
  for (const r of rows) {
    const rule = { scope: 'seats' as const, minQuantity: Number(r.min_quantity), percentBps: Number(r.percent_bps) };
    if (rule.percentBps <= best) continue;
    best = rule.percentBps;
    items.push({ id: r.id, minQuantity: rule.minQuantity, percentBps: rule.percentBps, label: describeRule(rule) });
  }
  const words = items.map((t) => ({ scope: 'seats' as const, minQuantity: t.minQuantity, percentBps: t.percentBps }));
  return { items, text: items.length ? describeRules(words) : null };
}
