import { iso } from '../../catalog/rows.ts';
import type { BundleInput } from '../../contract/checkout.ts';
import type { AdminBundle } from '../../contract/commerce-admin.ts';
import { ADMIN_LIMITS } from '../../contract/commerce-admin.ts';
import type { Sql } from '../../db/port.ts';
import { describeRules } from '../../pricing/rules-text.ts';
import { unprocessable } from './errors.ts';

interface BundleRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  image_url: string | null;
  category_id: string | null;
  status: AdminBundle['status'];
  currency: string;
  created_at: unknown;
  updated_at: unknown;
  courses: AdminBundle['courses'];
  rules: AdminBundle['rules'];
}

const SELECT = `
  select b.id, b.slug, b.title, b.description, b.image_url, b.category_id, b.status, b.currency::text as currency,
         b.created_at, b.updated_at,
         coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'slug', c.slug, 'title', c.title,
                                                       'priceAmount', c.price_amount, 'currency', c.price_currency)
                                    order by bc.position, c.title)
                   from public.bundle_courses bc join public.courses c on c.id = bc.course_id
                   where bc.bundle_id = b.id), '[]'::jsonb) as courses,
         coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'minQuantity', r.min_quantity,
                                                       'percentBps', r.percent_bps, 'active', r.active)
                                    order by r.min_quantity, r.id)
                   from public.pricing_rules r
                   where r.bundle_id = b.id and r.scope = 'bundle'), '[]'::jsonb) as rules
  from public.bundles b`;

function toBundle(r: BundleRow): AdminBundle {
  const active = r.rules.filter((rule) => rule.active);
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    imageUrl: r.image_url,
    categoryId: r.category_id,
    status: r.status,
    currency: r.currency,
    courses: r.courses,
    rules: r.rules,
    rulesText: active.length ? describeRules(active.map((rule) => ({ ...rule, scope: 'bundle' as const }))) : null,
    listTotal: r.courses.reduce((sum, c) => sum + c.priceAmount, 0),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/** Every bundle, drafts and archived ones included (admins read all), newest first. */
export async function listBundles(sql: Sql): Promise<AdminBundle[]> {
  const rows = await sql.query<BundleRow>(`${SELECT} order by b.created_at desc, b.id limit ${ADMIN_LIMITS.list}`);
  return rows.map(toBundle);
}

export async function getBundle(sql: Sql, id: string): Promise<AdminBundle | null> {
  const [row] = await sql.query<BundleRow>(`${SELECT} where b.id = $1`, [id]);
  return row ? toBundle(row) : null;
}

/** A bundle as the body that would create it (the base a PATCH is merged onto). */
export function bundleAsInput(b: AdminBundle): BundleInput {
  return {
    title: b.title,
    slug: b.slug,
    description: b.description,
    imageUrl: b.imageUrl,
    categoryId: b.categoryId,
    status: b.status,
    courseIds: b.courses.map((c) => c.id),
    rules: b.rules.map((r) => ({ minQuantity: r.minQuantity, percentBps: r.percentBps })),
  };
}

/**
 * The currency a bundle of these courses takes: every course must exist and all must share one
 * currency (422 unknown_course, currency_mismatch, with the path of the course at fault).
 */
export async function bundleCurrency(sql: Sql, courseIds: string[]): Promise<string> {
  const rows = await sql.query<{ id: string; currency: string }>(
    'select id, price_currency::text as currency from public.courses where id = any($1::uuid[])',
    [courseIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r.currency]));
  const missing = courseIds.findIndex((id) => !byId.has(id.toLowerCase()));
  if (missing >= 0) throw unprocessable('unknown_course', 'no such course', `courseIds.${missing}`);
  const first = byId.get(courseIds[0]!.toLowerCase())!;
  const other = courseIds.findIndex((id) => byId.get(id.toLowerCase()) !== first);
  if (other >= 0) {
    throw unprocessable(
      'currency_mismatch',
      `the courses of a bundle share one currency: this one is priced in ${byId.get(courseIds[other]!.toLowerCase())}, the first in ${first}`,
      `courseIds.${other}`,
    );
  }
  return first;
}

/** Every category, for a bundle's category (the public list names them by slug only). */
export async function listCategories(sql: Sql): Promise<{ id: string; slug: string; name: string }[]> {
  return sql.query('select id, slug, name from public.categories order by position, name, id');
}

/** 422 unknown_category unless the category exists. */
export async function checkCategory(sql: Sql, categoryId: string | null): Promise<void> {
  if (categoryId === null) return;
  const [row] = await sql.query('select 1 from public.categories where id = $1', [categoryId]);
  if (!row) throw unprocessable('unknown_category', 'no such category', 'categoryId');
}

export async function insertBundle(sql: Sql, b: BundleInput, currency: string): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.bundles (slug, title, description, image_url, category_id, status, currency)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [b.slug, b.title, b.description, b.imageUrl, b.categoryId, b.status, currency],
  );
  return row!.id;
}

export async function updateBundle(sql: Sql, id: string, b: BundleInput, currency: string): Promise<void> {
  await sql.query(
    `update public.bundles set slug = $2, title = $3, description = $4, image_url = $5, category_id = $6,
            status = $7, currency = $8
     where id = $1`,
    [id, b.slug, b.title, b.description, b.imageUrl, b.categoryId, b.status, currency],
  );
}

/** The bundle's courses become `courseIds`, in that order. */
export async function replaceBundleCourses(sql: Sql, id: string, courseIds: string[]): Promise<void> {
  await sql.query('delete from public.bundle_courses where bundle_id = $1', [id]);
  await sql.query(
    `insert into public.bundle_courses (bundle_id, course_id, position)
     select $1, c.id, c.position::int from unnest($2::uuid[]) with ordinality as c(id, position)`,
    [id, courseIds],
  );
}

/** The bundle's tiers (its 'bundle' pricing rules) become `rules`, all active. */
export async function replaceBundleRules(sql: Sql, id: string, rules: BundleInput['rules']): Promise<void> {
  await sql.query(`delete from public.pricing_rules where bundle_id = $1 and scope = 'bundle'`, [id]);
  if (!rules.length) return;
  await sql.query(
    `insert into public.pricing_rules (scope, bundle_id, min_quantity, percent_bps, active)
     select 'bundle', $1, r.min_quantity, r.percent_bps, true
     from unnest($2::int[], $3::int[]) as r(min_quantity, percent_bps)`,
    [id, rules.map((r) => r.minQuantity), rules.map((r) => r.percentBps)],
  );
}

/** Deletes a bundle; false when there was none. */
export async function deleteBundle(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query('delete from public.bundles where id = $1 returning id', [id]);
  return rows.length > 0;
}
