import type {
  AssignmentPatch,
  AssignmentSubmission,
  GradingQueue,
  GradingSubmission,
  TeachAssignment,
  TeachAssignmentList,
} from '../contract/assignments.ts';
import type { Sql } from '../db/port.ts';
import { learnerNames } from '../learners/names.ts';
import {
  ASSIGNMENT_COLUMNS,
  type AssignmentRow,
  SUBMISSION_COLUMNS,
  type SubmissionRow,
  submission,
  teachAssignment,
} from './rows.ts';

/**
 * The instructor's side, run as the caller. RLS lets a course's managers (its owner instructor,
 * admins) read and write its assignments and read its submissions; the explicit "managed" filter
 * keeps an instructor's own learning (their submissions in someone else's course) out of the queue.
 */

/** Limits a queue answer; the oldest come first, so grading them brings the next ones in. */
export const QUEUE_LIMIT = 200;

const MANAGED = `((select private.is_admin()) or %s in (select private.my_managed_course_ids()))`;
const managed = (column: string) => MANAGED.replace('%s', column);

const COUNTS = `(select count(*)::int from public.assignment_submissions s where s.assignment_id = a.id) as submissions,
  (select count(*)::int from public.assignment_submissions s where s.assignment_id = a.id and s.status <> 'graded') as ungraded`;

type TeachRow = AssignmentRow & { submissions: number; ungraded: number };

export async function managedCourse(sql: Sql, courseId: string) {
  const [row] = await sql.query<{ id: string; slug: string; title: string }>(
    `select c.id, c.slug, c.title from public.courses c where c.id = $1 and ${managed('c.id')}`,
    [courseId],
  );
  return row ?? null;
}

export async function teachAssignments(sql: Sql, courseId: string): Promise<TeachAssignmentList | null> {
  const course = await managedCourse(sql, courseId);
  if (!course) return null;
  const rows = await sql.query<TeachRow>(
    `select ${ASSIGNMENT_COLUMNS}, ${COUNTS} from public.assignments a
      where a.course_id = $1
      order by a.position, a.created_at, a.id`,
    [courseId],
  );
  return { course, items: rows.map(teachAssignment) };
}

async function oneTeachAssignment(sql: Sql, id: string): Promise<TeachAssignment | null> {
  const [row] = await sql.query<TeachRow>(
    `select ${ASSIGNMENT_COLUMNS}, ${COUNTS} from public.assignments a where a.id = $1 and ${managed('a.course_id')}`,
    [id],
  );
  return row ? teachAssignment(row) : null;
}

/** API field -> column, and how the value is sent. */
const COLUMNS: Record<keyof AssignmentPatch, { column: string; cast: string; json?: boolean }> = {
  title: { column: 'title', cast: 'text' },
  instructions: { column: 'instructions', cast: 'text' },
  lessonId: { column: 'lesson_id', cast: 'uuid' },
  dueAt: { column: 'due_at', cast: 'timestamptz' },
  latePolicy: { column: 'late_policy', cast: 'public.assignment_late_policy' },
  latePenaltyPercent: { column: 'late_penalty_percent', cast: 'int' },
  maxPoints: { column: 'max_points', cast: 'int' },
  passingPoints: { column: 'passing_points', cast: 'int' },
  submissionTypes: { column: 'submission_types', cast: 'text[]' },
  allowedFileTypes: { column: 'allowed_file_types', cast: 'text[]' },
  maxFileBytes: { column: 'max_file_bytes', cast: 'int' },
  rubric: { column: 'rubric', cast: 'jsonb', json: true },
  isRequired: { column: 'is_required', cast: 'boolean' },
  status: { column: 'status', cast: 'public.lesson_status' },
  position: { column: 'position', cast: 'int' },
};

function columnsOf(input: AssignmentPatch) {
  const entries = (Object.keys(COLUMNS) as (keyof AssignmentPatch)[])
    .filter((k) => input[k] !== undefined)
    .map((k) => {
      const { column, cast, json } = COLUMNS[k];
      return { column, cast, value: json ? JSON.stringify(input[k]) : input[k] };
    });
  return entries;
}

/** A lesson given with an assignment must belong to the same course (else a 400). */
async function lessonInCourse(sql: Sql, lessonId: string, courseId: string): Promise<boolean> {
  const [row] = await sql.query('select 1 from public.lessons l where l.id = $1 and l.course_id = $2', [
    lessonId,
    courseId,
  ]);
  return row !== undefined;
}

export type WriteResult = TeachAssignment | 'not-found' | 'bad-lesson';

export async function createAssignment(sql: Sql, courseId: string, input: AssignmentPatch): Promise<WriteResult> {
  if (!(await managedCourse(sql, courseId))) return 'not-found';
  if (input.lessonId && !(await lessonInCourse(sql, input.lessonId, courseId))) return 'bad-lesson';
  const cols = columnsOf(input);
  const names = ['course_id', ...cols.map((c) => c.column)].join(', ');
  const values = ['$1::uuid', ...cols.map((c, i) => `$${i + 2}::${c.cast}`)].join(', ');
  const [row] = await sql.query<{ id: string }>(
    `insert into public.assignments (${names}) values (${values}) returning id`,
    [courseId, ...cols.map((c) => c.value)],
  );
  return (await oneTeachAssignment(sql, row!.id)) ?? 'not-found';
}

