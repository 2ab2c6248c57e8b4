/**
 * `npm run bench:quizzes` (and a part of `npm run bench`): quiz submissions per second through
 * public.submit_quiz_attempt, the way the API calls it (as the learner: role authenticated, the
 * JWT claims set, RLS on, one transaction), beside the bare SQL floor of the same write: as the
 * owner, an insert of an attempt row holding the same answers and a trivial update of it (status,
 * score), one transaction. Same database handle, one call at a time, in alternating turns of
 * 250 ms so both see the same machine load; on PGlite and (with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL) PostgreSQL.
 * Each submission needs an attempt in progress: public.start_quiz_attempt makes it before the
 * timed call, untimed. The quiz: 10 questions, two of each type, answered right (all checked first).
 * The function does more than the floor on purpose (it checks ownership, the deadline and every
 * answer's shape, grades each question against its key, and recomputes the learner's
 * enrollment): the ratio says what that costs.
 * Printed: submissions/s, p50, p99 per path and the ratio function / floor.
 * Environment: BENCH_SECONDS (5) per path, BENCH_ENGINES (pglite,postgres), BENCH_JSON=1.
 */
import type { Caller, Sql } from '../edge/db/port.ts';
import { freshPglite, freshPostgres, type TestDatabase } from '../tests/support/db.ts';
import { printBench } from './main.ts';
import { type Measure, summarise } from './stats.ts';

const TURN_MS = 250;

const USER = 'b0000000-0000-4000-8000-000000000001';
const TEACHER = 'b0000000-0000-4000-8000-000000000002';
const INSTRUCTOR = 'b1000000-0000-4000-8000-000000000001';
const COURSE = 'b2000000-0000-4000-8000-000000000001';
const QUIZ = 'b3000000-0000-4000-8000-000000000001';
const question = (n: number) => `b4000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const CHOICES = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
  { id: 'c', text: 'Gamma' },
  { id: 'd', text: 'Delta' },
];
const MATCH = [
  { id: 'l1', text: 'One', side: 'left' },
  { id: 'l2', text: 'Two', side: 'left' },
  { id: 'l3', text: 'Three', side: 'left' },
  { id: 'r1', text: 'Uno', side: 'right' },
  { id: 'r2', text: 'Dos', side: 'right' },
  { id: 'r3', text: 'Tres', side: 'right' },
];

/** Two questions of each type: [type, options, key, the right answer]. */
const QUESTIONS: [string, unknown[], unknown, unknown][] = [
  ['single_choice', CHOICES, { correct: 'b' }, 'b'],
  ['single_choice', CHOICES, { correct: 'd' }, 'd'],
  ['multiple_choice', CHOICES, { correct: ['a', 'c'] }, ['c', 'a']],
  ['multiple_choice', CHOICES, { correct: ['b', 'c', 'd'] }, ['b', 'c', 'd']],
  ['true_false', [], { correct: true }, true],
  ['true_false', [], { correct: false }, false],
  ['fill_blank', [], { accepted: ['Paris', 'paris, france'], caseSensitive: false }, '  PARIS '],
  ['fill_blank', [], { accepted: ['flex'], caseSensitive: true }, 'flex'],
  ['matching', MATCH, { pairs: { l1: 'r1', l2: 'r2', l3: 'r3' } }, { l1: 'r1', l2: 'r2', l3: 'r3' }],
  ['matching', MATCH, { pairs: { l1: 'r3', l2: 'r1', l3: 'r2' } }, { l1: 'r3', l2: 'r1', l3: 'r2' }],
];

/** The answers a learner sends: every question right. */
export const ANSWERS: Record<string, unknown> = Object.fromEntries(QUESTIONS.map((q, i) => [question(i + 1), q[3]]));

const lit = (v: unknown) => `'${JSON.stringify(v).replaceAll("'", "''")}'`;

