/**
 * Demo reviews, course FAQ and the bundle open to instructors (seed/data/reviews.ts).
 *
 * - The community reviewers' accounts (demo password), each enrolled by an admin in the courses
 *   they review. Those enrollments are part of the course's imported history, which
 *   enrollment_count already holds: the count goes back down by the enrollments this run added.
 * - REVIEWS_PER_COURSE reviews per published demo course, by reviewers in turn, rated near the
 *   course's imported average; the reviews' trigger adds them to the imported figures (the courses
 *   step writes those once, with a plausible rating_distribution from the database).
 * - The instructor's reply on the first review of their first published course.
 * - The FAQ of every published demo course.
 * - An earlier rejection of the course in review (decided_by null: the admin account is the seed's
 *   last step).
 * - One bundle open to instructors.
 *
 * Idempotent: stable ids, `on conflict do nothing`, and updates only where a value differs.
 */
import { COURSES } from '../data/index.ts';
import {
  DEMO_REPLY,
  demoComment,
  demoFaq,
  demoRating,
  EARLIER_REJECTION,
  OPEN_BUNDLE,
  REPLYING_INSTRUCTOR,
  REVIEWERS,
  REVIEWS_PER_COURSE,
} from '../data/reviews.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';
import { upsertAccounts } from './upsert-accounts.ts';

export const reviewIds = {
  review: (email: string, course: string) => seedId(`review:${email.toLowerCase()}:${course}`),
  enrollment: (email: string, course: string) => ids.enrollment(email, course),
  faq: (course: string, n: number) => seedId(`faq:${course}:${n}`),
  decision: (course: string, n: number) => seedId(`review-decision:${course}:${n}`),
};

export const seedReviews: SeedStep = async (sql, ctx) => {
  const { byEmail } = await upsertAccounts(sql, REVIEWERS, ctx.hash, ctx.now);
  const owned = await ownedCourseIds(sql);
  const published = COURSES.filter((c) => c.status === 'published' && owned.has(c.slug));
  const replyCourse = published.find((c) => c.instructor === REPLYING_INSTRUCTOR)?.slug;

  const enrollments: unknown[] = [];
  const reviews: unknown[] = [];
  for (const [i, course] of published.entries()) {
    for (let k = 0; k < REVIEWS_PER_COURSE; k++) {
      const reviewer = REVIEWERS[(i + k) % REVIEWERS.length]!;
      const userId = byEmail.get(reviewer.email.toLowerCase())!;
      const daysAgo = 3 + ((i * 11 + k * 17) % 80);
      const rating = demoRating(course.rating.average, k);
      enrollments.push({
        id: reviewIds.enrollment(reviewer.email, course.slug),
        user_id: userId,
        course_id: owned.get(course.slug),
        enrolled_at: new Date(ctx.now.getTime() - (daysAgo + 20) * DAY).toISOString(),
      });
      reviews.push({
        id: reviewIds.review(reviewer.email, course.slug),
        course_id: owned.get(course.slug),
        user_id: userId,
        rating,
        comment: demoComment(rating, i + k),
        instructor_reply: course.slug === replyCourse && k === 0 ? DEMO_REPLY : null,
        created_at: new Date(ctx.now.getTime() - daysAgo * DAY).toISOString(),
      });
    }
  }

  const added = await sql.query<{ course_id: string; n: number }>(
    `with added as (
       insert into public.enrollments (id, user_id, course_id, status, source, enrolled_at)
       select x.id, x.user_id, x.course_id, 'active', 'admin', x.enrolled_at
       from jsonb_to_recordset($1::jsonb) as x(id uuid, user_id uuid, course_id uuid, enrolled_at timestamptz)
       on conflict (user_id, course_id) do nothing
       returning course_id
     )
     select course_id, count(*)::int as n from added group by course_id`,
    [JSON.stringify(enrollments)],
  );
  if (added.length) {
    await sql.query(
      `update public.courses c set enrollment_count = greatest(c.enrollment_count - x.n, 0)
       from jsonb_to_recordset($1::jsonb) as x(course_id uuid, n int)
       where c.id = x.course_id`,
      [JSON.stringify(added)],
    );
    await sql.query(
      `select private.recompute_enrollment(x.user_id, x.course_id)
       from jsonb_to_recordset($1::jsonb) as x(user_id uuid, course_id uuid)
       join public.enrollments e on e.user_id = x.user_id and e.course_id = x.course_id and e.total_lessons = 0`,
      [JSON.stringify(enrollments)],
    );
  }

  // One statement: the reviews' trigger adds them to each course's figures in one update.
  await sql.query(
    `insert into public.reviews (id, course_id, user_id, rating, comment, instructor_reply, created_at, updated_at)
     select x.id, x.course_id, x.user_id, x.rating, x.comment, x.instructor_reply, x.created_at, x.created_at
     from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, user_id uuid, rating smallint, comment text,
                                              instructor_reply text, created_at timestamptz)
     on conflict do nothing`,
    [JSON.stringify(reviews)],
  );

  const faqs = published.flatMap((course) =>
    demoFaq(course).map((f, n) => ({
      id: reviewIds.faq(course.slug, n),
      course_id: owned.get(course.slug),
      question: f.question,
      answer: f.answer,
      position: n + 1,
    })),
  );
  await sql.query(
    `insert into public.course_faqs (id, course_id, question, answer, position)
     select x.id, x.course_id, x.question, x.answer, x.position
     from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, question text, answer text, position int)
     on conflict (id) do update set question = excluded.question, answer = excluded.answer, position = excluded.position
     where (course_faqs.question, course_faqs.answer, course_faqs.position)
           is distinct from (excluded.question, excluded.answer, excluded.position)`,
    [JSON.stringify(faqs)],
  );

  const inReview = owned.get(EARLIER_REJECTION.course);
  if (inReview) {
    await sql.query(
      `insert into public.course_review_decisions (id, course_id, decided_by, decision, reason, created_at)
       values ($1, $2, null, 'rejected', $3, $4)
       on conflict do nothing`,
      [
        reviewIds.decision(EARLIER_REJECTION.course, 1),
        inReview,
        EARLIER_REJECTION.reason,
        new Date(ctx.now.getTime() - EARLIER_REJECTION.daysAgo * DAY).toISOString(),
      ],
    );
  }

  await sql.query(`update public.bundles set open_to_instructors = true where slug = $1 and not open_to_instructors`, [
    OPEN_BUNDLE,
  ]);
};
