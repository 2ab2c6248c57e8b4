/**
 * The demo's quizzes, assignment, question bank and earned certificate (migration 20261124000100).
 *
 * - html-css-foundations (free; the demo student is enrolled): a final lesson "Final check" of type
 *   quiz, the published quiz it stands for (one question of each of the five types, with keys) and a
 *   published assignment with a rubric, due 14 days after the first seed.
 * - instructor@demo.test's question bank: six reusable questions.
 * - The demo student's earned certificate: enrolled in the free product-management-essentials with
 *   every lesson completed, its checkpoint quiz passed and its brief graded (written as the owner, as
 *   history); recomputing the enrollment completes it, and the completion trigger issues the
 *   certificate, as for any learner.
 *
 * Idempotent: fixed ids and `on conflict do nothing`; enrollments are recomputed only when their
 * counters disagree with the items, so a second run touches nothing.
 */

import type { Sql } from '../../edge/db/port.ts';
import { seedId } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { DAY, daysBefore } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';
import { recomputeStaleEnrollments } from './recompute-stale.ts';

export const ASSESSED_COURSE = 'html-css-foundations';
export const CERTIFIED_COURSE = 'product-management-essentials';
export const CERTIFIED_LEARNER = 'student@demo.test';
const BANK_OWNER = 'instructor@demo.test';

export const assessmentIds = {
  finalLesson: (course: string) => seedId(`lesson:${course}:final`),
  quiz: (course: string) => seedId(`quiz:${course}:final`),
  question: (course: string, n: number) => seedId(`quiz-question:${course}:final:${n}`),
  assignment: (course: string) => seedId(`assignment:${course}:project`),
  bank: (email: string, n: number) => seedId(`question-bank:${email.toLowerCase()}:${n}`),
  certificateEnrollment: () => seedId(`enrollment:${CERTIFIED_LEARNER}:${CERTIFIED_COURSE}`),
};

type Question = [type: string, prompt: string, options: unknown[], answer: unknown, explanation: string];

const choice = (...texts: string[]) => texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));

/** The final quiz of html-css-foundations: one question per type. */
export const FINAL_QUIZ: Question[] = [
  [
    'single_choice',
    'Which element holds the **main** content of a page?',
    choice('`<div>`', '`<main>`', '`<section>`'),
    { correct: 'b' },
    '`<main>` marks the dominant content; there is one per page.',
  ],
  [
    'multiple_choice',
    'Which of these are **block-level** by default?',
    choice('`<p>`', '`<span>`', '`<h2>`', '`<a>`'),
    { correct: ['a', 'c'] },
    'Paragraphs and headings start on a new line; spans and links flow inline.',
  ],
  [
    'true_false',
    'A CSS class selector beats an ID selector in specificity.',
    [],
    { correct: false },
    'An ID selector (1,0,0) outranks any number of classes (0,1,0 each).',
  ],
  [
    'fill_blank',
    'The CSS property that turns an element into a flex container is `display: ____`.',
    [],
    { accepted: ['flex', 'inline-flex'], caseSensitive: false },
    '`display: flex` (or `inline-flex`) makes the children flex items.',
  ],
  [
    'matching',
    'Match each property to what it controls.',
    [
      { id: 'l1', text: '`margin`', side: 'left' },
      { id: 'l2', text: '`padding`', side: 'left' },
      { id: 'l3', text: '`gap`', side: 'left' },
      { id: 'r1', text: 'Space inside the border', side: 'right' },
      { id: 'r2', text: 'Space outside the border', side: 'right' },
      { id: 'r3', text: 'Space between flex or grid items', side: 'right' },
    ],
    { pairs: { l1: 'r2', l2: 'r1', l3: 'r3' } },
    'Margin is outside, padding inside; gap spaces the items of a flex or grid container.',
  ],
];

