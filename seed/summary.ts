/** Counts of the demo data present after seeding, for the seed's summary. */
import type { Sql } from '../edge/db/port.ts';
import { ACCOUNTS, CATEGORIES, COURSES } from './data/index.ts';
import { ids } from './ids.ts';

export async function countSeeded(sql: Sql) {
  const courseIds = COURSES.map((c) => ids.course(c.slug));
  const [row] = await sql.query<Record<string, number>>(
    `select
       (select count(*)::int from auth.users where lower(email) = any($1::text[])) as accounts,
       (select count(*)::int from public.instructors i join auth.users u on u.id = i.user_id
         where lower(u.email) = any($1::text[])) as instructors,
       (select count(*)::int from public.categories where slug = any($2::text[])) as categories,
       (select count(*)::int from public.courses where id = any($3::uuid[]) and status = 'published') as published,
       (select count(*)::int from public.courses where id = any($3::uuid[]) and status <> 'published') as unpublished,
       (select count(*)::int from public.sections where course_id = any($3::uuid[])) as sections,
       (select count(*)::int from public.lessons where course_id = any($3::uuid[])) as lessons,
       (select count(*)::int from public.enrollments where course_id = any($3::uuid[])
          and user_id in (select id from auth.users where lower(email) = any($1::text[]))) as enrollments,
       (select count(*)::int from public.lesson_progress where course_id = any($3::uuid[]) and is_completed
          and user_id in (select id from auth.users where lower(email) = any($1::text[]))) as completed`,
    [ACCOUNTS.map((a) => a.email.toLowerCase()), CATEGORIES.map((c) => c.slug), courseIds],
  );
  const r = row!;
  return {
    accounts: Number(r.accounts),
    instructors: Number(r.instructors),
    categories: Number(r.categories),
    publishedCourses: Number(r.published),
    unpublishedCourses: Number(r.unpublished),
    sections: Number(r.sections),
    lessons: Number(r.lessons),
    enrollments: Number(r.enrollments),
    completedLessons: Number(r.completed),
  };
}
