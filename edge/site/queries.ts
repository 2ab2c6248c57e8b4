import type { AdminSiteHome, LegalPage, LegalSlug, SiteHome, SiteHomeInput } from '../api-types.ts';
import { CARD_COLUMNS, CARD_JOINS, type CardRow, iso, toCard } from '../catalog/rows.ts';
import { pricedBundles } from '../commerce/bundles/queries.ts';
import type { Testimonial } from '../contract/site.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';

/**
 * Site content's reads and writes (migration 20261128000400), all as the caller under RLS: anyone
 * reads the homepage record and the published legal pages; only admins write (the database
 * audits each change).
 */

interface HomeRow {
  hero_title: string;
  hero_text: string;
  cta_label: string;
  cta_href: string;
  featured_course_ids: string[];
  featured_bundle_ids: string[];
  testimonials: Testimonial[];
  updated_at: unknown;
}

async function homeRow(sql: Sql): Promise<HomeRow> {
  const [row] = await sql.query<HomeRow>(
    `select hero_title, hero_text, cta_label, cta_href, featured_course_ids::text[] as featured_course_ids,
            featured_bundle_ids::text[] as featured_bundle_ids, testimonials, updated_at
     from public.site_home where id`,
  );
  if (!row) throw notFound('homepage record');
  return row;
}

const hero = (r: HomeRow) => ({ title: r.hero_title, text: r.hero_text, ctaLabel: r.cta_label, ctaHref: r.cta_href });

/** The published courses among `ids`, as catalog cards, in the order of `ids`. */
async function courseCards(sql: Sql, ids: string[], now: Date) {
  if (ids.length === 0) return [];
  const rows = await sql.query<CardRow>(
    `select ${CARD_COLUMNS} from public.courses c ${CARD_JOINS}
     where c.id = any($1::uuid[]) and c.status = 'published'
     order by array_position($1::uuid[], c.id)`,
    [ids],
  );
  return rows.map((r) => toCard(r, now));
}

/** GET /api/site/home. Featured items no longer on sale are left out. */
export async function siteHome(sql: Sql, now: Date): Promise<SiteHome> {
  const r = await homeRow(sql);
  const bundleIds = r.featured_bundle_ids.map((i) => i.toLowerCase());
  const bundles =
    bundleIds.length === 0
      ? []
      : (await pricedBundles(sql, {}))
          .map((p) => p.card)
          .filter((c) => bundleIds.includes(c.id))
          .sort((a, b) => bundleIds.indexOf(a.id) - bundleIds.indexOf(b.id));
  return {
    hero: hero(r),
    featuredCourses: await courseCards(sql, r.featured_course_ids, now),
    featuredBundles: bundles,
    testimonials: r.testimonials.map((t, i) => ({ quote: t.quote, name: t.name, role: t.role, position: i + 1 })),
  };
}

const toAdminHome = (r: HomeRow): AdminSiteHome => ({
  hero: hero(r),
  featuredCourseIds: r.featured_course_ids,
  featuredBundleIds: r.featured_bundle_ids,
  testimonials: r.testimonials.map((t) => ({ quote: t.quote, name: t.name, role: t.role })),
  updatedAt: iso(r.updated_at)!,
});

/** Refuses unless the caller is an admin (the writes after it run under RLS all the same). */
export async function requireSiteAdmin(sql: Sql, userId: string): Promise<void> {
  const [row] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
    userId,
  ]);
  if (row?.role !== 'admin') throw forbidden('only admins manage the site content');
}

export async function adminHome(sql: Sql): Promise<AdminSiteHome> {
  return toAdminHome(await homeRow(sql));
}

/** The first id of `ids` that is not a published row of `table`, or null. */
async function firstUnpublished(sql: Sql, table: 'courses' | 'bundles', ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const rows = await sql.query<{ id: string }>(
    `select id from public.${table} where id = any($1::uuid[]) and status = 'published'`,
    [ids],
  );
  const ok = new Set(rows.map((r) => r.id.toLowerCase()));
  return ids.find((i) => !ok.has(i.toLowerCase())) ?? null;
}

/** PUT /api/admin/site/home: featured ids must be published (422 naming the first that is not). */
export async function saveHome(sql: Sql, input: SiteHomeInput): Promise<AdminSiteHome> {
  const course = await firstUnpublished(sql, 'courses', input.featuredCourseIds);
  if (course) {
    throw new AppError(422, 'course_not_published', `course ${course} is not a published course`, { id: course });
  }
  const bundle = await firstUnpublished(sql, 'bundles', input.featuredBundleIds);
  if (bundle) {
    throw new AppError(422, 'bundle_not_published', `bundle ${bundle} is not a published bundle`, { id: bundle });
  }
  const rows = await sql.query(
    `update public.site_home set hero_title = $1, hero_text = $2, cta_label = $3, cta_href = $4,
       featured_course_ids = $5::uuid[], featured_bundle_ids = $6::uuid[], testimonials = $7::jsonb
     where id returning id`,
    [
      input.hero.title,
      input.hero.text,
      input.hero.ctaLabel,
      input.hero.ctaHref,
      input.featuredCourseIds.map((i) => i.toLowerCase()),
      input.featuredBundleIds.map((i) => i.toLowerCase()),
      JSON.stringify(input.testimonials),
    ],
  );
  if (rows.length === 0) throw notFound('homepage record');
  return adminHome(sql);
}

interface LegalRow {
  slug: LegalSlug;
  title: string;
  body: string;
  published: boolean;
  updated_at: unknown;
}

const toLegal = (r: LegalRow): LegalPage => ({
  slug: r.slug,
  title: r.title,
  body: r.body,
  published: r.published,
  updatedAt: iso(r.updated_at)!,
});

const LEGAL = 'select slug, title, body, published, updated_at from public.legal_pages';

/** GET /api/site/legal/:slug: a published page (drafts are 404 for everyone here, admins included). */
export async function legalPage(sql: Sql, slug: LegalSlug): Promise<LegalPage> {
  const [row] = await sql.query<LegalRow>(`${LEGAL} where slug = $1 and published`, [slug]);
  if (!row) throw notFound('page');
  return toLegal(row);
}

/** GET /api/admin/site/legal: every legal page, drafts too. */
export async function adminLegalPages(sql: Sql): Promise<LegalPage[]> {
  const rows = await sql.query<LegalRow>(`${LEGAL} order by slug`);
  return rows.map(toLegal);
}

/** PUT /api/admin/site/legal/:slug: creates or replaces the page. */
export async function saveLegalPage(
  sql: Sql,
  slug: LegalSlug,
  input: { title: string; body: string; published: boolean },
): Promise<LegalPage> {
  const [row] = await sql.query<LegalRow>(
    `insert into public.legal_pages (slug, title, body, published) values ($1, $2, $3, $4)
     on conflict (slug) do update set title = excluded.title, body = excluded.body, published = excluded.published
     returning slug, title, body, published, updated_at`,
    [slug, input.title, input.body, input.published],
  );
  return toLegal(row!);
}
