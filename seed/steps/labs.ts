/**
 * The demo's code labs (migration 20261125000100; content in seed/data/labs.ts).
 *
 * - html-css-foundations (free; the demo student is enrolled): the lab lesson "Lab: add two numbers"
 *   just before the final check, bound to the published JavaScript lab `sum` (sandbox/fixtures.ts
 *   SUM_LAB). It is required, so it counts in the course's progress. The student has no submission
 *   and no draft: the lab is theirs to pass for the first time.
 * - typescript-for-javascript-developers: the lab lesson "Lab: count the words" at the end of the
 *   last section, bound to the published TypeScript lab `word-count`; and `chunk`, a draft outside
 *   the curriculum, for the instructor's lab editor.
 * - history for other learners (community reviewers the reviews step enrolled, never a demo account):
 *   `word-count` failed once, then passed, by a learner of the TypeScript course; a saved draft of
 *   `sum` by a learner of html-css-foundations. Runs after the reviews step for them.
 *
 * Idempotent: fixed ids and `on conflict do nothing`; a lab lesson is placed once (the final check
 * moves down once, only while it is not below the lab); enrollments are recomputed only when their
 * counters disagree with the items.
 */

import type { Sql } from '../../edge/db/port.ts';
import { LABS, type LabSeed, SUM, WORD_COUNT } from '../data/labs.ts';
import { seedId } from '../ids.ts';
import { assessmentIds } from './assessments.ts';
import type { SeedStep } from './context.ts';
import { daysBefore } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';
import { recomputeStaleEnrollments } from './recompute-stale.ts';

export const labIds = {
  lab: (course: string, slug: string) => seedId(`lab:${course}:${slug}`),
  lesson: (course: string, slug: string) => seedId(`lesson:${course}:lab:${slug}`),
  submission: (email: string, course: string, slug: string, n: number) =>
    seedId(`lab-submission:${email.toLowerCase()}:${course}:${slug}:${n}`),
};

/** What every lab lesson says before the lab's own instructions. */
const LAB_LESSON_INTRO = [
  '## A code lab',
  '',
  'This lesson is practice in a real editor. Write your code below, then press **Run** (or Ctrl+Enter) to check',
  'it against the visible tests: you see each result and your console output at once. When they pass, **Submit**',
  'grades your code on the server against hidden tests too. A passing submission completes the lesson and counts',
  'in your course progress; every attempt stays in your history, and your draft is saved as you type.',
].join('\n');

/**
 * The lab lesson: in the course's last section, just before the final check when the course has
 * one (which then moves one place down), else at the section's end.
 */
async function seedLabLesson(sql: Sql, lab: LabSeed, courseId: string): Promise<string> {
  const lesson = labIds.lesson(lab.course, lab.slug);
  const final = assessmentIds.finalLesson(lab.course);
  await sql.query(
    `insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes, status)
     select $1, $2, s.id, $3, 'lab',
            coalesce((select f.position from public.lessons f where f.id = $4 and f.section_id = s.id),
                     (select max(l.position) from public.lessons l where l.section_id = s.id) + 1, 1),
            15, 'published'
     from public.sections s where s.course_id = $2
     order by s.position desc, s.id limit 1
     on conflict (id) do nothing`,
    [lesson, courseId, lab.lessonTitle, final],
  );
  await sql.query(
    `update public.lessons f set position = l.position + 1
     from public.lessons l
     where f.id = $2 and l.id = $1 and f.section_id = l.section_id and f.position <= l.position`,
    [lesson, final],
  );
  await sql.query(
    `insert into public.lesson_contents (lesson_id, text_content)
     select l.id, $2 from public.lessons l where l.id = $1
     on conflict (lesson_id) do nothing`,
    [lesson, `${LAB_LESSON_INTRO}\n\n${lab.instructionsMd}`],
  );
  return lesson;
}

async function seedLab(sql: Sql, lab: LabSeed, courseId: string, position: number): Promise<void> {
  const lesson = lab.lessonTitle ? await seedLabLesson(sql, lab, courseId) : null;
  const id = labIds.lab(lab.course, lab.slug);
  await sql.query(
    `insert into public.labs (id, course_id, lesson_id, slug, title, instructions_md, language, starter_code,
                              visible_tests, time_limit_ms, memory_limit_mb, points, is_required, status, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true, $13, $14)
     on conflict (id) do nothing`,
    [
      id,
      courseId,
      lesson,
      lab.slug,
      lab.title,
      lab.instructionsMd,
      lab.language,
      lab.starterCode,
      lab.visibleTests,
      lab.timeLimitMs,
      lab.memoryLimitMb,
      lab.points,
      lab.status,
      position,
    ],
  );
  await sql.query(
    `insert into public.lab_secrets (lab_id, hidden_tests, reference_solution)
     select b.id, $2, $3 from public.labs b where b.id = $1
     on conflict (lab_id) do nothing`,
    [id, lab.hiddenTests, lab.referenceSolution],
  );
}

