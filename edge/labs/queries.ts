import { iso } from '../catalog/rows.ts';
import type {
  LabAttempt,
  LabDetail,
  LabList,
  LabProgress,
  LabSubmission,
  LabSubmissionList,
  LabTestResult,
} from '../contract/labs.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';
import { courseAccess } from '../learners/course-access.ts';
import type { LabLanguage, LabRunResult } from './runner.ts';

/**
 * The learner side's reads and writes as the caller (RLS shows learners only published labs of
 * courses they are enrolled in, lesson-bound ones once the lesson is open, and never
 * lab_secrets), plus the two service-role definer calls that grade: lab_grading_context and
 * record_lab_submission.
 */

export const labNotFound = () => new AppError(404, 'lab_not_found', 'lab not found');

const num = (v: unknown) => (v == null ? 0 : Number(v));

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  language: LabLanguage;
  lesson_id: string | null;
  points: number;
  is_required: boolean;
  status: 'draft' | 'published';
  attempts: number;
  passed: boolean;
  best_status: LabRunResult['status'] | null;
  best_score: unknown;
  best_points: number | null;
}

/**
 * A course's labs for the caller, with their best attempt: 'no-course' when the course is not
 * visible, 'not-enrolled' when the caller neither learns (non-cancelled enrollment) nor manages it.
 */
export async function listLabs(sql: Sql, courseSlug: string): Promise<LabList | 'no-course' | 'not-enrolled'> {
  const [course] = await sql.query<{ id: string }>('select id from public.courses where slug = $1', [courseSlug]);
  if (!course) return 'no-course';
  const access = await courseAccess(sql, course.id);
  if (!access.manages && !access.enrolled) return 'not-enrolled';
  const rows = await sql.query<SummaryRow>(
    `select l.id, l.slug, l.title, l.language::text as language, l.lesson_id, l.points, l.is_required, l.status,
            coalesce(mine.attempts, 0)::int as attempts, coalesce(mine.passed, false) as passed,
            best.status::text as best_status, best.score as best_score, best.points as best_points
       from public.labs l
       left join lateral (
         select count(*) as attempts, bool_or(s.status = 'passed') as passed
           from public.lab_submissions s where s.lab_id = l.id and s.user_id = (select auth.uid())
       ) mine on true
       left join lateral (
         select s.status, s.score, s.points
           from public.lab_submissions s where s.lab_id = l.id and s.user_id = (select auth.uid())
          order by (s.status = 'passed') desc, s.score desc, s.created_at
          limit 1
       ) best on true
      where l.course_id = $1
      order by l.position, l.title, l.id`,
    [course.id],
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    language: r.language,
    lessonId: r.lesson_id,
    points: r.points,
    isRequired: r.is_required,
    status: r.status,
    best: r.best_status ? { status: r.best_status, score: num(r.best_score), points: r.best_points ?? 0 } : null,
    attempts: r.attempts,
    passed: r.passed,
  }));
}

interface AttemptRow {
  id: string;
  status: LabRunResult['status'];
  score: unknown;
  points: number;
  created_at: unknown;
  duration_ms: number | null;
}

const toAttempt = (r: AttemptRow): LabAttempt => ({
  id: r.id,
  status: r.status,
  score: num(r.score),
  points: r.points,
  createdAt: iso(r.created_at)!,
  durationMs: r.duration_ms,
});

const ATTEMPT_COLUMNS = 's.id, s.status::text as status, s.score, s.points, s.created_at, s.duration_ms';

interface DetailRow {
  id: string;
  course_id: string;
  course_slug: string;
  slug: string;
  title: string;
  instructions_md: string;
  language: LabLanguage;
  starter_code: string;
  visible_tests: string;
  points: number;
  time_limit_ms: number;
  memory_limit_mb: number;
  lesson_id: string | null;
}

/** The workspace's lab, the caller's draft and latest 20 attempts; null when RLS hides the lab. */
export async function labDetail(sql: Sql, labId: string): Promise<LabDetail | null> {
  const [lab] = await sql.query<DetailRow>(
    `select l.id, l.course_id, c.slug as course_slug, l.slug, l.title, l.instructions_md, l.language::text as language,
            l.starter_code, l.visible_tests, l.points, l.time_limit_ms, l.memory_limit_mb, l.lesson_id
       from public.labs l join public.courses c on c.id = l.course_id
      where l.id = $1`,
    [labId],
  );
  if (!lab) return null;
  const [draft] = await sql.query<{ code: string; updated_at: unknown }>(
    'select code, updated_at from public.lab_drafts where lab_id = $1 and user_id = (select auth.uid())',
    [labId],
  );
  const history = await sql.query<AttemptRow>(
    `select ${ATTEMPT_COLUMNS} from public.lab_submissions s
      where s.lab_id = $1 and s.user_id = (select auth.uid())
      order by s.created_at desc, s.id desc limit 20`,
    [labId],
  );
  const [passed] = await sql.query(
    `select 1 from public.lab_submissions s
      where s.lab_id = $1 and s.user_id = (select auth.uid()) and s.status = 'passed' limit 1`,
    [labId],
  );
  return {
    id: lab.id,
    courseId: lab.course_id,
    courseSlug: lab.course_slug,
    slug: lab.slug,
    title: lab.title,
    instructionsMd: lab.instructions_md,
    language: lab.language,
    starterCode: lab.starter_code,
    visibleTests: lab.visible_tests,
    points: lab.points,
    timeLimitMs: lab.time_limit_ms,
    memoryLimitMb: lab.memory_limit_mb,
    lessonId: lab.lesson_id,
    draft: draft ? { code: draft.code, updatedAt: iso(draft.updated_at)! } : null,
    history: history.map(toAttempt),
    passed: !!passed,
  };
}

