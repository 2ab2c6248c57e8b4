import { COURSES, ENROLLMENTS } from '../data/index.ts';
import { ids, seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';

/**
 * One scheduled live session ("Office hours") in each course the demo learners take, a week
 * after the first seed at 17:00 UTC for an hour, hosted by the course's instructor. Added once,
 * never moved: a second run leaves the row as it is. Each demo learner has asked a question in
 * the session of their course (answered by the instructor and upvoted, docs/live-qa.md), and the
 * instructor has pinned a question of their own. seedLiveModeration (after the reviews) hides an
 * advertising question in the first course's session and bans its author, so the moderators'
 * Hidden view and bans have data.
 */

/** The account the demo bans from the first session: a community reviewer (seed/data/reviews.ts). */
export const BANNED_DEMO_EMAIL = 'lucia.romero@learners.demo.test';
export const seedLiveSessions: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  const starts = new Date(ctx.now.getTime() + 7 * DAY);
  starts.setUTCHours(17, 0, 0, 0);
  const ends = new Date(starts.getTime() + 3_600_000);
  for (const slug of new Set(ENROLLMENTS.map((e) => e.course))) {
    const courseId = owned.get(slug);
    const course = COURSES.find((c) => c.slug === slug);
    if (!courseId || !course) continue;
    await sql.query(
      `insert into public.live_sessions (id, course_id, title, starts_at, ends_at, status, created_by)
       select $1, c.id, $3, $4, $5, 'scheduled', i.user_id
       from public.courses c join public.instructors i on i.id = c.instructor_id
       where c.id = $2
       on conflict (id) do nothing`,
      [
        seedId(`live-session:${slug}:office-hours`),
        courseId,
        `Office hours: ${course.title}`.slice(0, 200),
        starts.toISOString(),
        ends.toISOString(),
      ],
    );
    await seedQuestions(sql, seedId(`live-session:${slug}:office-hours`), slug);
  }
};

/**
 * A hidden advertising question in the first course's session, and its author (a community
 * reviewer, so after the reviews step) banned from it; and the cohort note of that course's
 * second lesson locked by its instructor (read-only for learners: docs/collab-notes.md).
 * Written once.
 */
export const seedLiveModeration: SeedStep = async (sql) => {
  const slug = ENROLLMENTS[0]?.course;
  if (!slug) return;
  const sessionId = seedId(`live-session:${slug}:office-hours`);
  await sql.query(
    `insert into public.session_questions (id, session_id, author_id, body, status)
     select $1, s.id, p.id, 'Cheap certificates, no course needed: visit my profile!', 'hidden'
     from public.live_sessions s, public.profiles p
     where s.id = $2 and p.email = $3
     on conflict (id) do nothing`,
    [seedId(`live-question:${slug}:spam`), sessionId, BANNED_DEMO_EMAIL],
  );
  await sql.query(
    `insert into public.session_bans (session_id, user_id, banned_by, reason)
     select s.id, p.id, s.created_by, 'Advertising in the Q&A'
     from public.live_sessions s, public.profiles p
     where s.id = $1 and p.email = $2
     on conflict do nothing`,
    [sessionId, BANNED_DEMO_EMAIL],
  );
  await sql.query(
    `insert into public.cohort_note_locks (lesson_id, locked_by)
     select l.id, i.user_id
     from public.lessons l
     join public.courses c on c.id = l.course_id
     join public.instructors i on i.id = c.instructor_id
     where l.id = $1
     on conflict (lesson_id) do nothing`,
    [ids.lesson(slug, 0, 1)],
  );
};

async function seedQuestions(sql: Parameters<SeedStep>[0], sessionId: string, slug: string): Promise<void> {
  const pinned = seedId(`live-question:${slug}:instructor`);
  await sql.query(
    `insert into public.session_questions (id, session_id, author_id, body, pinned)
     select $1, s.id, s.created_by, 'Post your questions here before the session: we go through the top-voted first.', true
     from public.live_sessions s where s.id = $2
     on conflict (id) do nothing`,
    [pinned, sessionId],
  );
  for (const enrollment of ENROLLMENTS.filter((e) => e.course === slug)) {
    const question = seedId(`live-question:${slug}:${enrollment.email}`);
    await sql.query(
      `insert into public.session_questions (id, session_id, author_id, body, answered, answer, answered_by, answered_at)
       select $1, s.id, p.id, 'Could you walk through the last exercise again, step by step?', true,
              'Yes: we start the session with it, bring your attempt.', s.created_by, now()
       from public.live_sessions s, public.profiles p
       where s.id = $2 and p.email = $3
       on conflict (id) do nothing`,
      [question, sessionId, enrollment.email],
    );
    // the instructor's upvote, and the learner's on the pinned question (the vote trigger counts them)
    await sql.query(
      `insert into public.session_votes (question_id, user_id)
       select q.id, v.user_id
       from public.session_questions q
       join public.live_sessions s on s.id = q.session_id
       cross join lateral (
         select s.created_by as user_id where q.id = $1
         union all
         select p.id from public.profiles p where q.id = $2 and p.email = $3
       ) v
       where q.id in ($1, $2) and v.user_id is not null
       on conflict do nothing`,
      [question, pinned, enrollment.email],
    );
  }
}