const BANK: Question[] = [
  ['true_false', 'HTML describes structure, CSS presentation.', [], { correct: true }, ''],
  [
    'single_choice',
    'Which unit is relative to the root font size?',
    choice('`em`', '`rem`', '`px`'),
    { correct: 'b' },
    '',
  ],
  [
    'multiple_choice',
    'Which attributes help accessibility?',
    choice('`alt`', '`aria-label`', '`style`'),
    { correct: ['a', 'b'] },
    '',
  ],
  ['fill_blank', 'The HTML element for a numbered list is `<__>`.', [], { accepted: ['ol'] }, ''],
  ['true_false', '`position: sticky` needs a scrolling ancestor to stick within.', [], { correct: true }, ''],
  [
    'matching',
    'Match the selector to what it selects.',
    [
      { id: 'l1', text: '`.card`', side: 'left' },
      { id: 'l2', text: '`#nav`', side: 'left' },
      { id: 'r1', text: 'The element with id nav', side: 'right' },
      { id: 'r2', text: 'Elements with class card', side: 'right' },
    ],
    { pairs: { l1: 'r2', l2: 'r1' } },
    '',
  ],
];

const FINAL_LESSON_TEXT = [
  '## Final check',
  '',
  'Time to see what stuck. The final check has five short questions, one of each kind you will meet on this',
  'platform: a single choice, a multiple choice, true or false, a blank to fill in and a matching exercise.',
  '',
  '- You need **70%** to pass, and you have **three attempts** of 15 minutes each.',
  '- Questions and options come in a new order every attempt.',
  '- After you submit you see your score at once, and which answers were right, with a short explanation.',
  '',
  'Passing the check and handing in the project below completes the course and earns your certificate.',
].join('\n');

const RUBRIC = [
  { id: 'structure', criterion: 'Semantic structure: headings, landmarks, lists', points: 40 },
  { id: 'layout', criterion: 'A responsive layout with flexbox or grid', points: 40 },
  { id: 'polish', criterion: 'Readable typography and consistent spacing', points: 20 },
];

async function seedFinalItems(sql: Sql, course: string, courseId: string, now: Date): Promise<void> {
  // The final lesson: last of the course's last section.
  await sql.query(
    `insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes, status)
     select $1, $2, s.id, 'Final check', 'quiz',
            coalesce((select max(l.position) from public.lessons l where l.section_id = s.id), 0) + 1, 10, 'published'
     from public.sections s where s.course_id = $2
     order by s.position desc, s.id limit 1
     on conflict (id) do nothing`,
    [assessmentIds.finalLesson(course), courseId],
  );
  await sql.query(
    `insert into public.lesson_contents (lesson_id, text_content)
     select l.id, $2
     from public.lessons l where l.id = $1
     on conflict (lesson_id) do nothing`,
    [assessmentIds.finalLesson(course), FINAL_LESSON_TEXT],
  );
  await sql.query(
    `insert into public.quizzes (id, course_id, lesson_id, title, description, passing_score, time_limit_seconds,
                                 max_attempts, review_policy, is_required, status, position)
     values ($1, $2, $3, 'Final check: HTML & CSS',
             'Five questions on what the course covered. You need **70%** to pass; you have three attempts of 15 minutes.',
             70, 900, 3, 'after_submit', true, 'published', 1)
     on conflict (id) do nothing`,
    [assessmentIds.quiz(course), courseId, assessmentIds.finalLesson(course)],
  );
  for (const [n, [type, prompt, options, answer, explanation]] of FINAL_QUIZ.entries()) {
    const id = assessmentIds.question(course, n + 1);
    await sql.query(
      `insert into public.quiz_questions (id, quiz_id, course_id, type, prompt, options, points, explanation, position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (id) do nothing`,
      [
        id,
        assessmentIds.quiz(course),
        courseId,
        type,
        prompt,
        JSON.stringify(options),
        type === 'matching' ? 2 : 1,
        explanation,
        n + 1,
      ],
    );
    await sql.query(
      `insert into public.quiz_answer_keys (question_id, course_id, answer) values ($1, $2, $3)
       on conflict (question_id) do nothing`,
      [id, courseId, JSON.stringify(answer)],
    );
  }
  await sql.query(
    `insert into public.assignments (id, course_id, title, instructions, due_at, late_policy, late_penalty_percent,
                                     max_points, passing_points, submission_types, rubric, is_required, status, position)
     values ($1, $2, 'Project: a personal landing page', $3, $4, 'penalty', 10, 100, 60, '{text,file}', $5, true,
             'published', 2)
     on conflict (id) do nothing`,
    [
      assessmentIds.assignment(course),
      courseId,
      [
        'Build a one-page personal site with what the course taught.',
        '',
        '- semantic landmarks (`header`, `main`, `footer`) and a heading outline;',
        '- a responsive layout with flexbox or grid;',
        '- upload the HTML and CSS as a zip, or paste a link and notes as text.',
        '',
        'Late work loses 10% of its points.',
      ].join('\n'),
      new Date(now.getTime() + 14 * DAY).toISOString(),
      JSON.stringify(RUBRIC),
    ],
  );
}

