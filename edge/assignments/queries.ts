import type {
  AssignmentDetail,
  AssignmentList,
  AssignmentSubmission,
  Gradebook,
  SubmissionFile,
} from '../contract/assignments.ts';
import type { Sql } from '../db/port.ts';
import {
  ASSIGNMENT_COLUMNS,
  type AssignmentRow,
  assignmentFields,
  latest,
  SUBMISSION_COLUMNS,
  type SubmissionRow,
  submission,
} from './rows.ts';

/**
 * The learner's side, run as the caller: RLS shows a learner the published assignments of the
 * courses they are enrolled in and their own submissions; a course's managers see all of it.
 */

interface CourseRow {
  id: string;
  slug: string;
  title: string;
  /** The caller manages the course (owner instructor, or admin). */
  manages: boolean;
  /** The caller's enrollment status, null when not enrolled. */
  enrollment: 'active' | 'completed' | 'cancelled' | null;
}

/** The course by slug as the caller sees it, with whether they manage it and their enrollment. */
export async function courseBySlug(sql: Sql, slug: string, userId: string): Promise<CourseRow | null> {
  const [row] = await sql.query<CourseRow>(
    `select c.id, c.slug, c.title,
            ((select private.is_admin()) or c.id in (select private.my_managed_course_ids())) as manages,
            (select e.status::text from public.enrollments e where e.user_id = $2 and e.course_id = c.id) as enrollment
       from public.courses c
      where c.slug = $1`,
    [slug, userId],
  );
  return row ?? null;
}

const enrolled = (c: CourseRow) => c.enrollment !== null && c.enrollment !== 'cancelled';

/** The course's assignments with the caller's newest submission of each; null when the caller has no access. */
export async function listAssignments(
  sql: Sql,
  slug: string,
  userId: string,
): Promise<AssignmentList | 'no-course' | 'not-enrolled'> {
  const course = await courseBySlug(sql, slug, userId);
  if (!course) return 'no-course';
  if (!course.manages && !enrolled(course)) return 'not-enrolled';
  const rows = await sql.query<AssignmentRow>(
    `select ${ASSIGNMENT_COLUMNS} from public.assignments a
      where a.course_id = $1 and ($2::boolean or a.status = 'published')
      order by a.position, a.created_at, a.id`,
    [course.id, course.manages],
  );
  const mine = await latestSubmissions(sql, course.id, userId);
  return {
    course: { id: course.id, slug: course.slug, title: course.title },
    canManage: course.manages,
    items: rows.map((r) => ({ ...assignmentFields(r), closed: r.closed, latest: mine.get(r.id) ?? null })),
  };
}

async function latestSubmissions(sql: Sql, courseId: string, userId: string) {
  const rows = await sql.query<SubmissionRow>(
    `select distinct on (s.assignment_id) ${SUBMISSION_COLUMNS}
       from public.assignment_submissions s
      where s.course_id = $1 and s.user_id = $2
      order by s.assignment_id, s.attempt_number desc`,
    [courseId, userId],
  );
  return new Map(rows.map((r) => [r.assignment_id, latest(r)]));
}

/** One assignment the caller may read, with their own submissions (newest first); null otherwise. */
export async function assignmentDetail(sql: Sql, id: string, userId: string): Promise<AssignmentDetail | null> {
  const [row] = await sql.query<AssignmentRow & { slug: string; course_title: string }>(
    `select ${ASSIGNMENT_COLUMNS}, c.slug, c.title as course_title
       from public.assignments a
       join public.courses c on c.id = a.course_id
      where a.id = $1`,
    [id],
  );
  if (!row) return null;
  const subs = await sql.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} from public.assignment_submissions s
      where s.assignment_id = $1 and s.user_id = $2
      order by s.attempt_number desc`,
    [id, userId],
  );
  return {
    ...assignmentFields(row),
    closed: row.closed,
    latest: subs[0] ? latest(subs[0]) : null,
    course: { id: row.course_id, slug: row.slug, title: row.course_title },
    instructions: row.instructions,
    allowedFileTypes: row.allowed_file_types,
    maxFileBytes: row.max_file_bytes,
    rubric: row.rubric ?? [],
    uploadFolder: `${userId}/${row.course_id}/${row.id}`,
    submissions: subs.map(submission),
  };
}

/** Hands the submission to public.submit_assignment, which checks everything and decides lateness. */
export async function submitAssignment(
  sql: Sql,
  id: string,
  text: string | null,
  files: SubmissionFile[],
): Promise<AssignmentSubmission> {
  const [row] = await sql.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} from public.submit_assignment($1::uuid, $2::text, $3::jsonb) s`,
    [id, text, JSON.stringify(files)],
  );
  return submission(row!);
}

