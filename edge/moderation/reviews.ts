import { likePattern } from '../admin-catalog/courses.ts';
import {
  type AdminReviewList,
  type AdminReviewQuery,
  MODERATION_LIMITS,
  type ReviewVisibilityResult,
} from '../contract/moderation.ts';
import type { Sql } from '../db/port.ts';

/**
 * Every review on the platform, for admins, read as the caller (admins read all reviews under RLS).
 * Hiding and restoring goes through the reviews' is_hidden column, which only an admin may change
 * in a request and whose trigger writes the audit log (migration 20261128000100).
 */

const iso = (t: unknown) => new Date(t as string).toISOString();

interface ReviewRow {
  id: string;
  course_id: string;
  slug: string;
  title: string;
  rating: number;
  comment: string;
  author_name: string;
  is_hidden: boolean;
  hidden_at: unknown;
  created_at: unknown;
  open_reports: number;
  total: number;
}

const OPEN_REPORTS = `(select count(*)::int from public.content_reports x
   where x.target_type = 'review' and x.target_id = r.id and x.status = 'open')`;

export async function listReviews(sql: Sql, query: AdminReviewQuery): Promise<AdminReviewList> {
  const pageSize = MODERATION_LIMITS.pageSize;
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (n: string) => string, value?: unknown) => {
    if (value === undefined) {
      where.push(clause(''));
      return;
    }
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.q)
    add((n) => `(r.comment ilike ${n} or r.author_name ilike ${n} or c.title ilike ${n})`, likePattern(query.q));
  if (query.course) add((n) => `r.course_id = ${n}::uuid`, query.course);
  if (query.status === 'visible') add(() => 'not r.is_hidden');
  if (query.status === 'hidden') add(() => 'r.is_hidden');
  if (query.status === 'reported') add(() => `${OPEN_REPORTS} > 0`);
  const filter = where.length ? `where ${where.join(' and ')}` : '';
  params.push(pageSize, (query.page - 1) * pageSize);
  const rows = await sql.query<ReviewRow>(
    `select r.id, r.course_id, c.slug, c.title, r.rating, r.comment, r.author_name, r.is_hidden, r.hidden_at,
            r.created_at, ${OPEN_REPORTS} as open_reports, (count(*) over ())::int as total
       from public.reviews r join public.courses c on c.id = r.course_id
       ${filter}
      order by r.created_at desc, r.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [n] = await sql.query<{ n: number }>(
      `select count(*)::int as n from public.reviews r join public.courses c on c.id = r.course_id ${filter}`,
      params.slice(0, -2),
    );
    total = n?.n ?? 0;
  }
  const courses = await sql.query<{ id: string; title: string }>(
    `select c.id, c.title from public.courses c
      where exists (select 1 from public.reviews r where r.course_id = c.id)
      order by lower(c.title), c.id limit 500`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      course: { id: r.course_id, slug: r.slug, title: r.title },
      rating: r.rating,
      comment: r.comment,
      author: r.author_name,
      hidden: r.is_hidden,
      hiddenAt: r.hidden_at == null ? null : iso(r.hidden_at),
      openReports: r.open_reports,
      createdAt: iso(r.created_at),
    })),
    page: query.page,
    pageSize,
    total,
    courses,
  };
}

/** Hides or restores reviews; each review whose visibility changes is audited by its trigger. */
export async function setReviewsHidden(sql: Sql, ids: string[], hidden: boolean): Promise<ReviewVisibilityResult> {
  const rows = await sql.query(
    'update public.reviews set is_hidden = $2 where id = any($1::uuid[]) and is_hidden <> $2 returning id',
    [ids.map((i) => i.toLowerCase()), hidden],
  );
  return { updated: rows.length };
}