export async function updateAssignment(sql: Sql, id: string, patch: AssignmentPatch): Promise<WriteResult> {
  const [current] = await sql.query<{ course_id: string }>(
    `select a.course_id from public.assignments a where a.id = $1 and ${managed('a.course_id')}`,
    [id],
  );
  if (!current) return 'not-found';
  if (patch.lessonId && !(await lessonInCourse(sql, patch.lessonId, current.course_id))) return 'bad-lesson';
  const cols = columnsOf(patch);
  if (cols.length > 0) {
    const sets = cols.map((c, i) => `${c.column} = $${i + 2}::${c.cast}`).join(', ');
    await sql.query(`update public.assignments set ${sets} where id = $1`, [id, ...cols.map((c) => c.value)]);
  }
  return (await oneTeachAssignment(sql, id)) ?? 'not-found';
}

/**
 * Deletes an assignment its manager owns. One with submissions stays (its grades count towards
 * learners' progress): 'has-submissions', so the instructor unpublishes it instead.
 */
export async function deleteAssignment(sql: Sql, id: string): Promise<'deleted' | 'not-found' | 'has-submissions'> {
  const [row] = await sql.query<{ taken: boolean }>(
    `select exists (select 1 from public.assignment_submissions s where s.assignment_id = a.id) as taken
       from public.assignments a where a.id = $1 and ${managed('a.course_id')}
        for update`,
    [id],
  );
  if (!row) return 'not-found';
  if (row.taken) return 'has-submissions';
  await sql.query('delete from public.assignments where id = $1', [id]);
  return 'deleted';
}

export async function gradingQueue(
  sql: Sql,
  userId: string,
  course: string | undefined,
  status: 'ungraded' | 'all',
): Promise<GradingQueue> {
  const rows = await sql.query<
    SubmissionRow & {
      assignment_title: string;
      course_title: string;
      max_points: number;
    }
  >(
    `select ${SUBMISSION_COLUMNS}, a.title as assignment_title, a.max_points, c.title as course_title
       from public.assignment_submissions s
       join public.assignments a on a.id = s.assignment_id
       join public.courses c on c.id = s.course_id
      where ($1::uuid is null or s.course_id = $1)
        and ($2 = 'all' or s.status <> 'graded')
        and s.user_id <> $3
        and ${managed('s.course_id')}
      order by s.submitted_at, s.id
      limit ${QUEUE_LIMIT}`,
    [course ?? null, status, userId],
  );
  const names = await learnerNames(
    sql,
    rows.map((r) => r.user_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      assignmentId: r.assignment_id,
      assignmentTitle: r.assignment_title,
      courseId: r.course_id,
      courseTitle: r.course_title,
      learner: { id: r.user_id, name: names.get(r.user_id) ?? null },
      attemptNumber: r.attempt_number,
      submittedAt: new Date(r.submitted_at).toISOString(),
      isLate: r.is_late,
      status: r.status,
      finalPoints: r.final_points === null ? null : Number(r.final_points),
      maxPoints: r.max_points,
    })),
  };
}

/** One submission of a course the caller manages, with its assignment and rubric; null otherwise. */
export async function gradingSubmission(sql: Sql, id: string): Promise<GradingSubmission | null> {
  const [r] = await sql.query<
    SubmissionRow & {
      title: string;
      instructions: string;
      max_points: number;
      passing_points: number | null;
      rubric: GradingSubmission['assignment']['rubric'];
      course_title: string;
    }
  >(
    `select ${SUBMISSION_COLUMNS}, a.title, a.instructions, a.max_points, a.passing_points, a.rubric,
            c.title as course_title
       from public.assignment_submissions s
       join public.assignments a on a.id = s.assignment_id
       join public.courses c on c.id = s.course_id
      where s.id = $1 and ${managed('s.course_id')}`,
    [id],
  );
  if (!r) return null;
  const names = await learnerNames(sql, [r.user_id]);
  return {
    submission: submission(r),
    learner: { id: r.user_id, name: names.get(r.user_id) ?? null },
    assignment: {
      id: r.assignment_id,
      title: r.title,
      courseId: r.course_id,
      courseTitle: r.course_title,
      instructions: r.instructions,
      maxPoints: r.max_points,
      passingPoints: r.passing_points,
      rubric: r.rubric ?? [],
    },
  };
}

/** public.grade_submission decides who may grade and what a grade may be. */
export async function gradeSubmission(
  sql: Sql,
  id: string,
  points: number | null,
  rubricMarks: Record<string, number> | null,
  feedback: string,
): Promise<AssignmentSubmission> {
  const [row] = await sql.query<SubmissionRow>(
    `select ${SUBMISSION_COLUMNS} from public.grade_submission($1::uuid, $2::numeric, $3::jsonb, $4::text) s`,
    [id, points, rubricMarks === null ? null : JSON.stringify(rubricMarks), feedback],
  );
  return submission(row!);
}
