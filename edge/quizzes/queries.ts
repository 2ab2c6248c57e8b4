import { iso } from '../catalog/rows.ts';
import type {
  AttemptReview,
  AttemptSummary,
  QuizAttemptStatus,
  QuizDetail,
  QuizList,
  QuizReviewPolicy,
  QuizSummary,
  StartedAttempt,
  SubmitAttemptResult,
} from '../contract/quizzes.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';
import { courseAccess } from '../learners/course-access.ts';
import { inAttemptOrder, type QuestionRow } from './shape.ts';

/**
 * The learner side's reads and the three definer calls, all as the caller: RLS shows learners
 * only published quizzes of courses they are enrolled in, and never an answer key.
 */

interface CourseRef {
  id: string;
  slug: string;
  title: string;
}

const SUMMARY_COLUMNS = `
  q.id, q.course_id, q.lesson_id, q.title, q.status::text as status, q.position, q.is_required,
  q.passing_score, q.time_limit_seconds, q.max_attempts,
  coalesce(qs.question_count, 0)::int as question_count, coalesce(qs.total_points, 0)::int as total_points,
  coalesce(ma.used, 0)::int as attempts_used, ma.best_percent, coalesce(ma.passed, false) as passed`;

/** Per-quiz question totals and the caller's attempt totals, joined to `q`. */
const SUMMARY_JOINS = `
  left join lateral (
    select count(*) as question_count, sum(qq.points) as total_points
    from public.quiz_questions qq where qq.quiz_id = q.id
  ) qs on true
  left join lateral (
    select count(*) as used, max(a.score_percent)::float8 as best_percent, bool_or(coalesce(a.passed, false)) as passed
    from public.quiz_attempts a where a.quiz_id = q.id and a.user_id = (select auth.uid())
  ) ma on true`;

interface SummaryRow {
  id: string;
  course_id: string;
  lesson_id: string | null;
  title: string;
  status: QuizSummary['status'];
  position: number;
  is_required: boolean;
  passing_score: number;
  time_limit_seconds: number | null;
  max_attempts: number | null;
  question_count: number;
  total_points: number;
  attempts_used: number;
  best_percent: number | null;
  passed: boolean;
}

function toSummary(r: SummaryRow): QuizSummary {
  return {
    id: r.id,
    courseId: r.course_id,
    lessonId: r.lesson_id,
    title: r.title,
    status: r.status,
    position: r.position,
    isRequired: r.is_required,
    passingScore: r.passing_score,
    timeLimitSeconds: r.time_limit_seconds,
    maxAttempts: r.max_attempts,
    questionCount: r.question_count,
    totalPoints: r.total_points,
    attemptsUsed: r.attempts_used,
    bestPercent: r.best_percent == null ? null : Number(r.best_percent),
    passed: r.passed,
  };
}

/**
 * A course's quizzes for the caller: 'no-course' when the course is not visible, 'not-enrolled'
 * when the caller neither learns (non-cancelled enrollment) nor manages it.
 */