export const FIXTURE = `
insert into auth.users (id, email, raw_user_meta_data) values
  ('${USER}', 'bench-learner@bench.local', '{"first_name":"Bench","last_name":"Learner"}'),
  ('${TEACHER}', 'bench-teacher@bench.local', '{"first_name":"Bench","last_name":"Teacher"}');
update public.profiles set role = 'instructor' where id = '${TEACHER}';
insert into public.instructors (id, user_id, display_name, headline, bio, expertise) values
  ('${INSTRUCTOR}', '${TEACHER}', 'Bench Teacher', 'Benchmarks', 'A bio.', '{}');
insert into public.courses (id, slug, title, subtitle, description, outcomes, tags, instructor_id, difficulty, status,
                            price_amount, published_at) values
  ('${COURSE}', 'bench-quiz-course', 'Bench quiz course', '', 'For the quiz benchmark.', '{}', '{}', '${INSTRUCTOR}',
   'beginner', 'published', 0, now());
insert into public.enrollments (user_id, course_id) values ('${USER}', '${COURSE}');
insert into public.quizzes (id, course_id, title, passing_score, max_attempts, review_policy, status) values
  ('${QUIZ}', '${COURSE}', 'Bench quiz', 70, null, 'after_submit', 'published');
insert into public.quiz_questions (id, quiz_id, type, prompt, options, points, position) values
${QUESTIONS.map((q, i) => `  ('${question(i + 1)}', '${QUIZ}', '${q[0]}', 'Question ${i + 1}', ${lit(q[1])}, ${1 + (i % 3)}, ${i + 1})`).join(',\n')};
insert into public.quiz_answer_keys (question_id, answer) values
${QUESTIONS.map((q, i) => `  ('${question(i + 1)}', ${lit(q[2])})`).join(',\n')};
`;

const learner: Caller = {
  role: 'authenticated',
  claims: { sub: USER, role: 'authenticated', aud: 'authenticated', email: 'bench-learner@bench.local' },
};

export interface QuizBenchRow {
  engine: 'pglite' | 'postgres';
  path: 'submit_quiz_attempt' | 'bare SQL floor';
  measure: Measure;
}

type Db = TestDatabase['db'];

/** An attempt in progress for the learner (untimed: each submission needs one). */
async function openAttempt(db: Db): Promise<string> {
  const [row] = await db.asCaller(learner, (sql) =>
    sql.query<{ id: string }>('select id::text from public.start_quiz_attempt($1)', [QUIZ]),
  );
  return row!.id;
}

/** The function, as the API calls it. Throws unless the attempt is graded 100%. */
async function submitThroughFunction(db: Db, attemptId: string): Promise<void> {
  const [row] = await db.asCaller(learner, (sql) =>
    sql.query<{ status: string; score_percent: string | number }>(
      'select status::text, score_percent from public.submit_quiz_attempt($1, $2::jsonb)',
      [attemptId, JSON.stringify(ANSWERS)],
    ),
  );
  if (row?.status !== 'submitted' || Number(row.score_percent) !== 100) {
    throw new Error(`submit_quiz_attempt did not grade the answers right: ${JSON.stringify(row)}`);
  }
}

/** The floor: the same answers written as an attempt row, then a trivial update of it, as the owner. */
async function bareFloor(db: Db, n: number): Promise<void> {
  await db.asOwner(async (sql: Sql) => {
    const [row] = await sql.query<{ id: string }>(
      `insert into public.quiz_attempts (quiz_id, course_id, user_id, attempt_number, question_ids, answers)
       values ($1, $2, $3, $4, $5::uuid[], $6::jsonb) returning id`,
      [QUIZ, COURSE, USER, 1_000_000 + n, QUESTIONS.map((_, i) => question(i + 1)), JSON.stringify(ANSWERS)],
    );
    await sql.query(
      `update public.quiz_attempts set status = 'submitted', submitted_at = now(), score_points = 20,
              max_points = 20, score_percent = 100, passed = true where id = $1`,
      [row!.id],
    );
  });
}