async function seedBank(sql: Sql, instructorId: string): Promise<void> {
  for (const [n, [type, prompt, options, answer, explanation]] of BANK.entries()) {
    await sql.query(
      `insert into public.question_bank (id, instructor_id, type, prompt, options, answer, explanation, tags)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (id) do nothing`,
      [
        assessmentIds.bank(BANK_OWNER, n + 1),
        instructorId,
        type,
        prompt,
        JSON.stringify(options),
        JSON.stringify(answer),
        explanation,
        ['html-css', type.replace('_', '-')],
      ],
    );
  }
}

/**
 * The certified course's checkpoint quiz and brief (required, so the certificate stands for them
 * too), with the student's passed attempt and graded submission, written as the owner as history.
 */
async function seedCheckpoint(sql: Sql, learner: string, courseId: string, now: Date): Promise<void> {
  const course = CERTIFIED_COURSE;
  const quiz = assessmentIds.quiz(course);
  const q1 = assessmentIds.question(course, 1);
  const q2 = assessmentIds.question(course, 2);
  await sql.query(
    `insert into public.quizzes (id, course_id, title, description, passing_score, review_policy, is_required,
                                 status, position)
     values ($1, $2, 'Checkpoint: product basics', 'Two questions before the brief.', 50, 'after_submit', true,
             'published', 1)
     on conflict (id) do nothing`,
    [quiz, courseId],
  );
  const questions: [string, string, string, unknown[], unknown][] = [
    [
      q1,
      'single_choice',
      'What does a product manager own first?',
      choice('The roadmap', 'The problem', 'The backlog'),
      { correct: 'b' },
    ],
    [q2, 'true_false', 'A good success metric is chosen before the launch.', [], { correct: true }],
  ];
  for (const [n, [id, type, prompt, options, answer]] of questions.entries()) {
    await sql.query(
      `insert into public.quiz_questions (id, quiz_id, course_id, type, prompt, options, position)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
      [id, quiz, courseId, type, prompt, JSON.stringify(options), n + 1],
    );
    await sql.query(
      `insert into public.quiz_answer_keys (question_id, course_id, answer) values ($1, $2, $3)
       on conflict (question_id) do nothing`,
      [id, courseId, JSON.stringify(answer)],
    );
  }
  const passedAt = daysBefore(now, 5);
  await sql.query(
    `insert into public.quiz_attempts (id, quiz_id, course_id, user_id, attempt_number, question_ids, option_order,
                                       started_at, submitted_at, answers, results, score_points, max_points,
                                       score_percent, passed, status)
     values ($1, $2, $3, $4, 1, $5, $6, $7::timestamptz - interval '6 minutes', $7, $8, $9, 2, 2, 100, true, 'submitted')
     on conflict (id) do nothing`,
    [
      seedId(`quiz-attempt:${CERTIFIED_LEARNER}:${course}:1`),
      quiz,
      courseId,
      learner,
      [q1, q2],
      JSON.stringify({ [q1]: ['a', 'b', 'c'], [q2]: [] }),
      passedAt,
      JSON.stringify({ [q1]: 'b', [q2]: true }),
      JSON.stringify({ [q1]: { correct: true, points: 1 }, [q2]: { correct: true, points: 1 } }),
    ],
  );
  const assignment = assessmentIds.assignment(course);
  await sql.query(
    `insert into public.assignments (id, course_id, title, instructions, max_points, passing_points,
                                     submission_types, is_required, status, position)
     values ($1, $2, 'A one-page product brief', 'Problem, users, success metric and the first release, on one page.',
             100, 60, '{text}', true, 'published', 2)
     on conflict (id) do nothing`,
    [assignment, courseId],
  );
  await sql.query(
    `insert into public.assignment_submissions (id, assignment_id, course_id, user_id, attempt_number, text_content,
                                                submitted_at, status, points, final_points, feedback, graded_by, graded_at)
     select $1, $2, $3, $4, 1, $5, $6::timestamptz - interval '2 days', 'graded', 85, 85,
            'A clear problem and a measurable goal. Next time, say what you will not build.', i.user_id, $6
     from public.courses c join public.instructors i on i.id = c.instructor_id
     where c.id = $3
     on conflict (id) do nothing`,
    [
      seedId(`assignment-submission:${CERTIFIED_LEARNER}:${course}:1`),
      assignment,
      courseId,
      learner,
      'Problem: new hires wait a week for laptops. Users: IT and managers. Metric: days to first commit. First release: a request form with status updates.',
      daysBefore(now, 2),
    ],
  );
}

/** The student's completed free course: every published lesson done; the recompute completes it. */
async function seedEarnedCertificate(sql: Sql, learner: string, courseId: string, now: Date): Promise<void> {
  const enrollment = assessmentIds.certificateEnrollment();
  await sql.query(
    `insert into public.enrollments (id, user_id, course_id, status, source, enrolled_at)
     values ($1, $2, $3, 'active', 'free', $4)
     on conflict (user_id, course_id) do nothing`,
    [enrollment, learner, courseId, daysBefore(now, 45)],
  );
  await sql.query(
    `insert into public.lesson_progress (id, user_id, lesson_id, course_id, status, is_completed, started_at, completed_at)
     select md5('seed-progress-' || $1::uuid::text || '-' || l.id::text)::uuid, $1::uuid, l.id, l.course_id,
            'completed', true,
            e.enrolled_at + make_interval(days => 1 + row_number() over (order by s.position, l.position)::int) - interval '20 minutes',
            e.enrolled_at + make_interval(days => 1 + row_number() over (order by s.position, l.position)::int)
     from public.lessons l
     join public.sections s on s.id = l.section_id
     join public.enrollments e on e.user_id = $1::uuid and e.course_id = l.course_id
     where l.course_id = $2::uuid and l.status = 'published'
     on conflict (user_id, lesson_id) do nothing`,
    [learner, courseId],
  );
}

export const seedAssessments: SeedStep = async (sql, ctx) => {
  const owned = await ownedCourseIds(sql);
  const assessed = owned.get(ASSESSED_COURSE);
  const certified = owned.get(CERTIFIED_COURSE);
  if (assessed) await seedFinalItems(sql, ASSESSED_COURSE, assessed, ctx.now);
  const instructorId = ctx.instructorIds.get(BANK_OWNER);
  if (instructorId) await seedBank(sql, instructorId);
  const learner = ctx.userIds.get(CERTIFIED_LEARNER);
  if (learner && certified) {
    await seedEarnedCertificate(sql, learner, certified, ctx.now);
    await seedCheckpoint(sql, learner, certified, ctx.now);
  }
  await recomputeStaleEnrollments(
    sql,
    [assessed, certified].filter((id): id is string => id !== undefined),
  );
};
