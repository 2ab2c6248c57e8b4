import type { Sql } from '../../edge/db/port.ts';

/**
 * Recomputes the enrollments of these courses whose item total disagrees with the course (new
 * required items, or an enrollment a step just added), so an unchanged enrollment is not touched
 * and a second seed run writes nothing. The total counts what private.recompute_enrollment
 * counts: published text/video/pdf/slides lessons, published required quizzes, assignments, labs.
 */
export async function recomputeStaleEnrollments(sql: Sql, courseIds: string[]): Promise<void> {
  await sql.query(
    `with items as (
       select c.id as course_id,
              (select count(*) from public.lessons l where l.course_id = c.id and l.status = 'published'
                 and l.content_type in ('text', 'video', 'pdf', 'slides'))
            + (select count(*) from public.quizzes q where q.course_id = c.id and q.status = 'published' and q.is_required)
            + (select count(*) from public.assignments a where a.course_id = c.id and a.status = 'published' and a.is_required)
            + (select count(*) from public.labs b where b.course_id = c.id and b.status = 'published' and b.is_required)
              as total
       from public.courses c where c.id = any($1::uuid[])
     )
     select private.recompute_enrollment(e.user_id, e.course_id)
     from public.enrollments e
     join items i on i.course_id = e.course_id
     where e.status <> 'cancelled' and e.total_items <> i.total`,
    [courseIds],
  );
}