/**
 * Both paths on one database, in alternating turns of TURN_MS for `seconds` each; `maxCalls`
 * caps each path (for tests).
 */
export async function benchQuizDatabase(
  engine: 'pglite' | 'postgres',
  db: Db,
  seconds: number,
  maxCalls = Number.POSITIVE_INFINITY,
): Promise<QuizBenchRow[]> {
  await db.runScript(FIXTURE);
  // Checked first: a benchmark of failures measures nothing.
  await submitThroughFunction(db, await openAttempt(db));
  let n = 0;
  await bareFloor(db, n++);

  const fnSamples: number[] = [];
  const floorSamples: number[] = [];
  let fnMs = 0;
  let floorMs = 0;
  const budget = seconds * 1000;
  while ((fnMs < budget && fnSamples.length < maxCalls) || (floorMs < budget && floorSamples.length < maxCalls)) {
    const turnEnd = performance.now() + TURN_MS;
    while (fnMs < budget && fnSamples.length < maxCalls && performance.now() < turnEnd) {
      const attemptId = await openAttempt(db);
      const t = performance.now();
      await submitThroughFunction(db, attemptId);
      const ms = performance.now() - t;
      fnSamples.push(ms);
      fnMs += ms;
    }
    const floorEnd = performance.now() + TURN_MS;
    while (floorMs < budget && floorSamples.length < maxCalls && performance.now() < floorEnd) {
      const t = performance.now();
      await bareFloor(db, n++);
      const ms = performance.now() - t;
      floorSamples.push(ms);
      floorMs += ms;
    }
  }
  return [
    { engine, path: 'submit_quiz_attempt', measure: summarise(fnSamples, fnMs) },
    { engine, path: 'bare SQL floor', measure: summarise(floorSamples, floorMs) },
  ];
}

export function formatQuizBench(rows: QuizBenchRow[]): string {
  const head = `${'engine'.padEnd(9)} ${'path'.padEnd(22)} ${'subs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`;
  const lines: string[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const mine = rows.filter((r) => r.engine === engine);
    if (!mine.length) continue;
    for (const r of mine) {
      lines.push(
        `${engine.padEnd(9)} ${r.path.padEnd(22)} ${r.measure.rps.toFixed(0).padStart(8)} ${r.measure.p50.toFixed(2).padStart(8)} ${r.measure.p99.toFixed(2).padStart(8)}`,
      );
    }
    const fn = mine.find((r) => r.path === 'submit_quiz_attempt');
    const floor = mine.find((r) => r.path === 'bare SQL floor');
    const ratio = fn && floor ? fn.measure.rps / floor.measure.rps : Number.NaN;
    lines.push(
      `  ${engine}: ratio submit_quiz_attempt / floor (subs/s): ${Number.isNaN(ratio) ? '-' : ratio.toFixed(2)}`,
    );
  }
  return [
    'quiz submissions (10 questions, two of each type; one call at a time, alternating turns)',
    '-----------------------------------------------------------------------------------------',
    head,
    ...lines,
  ].join('\n');
}

/** Every engine this run covers, each on a fresh database dropped after. */
export async function benchQuizzes(seconds: number): Promise<QuizBenchRow[]> {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const rows: QuizBenchRow[] = [];
  const engines: ('pglite' | 'postgres')[] = [];
  if (wanted.includes('pglite')) engines.push('pglite');
  if (wanted.includes('postgres') && pgUrl) engines.push('postgres');
  for (const engine of engines) {
    const t = engine === 'pglite' ? await freshPglite() : await freshPostgres(pgUrl);
    try {
      rows.push(...(await benchQuizDatabase(engine, t.db, seconds)));
    } finally {
      await t.drop();
    }
  }
  return rows;
}

if (import.meta.main) {
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  await printBench(
    benchQuizzes,
    formatQuizBench,
    pgUrl ? '' : '(PostgreSQL not measured: set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n',
  );
}
