/**
 * Scale enrollments and progress. Learner j holds ENROLLMENTS_PER_LEARNER enrollments in
 * published courses spread evenly over the catalog, and in its k-th one has completed
 * lessons 1..completedIn(j, k) (shape.ts); the enrollment's counters agree with those rows,
 * as private.recompute_enrollment would compute them. All writes are the owner's, like an
 * admin enrollment.
 */
import type { Sql } from '../../edge/db/port.ts';
import { COMPANY_MEMBER_EVERY, ENROLLMENTS_PER_LEARNER, MAX_COMPLETED, type ScaleShape } from './shape.ts';

/**
 * One row per (learner j, enrollment k): the course index ci (never a draft, in-review or
 * archived course: those are i % 20 in (0, 10, 15), so i - 1 is published), the lessons done,
 * and the enrollment date (30 to 329 days ago, so most drip lessons are open). The arguments
 * are the SQL placeholders of the learners, the courses and MAX_COMPLETED.
 */
export function enrollmentPlan(learners: string, courses: string, maxDone: string): string {
  return `
  select j, k, ci, 1 + (j + 3 * k) % ${maxDone}::int as done,
         now() - make_interval(days => 30 + (j * 7 + k * 13) % 300) as enrolled_at
  from generate_series(1, ${learners}::int) j
  cross join generate_series(1, ${ENROLLMENTS_PER_LEARNER}) k
  cross join lateral (select 1 + (j * 37 + k * 101) % ${courses}::int as c0) x
  cross join lateral (select case when x.c0 % 20 in (0, 10, 15) then x.c0 - 1 else x.c0 end as ci) y`;
}

/**
 * The enrollments. courses.enrollment_count already counts them: the courses step wrote it from
 * the same plan (catalog.ts). So the row trigger that keeps that count by deltas
 * (enrollments_count) is disabled for this one statement, inside this transaction only (other
 * sessions wait on the lock and never see it off): run once per enrollment, it updates a course
 * 40,000 times at N = 100, and each course update recomputes the search vector and runs the
 * course triggers. Every other enrollment trigger runs as usual.
 */
export async function seedScaleEnrollments(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query('alter table public.enrollments disable trigger enrollments_count');
  await sql.query(
    `with plan as (${enrollmentPlan('$1', '$2', '$3')}),
     totals as (
       select l.course_id, count(*) filter (where l.status = 'published')::int as total
       from public.lessons l
       where l.course_id in (select md5('scale-course-' || i)::uuid from generate_series(1, $2::int) i)
       group by l.course_id
     )
     insert into public.enrollments (id, user_id, course_id, status, source, enrolled_at, completed_lessons,
                                     total_lessons, progress_percentage, last_lesson_id, last_activity_at,
                                     completed_at)
     select md5('scale-enrollment-' || p.j || '-' || p.k)::uuid, pr.id, co.id,
            case when p.done >= t.total then 'completed' else 'active' end::public.enrollment_status,
            case when co.price_amount = 0 then 'free'
                 when p.j % $4::int = 0 then 'company' else 'purchase' end::public.enrollment_source,
            p.enrolled_at, p.done, t.total, round(p.done * 100.0 / t.total, 2),
            md5('scale-lesson-' || p.ci || '-' || p.done)::uuid,
            p.enrolled_at + make_interval(days => p.done),
            case when p.done >= t.total then p.enrolled_at + make_interval(days => p.done) end
     from plan p
     join public.profiles pr on pr.id = md5('scale-learner-' || p.j)::uuid
     join public.courses co on co.id = md5('scale-course-' || p.ci)::uuid
     join totals t on t.course_id = co.id
     on conflict do nothing`,
    [shape.learners, shape.courses, MAX_COMPLETED, COMPANY_MEMBER_EVERY],
  );
  await sql.query('alter table public.enrollments enable trigger enrollments_count');
}

/**
 * Whether the progress rows may skip the per-row foreign key checks (600,000 at N = 100, about
 * half the step's time): only where the owner may set session_replication_role (a superuser,
 * PGlite, or a role granted it) and no user trigger fires on inserts into lesson_progress, which
 * replica mode would skip too. Every row is joined to its parents in the insert itself
 * (enrollment, so learner and course, and lesson), so the keys hold by construction; the
 * fixture's test checks that no row is orphaned.
 */
async function mayReplicate(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ ok: boolean }>(
    `select has_parameter_privilege('session_replication_role', 'SET')
            and not exists (select 1 from pg_catalog.pg_trigger
                            where tgrelid = 'public.lesson_progress'::regclass and not tgisinternal
                              and tgtype & 4 <> 0) as ok`,
  );
  return row?.ok === true;
}

export async function seedScaleProgress(sql: Sql, shape: ScaleShape): Promise<void> {
  const replicate = await mayReplicate(sql);
  if (replicate) await sql.query('set local session_replication_role = replica');
  await sql.query(
    `with plan as (${enrollmentPlan('$1', '$2', '$3')})
     insert into public.lesson_progress (id, user_id, lesson_id, course_id, status, is_completed, started_at,
                                         completed_at)
     select md5('scale-progress-' || p.j || '-' || p.ci || '-' || l)::uuid, e.user_id, le.id, e.course_id,
            'completed', true,
            e.enrolled_at + make_interval(days => l) - interval '20 minutes',
            e.enrolled_at + make_interval(days => l)
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     cross join generate_series(1, p.done) l
     join public.lessons le on le.id = md5('scale-lesson-' || p.ci || '-' || l)::uuid and le.course_id = e.course_id
     on conflict do nothing`,
    [shape.learners, shape.courses, MAX_COMPLETED],
  );
  if (replicate) await sql.query('set local session_replication_role = origin');
}