/** The caller's own results in a course they are enrolled in. */
export async function gradebook(
  sql: Sql,
  slug: string,
  userId: string,
): Promise<Gradebook | 'no-course' | 'not-enrolled'> {
  const [course] = await sql.query<{
    id: string;
    slug: string;
    title: string;
    status: 'active' | 'completed' | 'cancelled' | null;
    percent: number | null;
    completed_items: number | null;
    total_items: number | null;
    completed_at: Date | string | null;
  }>(
    `select c.id, c.slug, c.title, e.status::text as status, e.progress_percentage::float8 as percent,
            e.completed_items, e.total_items, e.completed_at
       from public.courses c
       left join public.enrollments e on e.course_id = c.id and e.user_id = $2
      where c.slug = $1`,
    [slug, userId],
  );
  if (!course) return 'no-course';
  if (course.status === null || course.status === 'cancelled') return 'not-enrolled';

  const [lessons] = await sql.query<{ done: number; total: number }>(
    `select count(*)::int as total, count(p.id)::int as done
       from public.lessons l
       left join public.lesson_progress p on p.lesson_id = l.id and p.user_id = $2 and p.is_completed
      where l.course_id = $1 and l.status = 'published' and l.content_type in ('text', 'video', 'pdf', 'slides')`,
    [course.id, userId],
  );
  const quizzes = await sql.query<{
    id: string;
    title: string;
    is_required: boolean;
    passing_score: number;
    attempts: number;
    best: number | null;
    passed: boolean;
  }>(
    `select q.id, q.title, q.is_required, q.passing_score,
            count(t.id) filter (where t.status = 'submitted')::int as attempts,
            max(t.score_percent) filter (where t.status = 'submitted')::float8 as best,
            coalesce(bool_or(t.passed) filter (where t.status = 'submitted'), false) as passed
       from public.quizzes q
       left join public.quiz_attempts t on t.quiz_id = q.id and t.user_id = $2
      where q.course_id = $1 and q.status = 'published'
      group by q.id
      order by q.position, q.created_at, q.id`,
    [course.id, userId],
  );
  const assignments = await sql.query<{
    id: string;
    title: string;
    is_required: boolean;
    max_points: number;
    passing_points: number | null;
    status: 'submitted' | 'late' | 'graded' | null;
    points: number | null;
    final_points: number | null;
    feedback: string | null;
    passed: boolean;
  }>(
    `select a.id, a.title, a.is_required, a.max_points, a.passing_points,
            s.status::text as status, s.points::float8 as points, s.final_points::float8 as final_points, s.feedback,
            exists (select 1 from public.assignment_submissions g
                     where g.assignment_id = a.id and g.user_id = $2 and g.status = 'graded'
                       and g.final_points >= coalesce(a.passing_points, 0)) as passed
       from public.assignments a
       left join lateral (
         select x.status, x.points, x.final_points, x.feedback from public.assignment_submissions x
          where x.assignment_id = a.id and x.user_id = $2
          order by x.attempt_number desc limit 1
       ) s on true
      where a.course_id = $1 and a.status = 'published'
      order by a.position, a.created_at, a.id`,
    [course.id, userId],
  );
  return {
    course: { id: course.id, slug: course.slug, title: course.title },
    progress: {
      percent: Number(course.percent ?? 0),
      completedItems: course.completed_items ?? 0,
      totalItems: course.total_items ?? 0,
      status: course.status,
      completedAt: course.completed_at === null ? null : new Date(course.completed_at).toISOString(),
    },
    lessons: { done: lessons?.done ?? 0, total: lessons?.total ?? 0 },
    quizzes: quizzes.map((q) => ({
      id: q.id,
      title: q.title,
      isRequired: q.is_required,
      passingScore: q.passing_score,
      attempts: q.attempts,
      bestPercent: q.best === null ? null : Number(q.best),
      passed: q.passed,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      title: a.title,
      isRequired: a.is_required,
      maxPoints: a.max_points,
      passingPoints: a.passing_points,
      status: a.status,
      points: a.points === null ? null : Number(a.points),
      finalPoints: a.final_points === null ? null : Number(a.final_points),
      feedback: a.feedback,
      passed: a.passed,
    })),
  };
}