/** Whether RLS shows the caller this lab. */
export async function labVisible(sql: Sql, labId: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from public.labs where id = $1', [labId]);
  return !!row;
}

/** Upserts the caller's draft (RLS: only for labs open to them). */
export async function saveDraft(sql: Sql, labId: string, code: string): Promise<string> {
  if (!(await labVisible(sql, labId))) throw labNotFound();
  const [row] = await sql.query<{ updated_at: unknown }>(
    `insert into public.lab_drafts (user_id, lab_id, code) values ((select auth.uid()), $1, $2)
     on conflict (user_id, lab_id) do update set code = excluded.code, updated_at = now()
     returning updated_at`,
    [labId, code],
  );
  return iso(row!.updated_at)!;
}

export async function deleteDraft(sql: Sql, labId: string): Promise<void> {
  await sql.query('delete from public.lab_drafts where lab_id = $1 and user_id = (select auth.uid())', [labId]);
}

interface SubmissionRow extends AttemptRow {
  code: string;
  tests: unknown;
  output: string | null;
}

/** The caller's own submissions of a lab, newest first (latest 50); null when RLS hides the lab. */
export async function ownSubmissions(sql: Sql, labId: string): Promise<LabSubmissionList | null> {
  if (!(await labVisible(sql, labId))) return null;
  const rows = await sql.query<SubmissionRow>(
    `select ${ATTEMPT_COLUMNS}, s.code, s.tests, s.output from public.lab_submissions s
      where s.lab_id = $1 and s.user_id = (select auth.uid())
      order by s.created_at desc, s.id desc limit 50`,
    [labId],
  );
  return rows.map(
    (r): LabSubmission => ({
      ...toAttempt(r),
      code: r.code,
      tests: learnerTests(parseTests(r.tests)),
      output: r.output ?? '',
    }),
  );
}

function parseTests(value: unknown): LabTestResult[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list)) return [];
  return list.map((t: Record<string, unknown>) => ({
    name: String(t.name ?? ''),
    passed: t.passed === true,
    message: typeof t.message === 'string' ? t.message : null,
    hidden: t.hidden === true,
  }));
}

/**
 * What a learner may see of test results: a hidden test's message is never more than
 * "Hidden test failed" (the runner already says so; this holds even if it did not).
 */
export function learnerTests(tests: LabTestResult[]): LabTestResult[] {
  return tests.map((t) =>
    t.hidden ? { name: t.name, passed: t.passed, message: t.passed ? null : 'Hidden test failed', hidden: true } : t,
  );
}

/** private.lab_grading_context's answer. */
export interface GradingContext {
  labId: string;
  courseId: string;
  slug: string;
  title: string;
  language: LabLanguage;
  points: number;
  timeLimitMs: number;
  memoryLimitMb: number;
  visibleTests: string;
  hiddenTests: string;
  referenceSolution: string | null;
  isManager: boolean;
}

const asJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The lab as the grader needs it (service role): its 404/403/423 refusals come from the function. */
export async function gradingContext(sql: Sql, labId: string, userId: string): Promise<GradingContext> {
  const [row] = await sql.query<{ ctx: unknown }>('select private.lab_grading_context($1, $2) as ctx', [labId, userId]);
  return asJson<GradingContext>(row!.ctx);
}

export interface RecordedSubmission {
  id: string;
  createdAt: string;
  points: number;
  progress: LabProgress | null;
}

/** Stores a graded submission (service role); a pass completes the lab's lesson and moves progress. */
export async function recordSubmission(
  sql: Sql,
  labId: string,
  userId: string,
  code: string,
  result: LabRunResult,
): Promise<RecordedSubmission> {
  const [row] = await sql.query<{ r: unknown }>(
    `select private.record_lab_submission($1, $2, $3, $4::public.lab_status, $5, $6::jsonb, $7, $8) as r`,
    [
      labId,
      userId,
      code,
      result.status,
      result.score,
      JSON.stringify(result.tests),
      result.output.slice(0, 20_000),
      Math.round(result.durationMs),
    ],
  );
  const r = asJson<RecordedSubmission>(row!.r);
  return {
    id: r.id,
    createdAt: iso(r.createdAt)!,
    points: r.points,
    progress: r.progress
      ? {
          percentage: Number(r.progress.percentage),
          completedItems: Number(r.progress.completedItems),
          totalItems: Number(r.progress.totalItems),
          status: String(r.progress.status),
        }
      : null,
  };
}
