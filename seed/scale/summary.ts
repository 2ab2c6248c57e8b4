/** Counts of the scale fixture's rows (only its own, not the demo data or anyone else's). */
import type { Sql } from '../../edge/db/port.ts';
import { SCALE_EMAIL_DOMAIN } from './shape.ts';

export interface ScaleCounts {
  courses: number;
  publishedCourses: number;
  sections: number;
  lessons: number;
  lessonContents: number;
  learners: number;
  instructors: number;
  enrollments: number;
  progressRows: number;
  companies: number;
  companyMembers: number;
  /** Orders of scale learners (theirs and their companies'). */
  orders: number;
}

export async function countScale(sql: Sql): Promise<ScaleCounts> {
  const [r] = await sql.query<Record<keyof ScaleCounts, number>>(
    `with sc as (select id, status from public.courses where slug like 'scale-course-%'),
     su as (select id, email from auth.users where email like 'scale-%@' || $1)
     select
       (select count(*)::int from sc) as "courses",
       (select count(*)::int from sc where status = 'published') as "publishedCourses",
       (select count(*)::int from public.sections where course_id in (select id from sc)) as "sections",
       (select count(*)::int from public.lessons where course_id in (select id from sc)) as "lessons",
       (select count(*)::int from public.lesson_contents lc join public.lessons l on l.id = lc.lesson_id
          where l.course_id in (select id from sc)) as "lessonContents",
       (select count(*)::int from su where email like 'scale-learner-%') as "learners",
       (select count(*)::int from public.instructors where user_id in (select id from su)) as "instructors",
       (select count(*)::int from public.enrollments where course_id in (select id from sc)
          and user_id in (select id from su)) as "enrollments",
       (select count(*)::int from public.lesson_progress where course_id in (select id from sc)
          and user_id in (select id from su)) as "progressRows",
       (select count(*)::int from public.companies where slug like 'scale-company-%') as "companies",
       (select count(*)::int from public.company_members m join public.companies c on c.id = m.company_id
          where c.slug like 'scale-company-%') as "companyMembers",
       (select count(*)::int from public.orders where user_id in (select id from su)) as "orders"`,
    [SCALE_EMAIL_DOMAIN],
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as unknown as ScaleCounts;
}
