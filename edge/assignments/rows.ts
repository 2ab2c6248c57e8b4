import type {
  AssignmentStatus,
  AssignmentSubmission,
  LatestSubmission,
  RubricCriterion,
  SubmissionFile,
  SubmissionStatus,
  SubmissionType,
  TeachAssignment,
} from '../contract/assignments.ts';

/** Database rows of assignments and submissions, and their API shapes. Numerics leave SQL as float8. */

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const num = (n: number | string | null) => (n === null ? null : Number(n));

/** An assignment's columns as `a` (with `closed` computed against now()). */
export const ASSIGNMENT_COLUMNS = `a.id, a.course_id, a.lesson_id, a.title, a.instructions, a.due_at,
  a.late_policy::text as late_policy, a.late_penalty_percent, a.max_points, a.passing_points,
  a.submission_types, a.allowed_file_types, a.max_file_bytes, a.rubric, a.is_required,
  a.status::text as status, a.position, a.created_at, a.updated_at,
  (a.due_at is not null and a.due_at < now() and a.late_policy = 'reject') as closed`;

export interface AssignmentRow {
  id: string;
  course_id: string;
  lesson_id: string | null;
  title: string;
  instructions: string;
  due_at: Date | string | null;
  late_policy: 'accept' | 'penalty' | 'reject';
  late_penalty_percent: number;
  max_points: number;
  passing_points: number | null;
  submission_types: SubmissionType[];
  allowed_file_types: string[];
  max_file_bytes: number;
  rubric: RubricCriterion[];
  is_required: boolean;
  status: AssignmentStatus;
  position: number;
  created_at: Date | string;
  updated_at: Date | string;
  closed: boolean;
}

export function assignmentFields(r: AssignmentRow) {
  return {
    id: r.id,
    courseId: r.course_id,
    lessonId: r.lesson_id,
    title: r.title,
    dueAt: isoOrNull(r.due_at),
    latePolicy: r.late_policy,
    latePenaltyPercent: r.late_penalty_percent,
    maxPoints: r.max_points,
    passingPoints: r.passing_points,
    submissionTypes: r.submission_types,
    isRequired: r.is_required,
    status: r.status,
    position: r.position,
  };
}

export function teachAssignment(r: AssignmentRow & { submissions: number; ungraded: number }): TeachAssignment {
  return {
    ...assignmentFields(r),
    instructions: r.instructions,
    allowedFileTypes: r.allowed_file_types,
    maxFileBytes: r.max_file_bytes,
    rubric: r.rubric ?? [],
    submissions: r.submissions,
    ungraded: r.ungraded,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A submission's columns as `s`. */
export const SUBMISSION_COLUMNS = `s.id, s.assignment_id, s.course_id, s.user_id, s.attempt_number, s.text_content,
  s.files, s.submitted_at, s.is_late, s.status::text as status, s.points::float8 as points, s.penalty_percent,
  s.final_points::float8 as final_points, s.rubric_marks, s.feedback, s.graded_at`;

export interface SubmissionRow {
  id: string;
  assignment_id: string;
  course_id: string;
  user_id: string;
  attempt_number: number;
  text_content: string | null;
  files: SubmissionFile[] | null;
  submitted_at: Date | string;
  is_late: boolean;
  status: SubmissionStatus;
  points: number | string | null;
  penalty_percent: number;
  final_points: number | string | null;
  rubric_marks: Record<string, number | string> | null;
  feedback: string | null;
  graded_at: Date | string | null;
}

export function submission(r: SubmissionRow): AssignmentSubmission {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    attemptNumber: r.attempt_number,
    textContent: r.text_content,
    files: (r.files ?? []).map((f) => ({ path: f.path, name: f.name, size: Number(f.size), type: f.type })),
    submittedAt: iso(r.submitted_at),
    isLate: r.is_late,
    status: r.status,
    points: num(r.points),
    penaltyPercent: r.penalty_percent,
    finalPoints: num(r.final_points),
    rubricMarks: r.rubric_marks
      ? Object.fromEntries(Object.entries(r.rubric_marks).map(([k, v]) => [k, Number(v)]))
      : null,
    feedback: r.feedback,
    gradedAt: isoOrNull(r.graded_at),
  };
}

export function latest(r: SubmissionRow): LatestSubmission {
  return {
    id: r.id,
    attemptNumber: r.attempt_number,
    status: r.status,
    submittedAt: iso(r.submitted_at),
    isLate: r.is_late,
    points: num(r.points),
    finalPoints: num(r.final_points),
  };
}
