import type { CourseReviews, Review, TeachReview, TeachReviewList } from '../api-types.ts';
import { iso } from '../catalog/rows.ts';
import { REVIEW_PAGE_SIZE } from '../contract/reviews.ts';
import type { Sql } from '../db/port.ts';

/**
 * Reviews, read and written as the caller: RLS decides what they see (anon: the non-hidden
 * reviews of published courses; authors their own; course managers and admins all of them)
 * and what they may change (the author rating and comment, the course's instructor the reply,
 * admins is_hidden; the column guard trigger holds each to their columns).
 */

interface ReviewRow {
  id: string;
  user_id: string;
  rating: number;
  comment: string;
  author_name: string;
  instructor_reply: string | null;
  replied_at: unknown;
  is_hidden: boolean;
  created_at: unknown;
  updated_at: unknown;
}

const REVIEW_COLUMNS = `r.id, r.user_id, r.rating, r.comment, r.author_name, r.instructor_reply, r.replied_at,
  r.is_hidden, r.created_at, r.updated_at`;

function toReview(r: ReviewRow, userId: string | null): Review {
  return {
    id: r.id,
    rating: Number(r.rating),
    comment: r.comment,
    author: r.author_name?.trim() || 'A learner',
    mine: userId !== null && r.user_id === userId,
    reply: r.instructor_reply,
    repliedAt: iso(r.replied_at),
    hidden: Boolean(r.is_hidden),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export async function courseIdBySlug(sql: Sql, slug: string): Promise<string | null> {
  const [c] = await sql.query<{ id: string }>('select id from public.courses where slug = $1', [slug]);
  return c?.id ?? null;
}

async function isAdmin(sql: Sql, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [p] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
    userId,
  ]);
  return p?.role === 'admin';
}

/** The course's rating (kept by the database) and one page of the reviews the caller may see. */
export async function courseReviews(
  sql: Sql,
  slug: string,
  userId: string | null,
  page: number,
): Promise<CourseReviews | null> {
  const [course] = await sql.query<{
    id: string;
    rating_average: number;
    rating_count: number;
    rating_distribution: number[] | null;
  }>(
    `select id, rating_average::float8 as rating_average, rating_count, rating_distribution
     from public.courses where slug = $1`,
    [slug],
  );
  if (!course) return null;
  const [{ total }] = (await sql.query<{ total: number }>(
    'select count(*)::int as total from public.reviews r where r.course_id = $1',
    [course.id],
  )) as [{ total: number }];
  const rows = await sql.query<ReviewRow>(
    `select ${REVIEW_COLUMNS} from public.reviews r where r.course_id = $1
     order by r.created_at desc, r.id desc limit $2 offset $3`,
    [course.id, REVIEW_PAGE_SIZE, (page - 1) * REVIEW_PAGE_SIZE],
  );
  let mine: Review | null = null;
  let canReview = false;
  if (userId) {
    const [own] = await sql.query<ReviewRow>(
      `select ${REVIEW_COLUMNS} from public.reviews r where r.course_id = $1 and r.user_id = $2`,
      [course.id, userId],
    );
    mine = own ? toReview(own, userId) : null;
    const [enrolled] = await sql.query<{ ok: boolean }>(
      `select exists (select 1 from public.enrollments e
                      where e.course_id = $1 and e.user_id = $2 and e.status <> 'cancelled') as ok`,
      [course.id, userId],
    );
    canReview = Boolean(enrolled?.ok);
  }
  const dist = Array.isArray(course.rating_distribution) ? course.rating_distribution.map(Number) : [];
  return {
    average: Math.max(0, Math.min(5, Number(course.rating_average) || 0)),
    count: Number(course.rating_count) || 0,
    distribution: [0, 1, 2, 3, 4].map((i) => Math.max(0, dist[i] ?? 0)),
    items: rows.map((r) => toReview(r, userId)),
    page,
    pageCount: Math.ceil(total / REVIEW_PAGE_SIZE),
    mine,
    canReview,
    canHide: await isAdmin(sql, userId),
  };
}

