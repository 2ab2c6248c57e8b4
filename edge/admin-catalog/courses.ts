import {
  ADMIN_CATALOG_LIMITS,
  type AdminCourseList,
  type AdminCourseQuery,
  type AdminCourseSort,
  type CourseStatusAction,
  type CourseStatusResult,
  type FeatureCoursesResult,
} from '../contract/admin-catalog.ts';
import type { CourseStatus } from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';

/**
 * The admin's courses screen, read as the caller (admins read every course under RLS) and changed
 * through the definer functions of migration 20261129000400, which audit each change.
 */

const iso = (t: unknown) => new Date(t as string).toISOString();
const isoOrNull = (t: unknown) => (t == null ? null : iso(t));

/** `%term%` for ILIKE, with the pattern characters escaped. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const ORDER: Record<AdminCourseSort, string> = {
  updated: 'c.updated_at desc, c.id',
  newest: 'c.created_at desc, c.id',
  title: 'lower(c.title), c.id',
  enrollments: 'c.enrollment_count desc, c.id',
  rating: 'c.rating_average desc, c.rating_count desc, c.id',
};

interface CourseRow {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  instructor_id: string;
  display_name: string | null;
  category_id: string | null;
  category_name: string | null;
  tags: string[];
  enrollment_count: number;
  rating_average: number;
  rating_count: number;
  featured: boolean;
  price_amount: number;
  price_currency: string;
  published_at: unknown;
  updated_at: unknown;
  total: number;
}

export async function listCourses(sql: Sql, query: AdminCourseQuery): Promise<AdminCourseList> {
  const pageSize = ADMIN_CATALOG_LIMITS.pageSize;
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.q)
    add((n) => `(c.title ilike ${n} or c.slug ilike ${n} or i.display_name ilike ${n})`, likePattern(query.q));
  if (query.status) add((n) => `c.status = ${n}::public.course_status`, query.status);
  if (query.category) add((n) => `c.category_id = ${n}::uuid`, query.category);
  if (query.instructor) add((n) => `c.instructor_id = ${n}::uuid`, query.instructor);
  if (query.featured !== undefined) add((n) => `(c.id = any(h.featured_course_ids)) = ${n}::boolean`, query.featured);
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  params.push(pageSize, (query.page - 1) * pageSize);
  const rows = await sql.query<CourseRow>(
    `select c.id, c.slug, c.title, c.status::text as status, c.instructor_id, i.display_name,
            c.category_id, cat.name as category_name, c.tags, c.enrollment_count,
            c.rating_average::float8 as rating_average, c.rating_count,
            coalesce(c.id = any(h.featured_course_ids), false) as featured,
            c.price_amount, c.price_currency::text as price_currency, c.published_at, c.updated_at,
            (count(*) over ())::int as total
       from public.courses c
       left join public.instructors i on i.id = c.instructor_id
       left join public.categories cat on cat.id = c.category_id
       left join public.site_home h on h.id
       ${filter}
      order by ${ORDER[query.sort]}
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [n] = await sql.query<{ n: number }>(
      `select count(*)::int as n from public.courses c
         left join public.instructors i on i.id = c.instructor_id
         left join public.site_home h on h.id ${filter}`,
      params.slice(0, -2),
    );
    total = n?.n ?? 0;
  }
  const [meta] = await sql.query<{ pending: number; featured: number }>(
    `select (select count(*)::int from public.courses where status = 'pending_review') as pending,
            coalesce((select cardinality(featured_course_ids) from public.site_home where id), 0) as featured`,
  );
  const instructors = await sql.query<{ id: string; display_name: string }>(
    `select i.id, i.display_name from public.instructors i
      where exists (select 1 from public.courses c where c.instructor_id = i.id)
      order by lower(i.display_name), i.id limit 500`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      instructor: { id: r.instructor_id, displayName: r.display_name ?? '' },
      category: r.category_id ? { id: r.category_id, name: r.category_name ?? '' } : null,
      tags: r.tags,
      enrollments: r.enrollment_count,
      ratingAverage: Number(r.rating_average),
      ratingCount: r.rating_count,
      featured: r.featured,
      priceAmount: r.price_amount,
      priceCurrency: r.price_currency,
      publishedAt: isoOrNull(r.published_at),
      updatedAt: iso(r.updated_at),
    })),
    page: query.page,
    pageSize,
    total,
    pendingReview: meta?.pending ?? 0,
    featuredCount: meta?.featured ?? 0,
    featuredLimit: ADMIN_CATALOG_LIMITS.featured,
    instructors: instructors.map((i) => ({ id: i.id, displayName: i.display_name })),
  };
}

export async function featureCourses(sql: Sql, ids: string[], featured: boolean): Promise<FeatureCoursesResult> {
  const [row] = await sql.query<{ ids: string[] }>(
    'select public.admin_feature_courses($1::uuid[], $2)::text[] as ids',
    [ids.map((i) => i.toLowerCase()), featured],
  );
  return { featuredCourseIds: row!.ids };
}

export async function setCourseStatus(
  sql: Sql,
  ids: string[],
  action: CourseStatusAction,
  reason: string,
): Promise<CourseStatusResult> {
  const rows = await sql.query<{ id: string; slug: string; title: string; status: CourseStatus }>(
    'select id, slug, title, status::text as status from public.admin_set_course_status($1::uuid[], $2, $3)',
    [ids.map((i) => i.toLowerCase()), action, reason],
  );
  return { items: rows };
}
