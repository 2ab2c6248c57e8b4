import {
  type CourseEarnings,
  type CourseStudentList,
  type StudentsQuery,
  type TeachingBundle,
  type TeachingOverview,
  teachingOverview,
} from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';
import { learnerNames } from '../learners/names.ts';

/** The dashboard's figures, a course's learners and its bundles: reads (and bundle tagging) as the caller. */

/** public.instructor_overview(): the caller's courses (an admin: every course). */
export async function overview(sql: Sql): Promise<TeachingOverview> {
  const [row] = await sql.query<{ o: Record<string, unknown> }>('select public.instructor_overview() as o');
  const o = row?.o ?? {};
  return teachingOverview.parse({
    students: Number(o.students ?? 0),
    courses: Number(o.courses ?? 0),
    averageRating: o.averageRating === null || o.averageRating === undefined ? null : Number(o.averageRating),
    ratingCount: Number(o.ratingCount ?? 0),
    reviewsLast30Days: Number(o.reviewsLast30Days ?? 0),
    earnings: ((o.earnings as Record<string, unknown>[] | null) ?? []).map((e) => ({
      currency: String(e.currency),
      grossMinor: Number(e.grossMinor ?? 0),
      refundedMinor: Number(e.refundedMinor ?? 0),
      netMinor: Number(e.netMinor ?? 0),
    })),
  });
}

/** public.instructor_earnings(), largest net first. */
export async function earnings(sql: Sql): Promise<CourseEarnings[]> {
  const rows = await sql.query<{
    course_id: string;
    course_title: string;
    currency: string;
    orders: number;
    gross_minor: string | number;
    refunded_minor: string | number;
    net_minor: string | number;
  }>(
    `select course_id, course_title, currency, orders, gross_minor, refunded_minor, net_minor
       from public.instructor_earnings()
      order by net_minor desc, course_title, currency`,
  );
  return rows.map((r) => ({
    courseId: r.course_id,
    courseTitle: r.course_title,
    currency: r.currency,
    orders: Number(r.orders),
    grossMinor: Number(r.gross_minor),
    refundedMinor: Number(r.refunded_minor),
    netMinor: Number(r.net_minor),
  }));
}

/**
 * A course's learners, latest activity first, named through public.learner_names (the
 * course's instructors and admins see names, never emails).
 */
export async function students(sql: Sql, courseId: string, q: StudentsQuery): Promise<CourseStudentList> {
  const rows = await sql.query<{
    id: string;
    user_id: string;
    status: 'active' | 'completed' | 'cancelled';
    progress_percentage: string | number;
    enrolled_at: Date | string;
    last_activity_at: Date | string | null;
    completed_at: Date | string | null;
    total: number;
  }>(
    `select e.id, e.user_id, e.status::text as status,
            e.progress_percentage, e.enrolled_at, e.last_activity_at, e.completed_at,
            count(*) over ()::int as total
       from public.enrollments e
      where e.course_id = $1 and ($2::text is null or e.status::text = $2)
      order by coalesce(e.last_activity_at, e.enrolled_at) desc, e.id
      limit $3 offset $4`,
    [courseId, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize],
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const [c] = await sql.query<{ n: number }>(
      `select count(*)::int as n from public.enrollments e
        where e.course_id = $1 and ($2::text is null or e.status::text = $2)`,
      [courseId, q.status ?? null],
    );
    total = c?.n ?? 0;
  }
  const names = await learnerNames(
    sql,
    rows.map((r) => r.user_id),
  );
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    items: rows.map((r) => ({
      enrollmentId: r.id,
      name: names.get(r.user_id) ?? `Learner ${r.id.slice(0, 8)}`,
      status: r.status,
      progressPercent: Number(r.progress_percentage),
      enrolledAt: iso(r.enrolled_at)!,
      lastActivityAt: iso(r.last_activity_at),
      completedAt: iso(r.completed_at),
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}

/** The bundles open to instructors, and whether the course is in each. */
export async function courseBundles(sql: Sql, courseId: string): Promise<TeachingBundle[]> {
  return sql.query<TeachingBundle>(
    `select b.id, b.slug, b.title, b.status, b.currency::text as currency,
            exists (select 1 from public.bundle_courses bc where bc.bundle_id = b.id and bc.course_id = $1) as included
       from public.bundles b
      where b.open_to_instructors and b.status <> 'archived'
      order by b.title, b.id`,
    [courseId],
  );
}

/** Puts the course in exactly the given open bundles (other bundles are left alone). */
export async function setCourseBundles(sql: Sql, courseId: string, bundleIds: string[]): Promise<TeachingBundle[]> {
  const open = await courseBundles(sql, courseId);
  const want = new Set(bundleIds.map((id) => id.toLowerCase()));
  const unknown = [...want].filter((id) => !open.some((b) => b.id === id));
  if (unknown.length) {
    throw new AppError(422, 'unknown_bundle', 'only bundles open to instructors can be chosen', [
      { path: 'bundleIds', message: `not open to instructors: ${unknown.join(', ')}` },
    ]);
  }
  const [course] = await sql.query<{ currency: string; status: string }>(
    'select price_currency::text as currency, status::text as status from public.courses where id = $1',
    [courseId],
  );
  const add = open.filter((b) => want.has(b.id) && !b.included);
  if (add.length && course?.status !== 'published') {
    throw new AppError(409, 'course_not_published', 'only a published course can join a bundle on sale');
  }
  const clash = add.find((b) => b.currency !== course?.currency);
  if (clash) {
    throw new AppError(
      422,
      'currency_mismatch',
      `"${clash.title}" sells in ${clash.currency}: price the course in it`,
      [{ path: 'bundleIds', message: `currency ${clash.currency}` }],
    );
  }
  const remove = open.filter((b) => !want.has(b.id) && b.included).map((b) => b.id);
  if (remove.length) {
    await sql.query('delete from public.bundle_courses where course_id = $1 and bundle_id = any($2::uuid[])', [
      courseId,
      remove,
    ]);
  }
  for (const b of add) {
    await sql.query(
      `insert into public.bundle_courses (bundle_id, course_id, position)
       select $1, $2, coalesce(max(bc.position), 0) + 1 from public.bundle_courses bc where bc.bundle_id = $1`,
      [b.id, courseId],
    );
  }
  return courseBundles(sql, courseId);
}