const TEST = (name: string, passed: boolean, hidden: boolean, message: string | null = null) => ({
  name,
  passed,
  message: passed ? null : (message ?? 'Hidden test failed'),
  hidden,
});

/**
 * The first community reviewer (by email) the reviews step enrolled in a course: a learner of it
 * who is not a demo account, so the demo accounts' own lab state stays untouched.
 */
async function communityLearner(sql: Sql, courseId: string): Promise<{ id: string; email: string } | undefined> {
  const [row] = await sql.query<{ id: string; email: string }>(
    `select e.user_id as id, u.email from public.enrollments e join auth.users u on u.id = e.user_id
     where e.course_id = $1 and e.source = 'admin' and e.status <> 'cancelled'
     order by u.email limit 1`,
    [courseId],
  );
  return row;
}

const WORD_COUNT_FIRST_TRY = `function wordCount(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const word of text.split(/\\s+/)) {
    if (word) counts[word] = (counts[word] ?? 0) + 1;
  }
  return counts;
}
`;

/**
 * Other learners' lab history, written as the owner, as history: a learner of the TypeScript course
 * failed `word-count` once, then passed it (its lesson completed); a learner of html-css-foundations
 * keeps a draft of `sum`.
 */
async function seedHistory(sql: Sql, courses: Map<string, string>, now: Date): Promise<void> {
  const ts = courses.get(WORD_COUNT.course);
  const tsLearner = ts ? await communityLearner(sql, ts) : undefined;
  if (tsLearner) {
    const visible = [TEST('counts each word', true, false), TEST('an empty text has no words', true, false)];
    const attempts: [n: number, status: string, score: number, points: number, tests: unknown[], code: string][] = [
      [
        1,
        'failed',
        60,
        12,
        [
          ...visible,
          TEST('ignores case', false, true),
          TEST('ignores punctuation around words', false, true),
          TEST('splits on any whitespace', true, true),
        ],
        WORD_COUNT_FIRST_TRY,
      ],
      [
        2,
        'passed',
        100,
        20,
        [
          ...visible,
          TEST('ignores case', true, true),
          TEST('ignores punctuation around words', true, true),
          TEST('splits on any whitespace', true, true),
        ],
        WORD_COUNT.referenceSolution,
      ],
    ];
    for (const [n, status, score, points, tests, code] of attempts) {
      await sql.query(
        `insert into public.lab_submissions (id, lab_id, course_id, user_id, code, status, score, points, tests,
                                             output, duration_ms, created_at)
         select $1, b.id, b.course_id, $2, $3, $4::public.lab_status, $5, $6, $7, '', $8,
                $9::timestamptz + make_interval(mins => $10::int)
         from public.labs b where b.id = $11
         on conflict (id) do nothing`,
        [
          labIds.submission(tsLearner.email, WORD_COUNT.course, WORD_COUNT.slug, n),
          tsLearner.id,
          code,
          status,
          score,
          points,
          JSON.stringify(tests),
          6 + n,
          daysBefore(now, 2),
          n * 7,
          labIds.lab(WORD_COUNT.course, WORD_COUNT.slug),
        ],
      );
    }
    await sql.query(
      `insert into public.lesson_progress (id, user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
       select $1, $2, l.id, l.course_id, 'completed', true, $4::timestamptz, $4::timestamptz + interval '14 minutes'
       from public.lessons l where l.id = $3
       on conflict (user_id, lesson_id) do nothing`,
      [
        seedId(`lab-progress:${tsLearner.email.toLowerCase()}:${WORD_COUNT.course}:${WORD_COUNT.slug}`),
        tsLearner.id,
        labIds.lesson(WORD_COUNT.course, WORD_COUNT.slug),
        daysBefore(now, 2),
      ],
    );
  }
  const html = courses.get(SUM.course);
  const htmlLearner = html ? await communityLearner(sql, html) : undefined;
  if (htmlLearner) {
    await sql.query(
      `insert into public.lab_drafts (user_id, lab_id, code, updated_at)
       select $1, b.id, $2, $3 from public.labs b where b.id = $4
       on conflict (user_id, lab_id) do nothing`,
      [
        htmlLearner.id,
        'function sum(a, b) {\n  // numbers only?\n  return a + b;\n}\n',
        daysBefore(now, 1),
        labIds.lab(SUM.course, SUM.slug),
      ],
    );
  }
}

export const seedLabs: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  for (const [i, lab] of LABS.entries()) {
    const courseId = owned.get(lab.course);
    if (courseId) await seedLab(sql, lab, courseId, i + 1);
  }
  await seedHistory(sql, owned, ctx.now);
  await recomputeStaleEnrollments(
    sql,
    [...new Set(LABS.map((l) => owned.get(l.course)))].filter((id): id is string => id !== undefined),
  );
};
