/**
 * Scale reviews, course FAQ, review decisions and bundles open to instructors, so these tables are
 * guarded and measured at size (supabase/tests/perf-guard.test.ts). At N = 100:
 * - about 13,300 reviews: learner j reviews its k-th enrollment when (j + k) % 3 = 0, rated 5, 5,
 *   4, 4 or 3 by (j * 7 + k) % 5, and 1 star when (j + k) % 10 = 0; a reply from the instructor on
 *   1 in 10, hidden by an admin on 1 in 50;
 * - 3 FAQ entries per course (4,500);
 * - an earlier rejection of every course in review (i % 20 = 10): 75 decisions;
 * - 1 scale bundle in 10 open to instructors.
 * Written as the owner in one statement per table (the reviews' statement-level trigger adds the
 * ratings to the courses in one update); md5 ids and `on conflict do nothing`, like the rest.
 */
import type { Sql } from '../../edge/db/port.ts';
import { BUNDLES_PER_N } from './commerce.ts';
import { enrollmentPlan } from './learning.ts';
import { MAX_COMPLETED, type ScaleShape } from './shape.ts';

export const FAQS_PER_COURSE = 3;
/** A learner reviews one enrollment in this many. */
export const REVIEW_EVERY = 3;

export async function seedScaleReviews(sql: Sql, shape: ScaleShape): Promise<void> {
  await sql.query(
    `insert into public.reviews (id, course_id, user_id, rating, comment, instructor_reply, is_hidden, created_at,
                                 updated_at)
     select md5('scale-review-' || p.j || '-' || p.k)::uuid, e.course_id, e.user_id,
            case when (p.j + p.k) % 10 = 0 then 1 else 5 - ((p.j * 7 + p.k) % 5) / 2 end,
            'Scale review ' || p.j || '-' || p.k || ': clear explanations and useful exercises.',
            case when p.j % 10 = 0 then 'Thank you for the kind words!' end,
            p.j % 50 = 0,
            p.enrolled_at + make_interval(days => 1 + p.done), p.enrolled_at + make_interval(days => 1 + p.done)
     from (${enrollmentPlan('$1', '$2', '$3')}) p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     where (p.j + p.k) % $4::int = 0
     on conflict do nothing`,
    [shape.learners, shape.courses, MAX_COMPLETED, REVIEW_EVERY],
  );
  await sql.query(
    `insert into public.course_faqs (id, course_id, question, answer, position)
     select md5('scale-faq-' || i || '-' || f)::uuid, co.id,
            (array['Do I need experience?', 'How long does it take?', 'Is there a certificate?'])[f],
            (array['No: the first section starts from the basics.', 'About ten hours at your own pace.',
                   'Yes, when you complete every required item.'])[f],
            f
     from generate_series(1, $1::int) i
     cross join generate_series(1, $2::int) f
     join public.courses co on co.id = md5('scale-course-' || i)::uuid
     on conflict do nothing`,
    [shape.courses, FAQS_PER_COURSE],
  );
  await sql.query(
    `insert into public.course_review_decisions (id, course_id, decided_by, decision, reason, created_at)
     select md5('scale-decision-' || i)::uuid, co.id, null, 'rejected', 'Add exercises to the second section.',
            now() - interval '3 days'
     from generate_series(10, $1::int, 20) i
     join public.courses co on co.id = md5('scale-course-' || i)::uuid and co.status = 'pending_review'
     on conflict do nothing`,
    [shape.courses],
  );
  await sql.query(
    `update public.bundles set open_to_instructors = true
     where id in (select md5('scale-bundle-' || b)::uuid from generate_series(10, $1::int, 10) b)
       and not open_to_instructors`,
    [BUNDLES_PER_N * shape.scale],
  );
}