export async function listQuizzes(sql: Sql, slug: string): Promise<QuizList | 'no-course' | 'not-enrolled'> {
  const [course] = await sql.query<CourseRef>('select id, slug, title from public.courses where slug = $1', [slug]);
  if (!course) return 'no-course';
  const access = await courseAccess(sql, course.id);
  if (!access.manages && !access.enrolled) return 'not-enrolled';
  const canManage = access.manages;
  const rows = await sql.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS} from public.quizzes q ${SUMMARY_JOINS}
      where q.course_id = $1
      order by q.position, q.created_at, q.id`,
    [course.id],
  );
  return { course, canManage, items: rows.map(toSummary) };
}

interface AttemptRow {
  id: string;
  quiz_id: string;
  attempt_number: number;
  status: QuizAttemptStatus;
  started_at: unknown;
  deadline_at: unknown;
  submitted_at: unknown;
  score_points: number | null;
  max_points: number | null;
  score_percent: number | string | null;
  passed: boolean | null;
}

const ATTEMPT_COLUMNS = `a.id, a.quiz_id, a.attempt_number, a.status::text as status, a.started_at, a.deadline_at,
  a.submitted_at, a.score_points, a.max_points, a.score_percent::float8 as score_percent, a.passed`;

const num = (v: number | string | null) => (v == null ? null : Number(v));

function toAttempt(r: AttemptRow): AttemptSummary {
  return {
    id: r.id,
    number: r.attempt_number,
    status: r.status,
    startedAt: iso(r.started_at)!,
    deadlineAt: iso(r.deadline_at),
    submittedAt: iso(r.submitted_at),
    score: num(r.score_points),
    maxScore: num(r.max_points),
    percent: num(r.score_percent),
    passed: r.passed,
  };
}

/** One quiz with the caller's attempts, or null when the caller may not see it. */
export async function quizDetail(sql: Sql, id: string): Promise<QuizDetail | null> {
  const [row] = await sql.query<
    SummaryRow & {
      description: string;
      review_policy: QuizReviewPolicy;
      shuffle_questions: boolean;
      shuffle_options: boolean;
      course_slug: string;
      course_title: string;
    }
  >(
    `select ${SUMMARY_COLUMNS}, q.description, q.review_policy::text as review_policy,
            q.shuffle_questions, q.shuffle_options, c.slug as course_slug, c.title as course_title
       from public.quizzes q
       join public.courses c on c.id = q.course_id
       ${SUMMARY_JOINS}
      where q.id = $1`,
    [id],
  );
  if (!row) return null;
  const attempts = await sql.query<AttemptRow & { open: boolean }>(
    `select ${ATTEMPT_COLUMNS}, (a.status = 'in_progress' and (a.deadline_at is null or a.deadline_at > now())) as open
       from public.quiz_attempts a
      where a.quiz_id = $1 and a.user_id = (select auth.uid())
      order by a.attempt_number desc`,
    [id],
  );
  return {
    ...toSummary(row),
    description: row.description ?? '',
    course: { id: row.course_id, slug: row.course_slug, title: row.course_title },
    reviewPolicy: row.review_policy,
    shuffleQuestions: row.shuffle_questions,
    shuffleOptions: row.shuffle_options,
    attemptsLeft: row.max_attempts == null ? null : Math.max(0, row.max_attempts - attempts.length),
    openAttemptId: attempts.find((a) => a.open)?.id ?? null,
    attempts: attempts.map(toAttempt),
  };
}

/**
 * Starts (or resumes) an attempt through public.start_quiz_attempt, then reads its questions
 * as the caller. `created`: whether this call made the attempt (its start is this transaction's).
 */
export async function startAttempt(sql: Sql, quizId: string): Promise<{ body: StartedAttempt; created: boolean }> {
  const [a] = await sql.query<
    AttemptRow & {
      question_ids: string[];
      option_order: Record<string, string[]> | null;
      created: boolean;
      now: unknown;
    }
  >(
    `select ${ATTEMPT_COLUMNS}, to_jsonb(a.question_ids) as question_ids, a.option_order,
            (a.started_at = now()) as created, now() as now
       from public.start_quiz_attempt($1) a`,
    [quizId],
  );
  if (!a) throw new Error('start_quiz_attempt returned no row');
  const [quiz] = await sql.query<{
    id: string;
    title: string;
    passing_score: number;
    time_limit_seconds: number | null;
  }>('select id, title, passing_score, time_limit_seconds from public.quizzes where id = $1', [quizId]);
  const rows = await sql.query<QuestionRow>(
    `select qq.id, qq.type::text as type, qq.prompt, qq.points, qq.options
       from public.quiz_questions qq
      where qq.quiz_id = $1 and qq.id in (select jsonb_array_elements_text($2::jsonb)::uuid)`,
    [quizId, JSON.stringify(a.question_ids)],
  );
  return {
    created: a.created,
    body: {
      attempt: {
        id: a.id,
        number: a.attempt_number,
        startedAt: iso(a.started_at)!,
        deadlineAt: iso(a.deadline_at),
        serverNow: iso(a.now)!,
      },
      quiz: {
        id: quiz!.id,
        title: quiz!.title,
        passingScore: quiz!.passing_score,
        timeLimitSeconds: quiz!.time_limit_seconds,
      },
      questions: inAttemptOrder(rows, a.question_ids, a.option_order),
    },
  };
}

/** Whether the owner may review an attempt now (the same rule as public.quiz_attempt_review). */
export function reviewAllowed(
  policy: QuizReviewPolicy,
  attempt: { status: QuizAttemptStatus; passed: boolean | null },
  attemptsLeft: number | null,
  passedAny: boolean,
): boolean {
  if (attempt.status === 'in_progress') return false;
  switch (policy) {
    case 'never':
      return false;
    case 'after_submit':
      return true;
    case 'after_pass':
      return attempt.passed === true;
    case 'after_last_attempt':
      return passedAny || attemptsLeft === 0;
  }
}

/**
 * Submits through public.submit_quiz_attempt. An attempt past its deadline comes back
 * 'expired' (the function records that, so the transaction must commit): the route answers 409.
 */
export async function submitAttempt(sql: Sql, attemptId: string, answers: unknown): Promise<SubmitAttemptResult> {
  const [a] = await sql.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from public.submit_quiz_attempt($1, $2::jsonb) a`,
    [attemptId, JSON.stringify(answers)],
  );
  if (!a) throw new Error('submit_quiz_attempt returned no row');
  const [q] = await sql.query<{
    passing_score: number;
    max_attempts: number | null;
    review_policy: QuizReviewPolicy;
    used: number;
    passed_any: boolean;
  }>(
    `select q.passing_score, q.max_attempts, q.review_policy::text as review_policy,
            (select count(*)::int from public.quiz_attempts x where x.quiz_id = q.id and x.user_id = (select auth.uid())) as used,
            exists (select 1 from public.quiz_attempts x
                     where x.quiz_id = q.id and x.user_id = (select auth.uid()) and x.passed) as passed_any
       from public.quizzes q where q.id = $1`,
    [a.quiz_id],
  );
  const attemptsLeft = q!.max_attempts == null ? null : Math.max(0, q!.max_attempts - q!.used);
  return {
    attemptId: a.id,
    quizId: a.quiz_id,
    number: a.attempt_number,
    status: a.status,
    score: num(a.score_points) ?? 0,
    maxScore: num(a.max_points) ?? 0,
    percent: num(a.score_percent) ?? 0,
    passed: a.passed ?? false,
    passingScore: q!.passing_score,
    submittedAt: iso(a.submitted_at),
    reviewAvailable: reviewAllowed(q!.review_policy, a, attemptsLeft, q!.passed_any),
    attemptsLeft,
  };
}