/** Writes or changes the caller's review; 'not-enrolled' for anyone without an active enrollment. */
export async function saveReview(
  sql: Sql,
  courseId: string,
  userId: string,
  rating: number,
  comment: string,
): Promise<Review | 'not-enrolled'> {
  const [enrolled] = await sql.query<{ ok: boolean }>(
    `select exists (select 1 from public.enrollments e
                    where e.course_id = $1 and e.user_id = $2 and e.status <> 'cancelled') as ok`,
    [courseId, userId],
  );
  if (!enrolled?.ok) return 'not-enrolled';
  const [updated] = await sql.query<ReviewRow>(
    `update public.reviews r set rating = $3, comment = $4
     where r.course_id = $1 and r.user_id = $2
     returning ${REVIEW_COLUMNS}`,
    [courseId, userId, rating, comment],
  );
  if (updated) return toReview(updated, userId);
  const [inserted] = await sql.query<ReviewRow>(
    `insert into public.reviews as r (course_id, user_id, rating, comment) values ($1, $2, $3, $4)
     returning ${REVIEW_COLUMNS}`,
    [courseId, userId, rating, comment],
  );
  return toReview(inserted!, userId);
}

export async function deleteReview(sql: Sql, courseId: string, userId: string): Promise<boolean> {
  const rows = await sql.query('delete from public.reviews where course_id = $1 and user_id = $2 returning id', [
    courseId,
    userId,
  ]);
  return rows.length > 0;
}

/** The instructor's reply ('' removes it). 'not-found' when the caller cannot see it, 'refused' when they may not reply. */
export async function replyToReview(
  sql: Sql,
  reviewId: string,
  userId: string,
  reply: string,
): Promise<Review | 'not-found' | 'refused'> {
  const [visible] = await sql.query<{ id: string }>('select id from public.reviews where id = $1', [reviewId]);
  if (!visible) return 'not-found';
  // Only the course's own instructor replies (admins moderate, they do not answer for the instructor).
  const [owner] = await sql.query<{ ok: boolean }>(
    `select exists (select 1 from public.reviews r
                    join public.courses c on c.id = r.course_id
                    join public.instructors i on i.id = c.instructor_id
                    where r.id = $1 and i.user_id = $2) as ok`,
    [reviewId, userId],
  );
  if (!owner?.ok) return 'refused';
  const [row] = await sql.query<ReviewRow>(
    `update public.reviews r set instructor_reply = $2 where r.id = $1 returning ${REVIEW_COLUMNS}`,
    [reviewId, reply.trim() ? reply : null],
  );
  return row ? toReview(row, userId) : 'refused';
}

/** Admins hide and show reviews. */
export async function hideReview(
  sql: Sql,
  reviewId: string,
  userId: string,
  hidden: boolean,
): Promise<Review | 'not-found' | 'not-admin'> {
  if (!(await isAdmin(sql, userId))) return 'not-admin';
  const [row] = await sql.query<ReviewRow>(
    `update public.reviews r set is_hidden = $2 where r.id = $1 returning ${REVIEW_COLUMNS}`,
    [reviewId, hidden],
  );
  return row ? toReview(row, userId) : 'not-found';
}

/** Reviews of the courses the caller teaches (admins: every course), newest first. */
export async function teachReviews(
  sql: Sql,
  userId: string,
  admin: boolean,
  opts: { page: number; filter: 'all' | 'unreplied'; course?: string },
): Promise<TeachReviewList> {
  // $1 the caller, $2 admin, $3 a course or null: the reviews of courses they teach.
  const scope = `from public.reviews r join public.courses c on c.id = r.course_id
    where ($2 or c.instructor_id in (select i.id from public.instructors i where i.user_id = $1))
      and ($3::uuid is null or r.course_id = $3::uuid)`;
  const args = [userId, admin, opts.course ?? null];
  const [counts] = await sql.query<{ total: number; unreplied: number }>(
    `select count(*)::int as total, (count(*) filter (where r.instructor_reply is null))::int as unreplied ${scope}`,
    args,
  );
  const rows = await sql.query<ReviewRow & { course_id: string; slug: string; title: string }>(
    `select ${REVIEW_COLUMNS}, c.id as course_id, c.slug, c.title ${scope}
       and ($4 = 'all' or r.instructor_reply is null)
     order by r.created_at desc, r.id desc limit $5 offset $6`,
    [...args, opts.filter, REVIEW_PAGE_SIZE, (opts.page - 1) * REVIEW_PAGE_SIZE],
  );
  const total = opts.filter === 'all' ? (counts?.total ?? 0) : (counts?.unreplied ?? 0);
  const items: TeachReview[] = rows.map((r) => ({
    ...toReview(r, userId),
    course: { id: r.course_id, slug: r.slug, title: r.title },
  }));
  return { items, page: opts.page, pageCount: Math.ceil(total / REVIEW_PAGE_SIZE), unreplied: counts?.unreplied ?? 0 };
}
