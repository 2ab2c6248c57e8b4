import type { Sql } from '../db/port.ts';

export interface CourseAccess {
  /** The caller manages the course: its instructor, or an admin. */
  manages: boolean;
  /** The caller learns in it: an enrollment that is not cancelled. */
  enrolled: boolean;
}

/**
 * What the caller is to a course, in one round trip: the check a course's quiz or lab list makes
 * before answering 'not-enrolled' to someone who neither learns in nor manages it.
 */
export async function courseAccess(sql: Sql, courseId: string): Promise<CourseAccess> {
  const [row] = await sql.query<CourseAccess>(
    `select (select private.is_admin()) or $1::uuid in (select private.my_managed_course_ids()) as manages,
            exists (select 1 from public.enrollments e
                     where e.course_id = $1 and e.user_id = (select auth.uid()) and e.status <> 'cancelled') as enrolled`,
    [courseId],
  );
  return { manages: row?.manages === true, enrolled: row?.enrolled === true };
}