interface ReviewItem {
  id: string;
  type: QuestionRow['type'];
  prompt: string;
  options: QuestionRow['options'];
  correct: boolean;
  points: number;
  maxPoints: number;
  yourAnswer?: unknown;
  correctAnswer?: unknown;
  explanation?: string | null;
}

/**
 * The review of an attempt: public.quiz_attempt_review decides who may see it (the owner as the
 * quiz's review policy allows, course managers always); options come in the attempt's order.
 */
export async function attemptReview(sql: Sql, attemptId: string): Promise<AttemptReview> {
  const [r] = await sql.query<{ review: { questions: ReviewItem[] } }>(
    'select public.quiz_attempt_review($1) as review',
    [attemptId],
  );
  const [a] = await sql.query<AttemptRow & { option_order: Record<string, string[]> | null }>(
    `select ${ATTEMPT_COLUMNS}, a.option_order from public.quiz_attempts a where a.id = $1`,
    [attemptId],
  );
  if (!a) throw new AppError(404, 'attempt_not_found', 'attempt not found');
  const items = r?.review?.questions ?? [];
  const shown = inAttemptOrder(
    items,
    items.map((i) => i.id),
    a.option_order,
  );
  return {
    attemptId,
    quizId: a.quiz_id,
    score: num(a.score_points),
    maxScore: num(a.max_points),
    percent: num(a.score_percent),
    passed: a.passed,
    questions: items.map((i, n) => ({
      id: i.id,
      type: i.type,
      prompt: i.prompt,
      options: shown[n]!.options,
      points: i.points,
      maxPoints: i.maxPoints,
      correct: i.correct,
      yourAnswer: i.yourAnswer ?? null,
      correctAnswer: i.correctAnswer ?? null,
      explanation: i.explanation ?? '',
    })),
  };
}
