import type { CourseDecision, CourseReviewItem } from '../contract/admin-courses.ts';
import type { Sql } from '../db/port.ts';

export const REVIEW_QUEUE_LIMIT = 200;

/** Courses waiting for review, oldest first, with their instructor and curriculum counts. */
export async function reviewQueue(sql: Sql): Promise<CourseReviewItem[]> {
  const rows = await sql.query<{
    id: string;
    slug: string;
    title: string;
    subtitle: string;
    instructor_id: string;
    display_name: string | null;
    category: string | null;
    price_amount: number;
    price_currency: string;
    section_count: number;
    lesson_count: number;
    updated_at: Date | string;
  }>(
    `select c.id, c.slug, c.title, c.subtitle, c.instructor_id, i.display_name, cat.name as category,
            c.price_amount, c.price_currency::text as price_currency,
            (select count(*)::int from public.sections s where s.course_id = c.id) as section_count,
            (select count(*)::int from public.lessons l where l.course_id = c.id) as lesson_count,
            c.updated_at
       from public.courses c
       left join public.instructors i on i.id = c.instructor_id
       left join public.categories cat on cat.id = c.category_id
      where c.status = 'pending_review'
      order by c.updated_at, c.id
      limit ${REVIEW_QUEUE_LIMIT}`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    instructor: { id: r.instructor_id, displayName: r.display_name ?? '' },
    category: r.category,
    priceAmount: r.price_amount,
    priceCurrency: r.price_currency,
    sectionCount: r.section_count,
    lessonCount: r.lesson_count,
    submittedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** public.decide_course_review: admins only, the course must be in review; it notifies the instructor. */
export async function decide(sql: Sql, id: string, approve: boolean, reason: string): Promise<CourseDecision> {
  const [r] = await sql.query<{
    id: string;
    slug: string;
    status: CourseDecision['status'];
    published_at: Date | null;
  }>('select id, slug, status::text as status, published_at from public.decide_course_review($1, $2, $3)', [
    id,
    approve,
    reason,
  ]);
  return {
    id: r!.id,
    slug: r!.slug,
    status: r!.status,
    publishedAt: r!.published_at ? new Date(r!.published_at).toISOString() : null,
  };
}
