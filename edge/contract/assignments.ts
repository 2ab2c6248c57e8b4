import { z } from 'zod';
import { enrollmentStatus, isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Assignments, submissions, grading and the learner's gradebook.
 * Learners: GET /api/assignments?course=<slug>, GET /api/assignments/:id,
 * POST /api/assignments/:id/submissions, GET /api/courses/:slug/gradebook.
 * Teaching: GET/POST /api/teach/courses/:courseId/assignments, PATCH/DELETE /api/teach/assignments/:id,
 * GET /api/teach/grading, GET /api/teach/submissions/:id, POST /api/teach/submissions/:id/grade.
 *
 * Files: the API names a file by its object path in the private `submissions` bucket
 * (`<learnerId>/<courseId>/<assignmentId>/<uuid>-<name>`); the web app turns a path into a
 * short-lived link with `supabase.storage.from('submissions').createSignedUrl(path)` as the
 * signed-in user, so storage RLS (the learner, the course's instructor, admins) decides who reads it.
 */

export const SUBMISSIONS_BUCKET = 'submissions';
/** The most files one submission carries. */
export const MAX_SUBMISSION_FILES = 10;
/** The longest text answer, in characters (the database's limit). */
export const MAX_SUBMISSION_TEXT = 100_000;
/** The largest file size an assignment may allow: 50 MB, the bucket's limit. */
export const MAX_ASSIGNMENT_FILE_BYTES = 50 * 1024 * 1024;

export const assignmentLatePolicy = z.enum(['accept', 'penalty', 'reject']);
export const submissionStatus = z.enum(['submitted', 'late', 'graded']);
export const submissionType = z.enum(['text', 'file']);
export const assignmentStatus = z.enum(['draft', 'published']);

export const rubricCriterion = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  criterion: z.string().trim().min(1).max(500),
  points: z.int().min(1).max(1000),
});

export const submissionFile = z.strictObject({
  path: z.string().min(1).max(1024),
  name: z.string().min(1).max(255),
  size: z.int().min(0),
  type: z.string().min(1).max(255),
});

/** The caller's newest submission of an assignment, in lists. */
export const latestSubmission = z.strictObject({
  id: uuid,
  attemptNumber: z.int().positive(),
  status: submissionStatus,
  submittedAt: isoDateTime,
  isLate: z.boolean(),
  points: z.number().nullable(),
  finalPoints: z.number().nullable(),
});

const assignmentFields = {
  id: uuid,
  courseId: uuid,
  lessonId: uuid.nullable(),
  title: z.string(),
  dueAt: isoDateTime.nullable(),
  latePolicy: assignmentLatePolicy,
  latePenaltyPercent: z.int().min(0).max(100),
  maxPoints: z.int().positive(),
  passingPoints: z.int().min(0).nullable(),
  submissionTypes: z.array(submissionType),
  isRequired: z.boolean(),
  status: assignmentStatus,
  position: z.int(),
};

export const assignmentSummary = z.strictObject({
  ...assignmentFields,
  /** Whether a new submission is refused now (past due with the reject policy). */
  closed: z.boolean(),
  /** The caller's newest submission (null for none, and for course managers). */
  latest: latestSubmission.nullable(),
});

/** GET /api/assignments?course=<slug> — learners see published ones; managers all. */
export const assignmentList = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  canManage: z.boolean(),
  items: z.array(assignmentSummary),
});

export const assignmentSubmission = z.strictObject({
  id: uuid,
  assignmentId: uuid,
  attemptNumber: z.int().positive(),
  textContent: z.string().nullable(),
  files: z.array(submissionFile),
  submittedAt: isoDateTime,
  isLate: z.boolean(),
  status: submissionStatus,
  points: z.number().nullable(),
  penaltyPercent: z.int().min(0).max(100),
  finalPoints: z.number().nullable(),
  rubricMarks: z.record(z.string(), z.number()).nullable(),
  feedback: z.string().nullable(),
  gradedAt: isoDateTime.nullable(),
});

/** GET /api/assignments/:id — the assignment and the caller's submissions, newest first. */
export const assignmentDetail = z.strictObject({
  ...assignmentFields,
  closed: z.boolean(),
  latest: latestSubmission.nullable(),
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  instructions: z.string(),
  allowedFileTypes: z.array(z.string()),
  maxFileBytes: z.int().positive(),
  rubric: z.array(rubricCriterion),
  /** Where the caller uploads files for this assignment (bucket `submissions`). */
  uploadFolder: z.string(),
  submissions: z.array(assignmentSubmission),
});

/**
 * POST /api/assignments/:id/submissions. Unknown fields (points, status, ...) are dropped:
 * the grade and the lateness come from the database only.
 */
export const submitAssignmentBody = z.object({
  text: z.string().max(MAX_SUBMISSION_TEXT).nullish(),
  files: z.array(submissionFile).max(MAX_SUBMISSION_FILES).default([]),
});

export const submissionResponse = z.strictObject({ submission: assignmentSubmission });

/** GET /api/courses/:slug/gradebook — the caller's own results in one course. */
export const gradebook = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  progress: z.strictObject({
    percent: z.number().min(0).max(100),
    completedItems: z.int().min(0),
    totalItems: z.int().min(0),
    status: enrollmentStatus,
    completedAt: isoDateTime.nullable(),
  }),
  lessons: z.strictObject({ done: z.int().min(0), total: z.int().min(0) }),
  quizzes: z.array(
    z.strictObject({
      id: uuid,
      title: z.string(),
      isRequired: z.boolean(),
      passingScore: z.int().min(0).max(100),
      attempts: z.int().min(0),
      bestPercent: z.number().nullable(),
      passed: z.boolean(),
    }),
  ),
  assignments: z.array(
    z.strictObject({
      id: uuid,
      title: z.string(),
      isRequired: z.boolean(),
      maxPoints: z.int().positive(),
      passingPoints: z.int().min(0).nullable(),
      status: submissionStatus.nullable(),
      points: z.number().nullable(),
      finalPoints: z.number().nullable(),
      feedback: z.string().nullable(),
      passed: z.boolean(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Teaching

/** An assignment as its course's managers see it, with submission counts. */
export const teachAssignment = z.strictObject({
  ...assignmentFields,
  instructions: z.string(),
  allowedFileTypes: z.array(z.string()),
  maxFileBytes: z.int().positive(),
  rubric: z.array(rubricCriterion),
  submissions: z.int().min(0),
  ungraded: z.int().min(0),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** GET /api/teach/courses/:courseId/assignments */
export const teachAssignmentList = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  items: z.array(teachAssignment),
});

const mimeType = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9*][a-z0-9.+-]*$/i, 'must be a MIME type');

const assignmentInputFields = {
  title: z.string().trim().min(1).max(200),
  instructions: z.string().max(50_000),
  lessonId: uuid.nullable(),
  dueAt: isoDateTime.nullable(),
  latePolicy: assignmentLatePolicy,
  latePenaltyPercent: z.int().min(0).max(100),
  maxPoints: z.int().min(1).max(1000),
  passingPoints: z.int().min(0).max(1000).nullable(),
  submissionTypes: z.array(submissionType).min(1).max(2),
  allowedFileTypes: z.array(mimeType).min(1).max(30),
  maxFileBytes: z.int().min(1).max(MAX_ASSIGNMENT_FILE_BYTES),
  rubric: z.array(rubricCriterion).max(50),
  isRequired: z.boolean(),
  status: assignmentStatus,
  position: z.int().min(0).max(100_000),
};

/** POST /api/teach/courses/:courseId/assignments — title required, the rest has the database's defaults. */
export const assignmentInput = z.strictObject({
  ...assignmentInputFields,
  instructions: assignmentInputFields.instructions.default(''),
  lessonId: assignmentInputFields.lessonId.default(null),
  dueAt: assignmentInputFields.dueAt.default(null),
  latePolicy: assignmentLatePolicy.default('accept'),
  latePenaltyPercent: assignmentInputFields.latePenaltyPercent.default(0),
  maxPoints: assignmentInputFields.maxPoints.default(100),
  passingPoints: assignmentInputFields.passingPoints.default(null),
  submissionTypes: assignmentInputFields.submissionTypes.default(['text', 'file']),
  allowedFileTypes: assignmentInputFields.allowedFileTypes.default([
    'application/pdf',
    'image/png',
    'image/jpeg',
    'application/zip',
    'text/plain',
  ]),
  maxFileBytes: assignmentInputFields.maxFileBytes.default(20 * 1024 * 1024),
  rubric: assignmentInputFields.rubric.default([]),
  isRequired: z.boolean().default(true),
  status: assignmentStatus.default('draft'),
  position: assignmentInputFields.position.default(0),
});

/** PATCH /api/teach/assignments/:id — any of the fields. */
export const assignmentPatch = z.strictObject(assignmentInputFields).partial();

/** GET /api/teach/grading?course=<courseId>&status=ungraded|all */
export const gradingQuery = z.strictObject({
  course: uuid.optional(),
  status: z.enum(['ungraded', 'all']).default('ungraded'),
});

export const gradingLearner = z.strictObject({ id: uuid, name: z.string().nullable() });

export const gradingQueueItem = z.strictObject({
  id: uuid,
  assignmentId: uuid,
  assignmentTitle: z.string(),
  courseId: uuid,
  courseTitle: z.string(),
  learner: gradingLearner,
  attemptNumber: z.int().positive(),
  submittedAt: isoDateTime,
  isLate: z.boolean(),
  status: submissionStatus,
  finalPoints: z.number().nullable(),
  maxPoints: z.int().positive(),
});

/** The queue, oldest submission first. */
export const gradingQueue = z.strictObject({ items: z.array(gradingQueueItem) });

/** GET /api/teach/submissions/:id — one submission for its grader. */
export const gradingSubmission = z.strictObject({
  submission: assignmentSubmission,
  learner: gradingLearner,
  assignment: z.strictObject({
    id: uuid,
    title: z.string(),
    courseId: uuid,
    courseTitle: z.string(),
    instructions: z.string(),
    maxPoints: z.int().positive(),
    passingPoints: z.int().min(0).nullable(),
    rubric: z.array(rubricCriterion),
  }),
});

/** POST /api/teach/submissions/:id/grade — with a rubric the points are the marks' sum. */
export const gradeBody = z.strictObject({
  points: z.number().min(0).max(1000).nullish(),
  rubricMarks: z.record(z.string().max(40), z.number().min(0).max(1000)).nullish(),
  feedback: z.string().max(20_000).default(''),
});

export type AssignmentLatePolicy = z.infer<typeof assignmentLatePolicy>;
export type SubmissionStatus = z.infer<typeof submissionStatus>;
export type SubmissionType = z.infer<typeof submissionType>;
export type AssignmentStatus = z.infer<typeof assignmentStatus>;
export type RubricCriterion = z.infer<typeof rubricCriterion>;
export type SubmissionFile = z.infer<typeof submissionFile>;
export type LatestSubmission = z.infer<typeof latestSubmission>;
export type AssignmentSummary = z.infer<typeof assignmentSummary>;
export type AssignmentList = z.infer<typeof assignmentList>;
export type AssignmentSubmission = z.infer<typeof assignmentSubmission>;
export type AssignmentDetail = z.infer<typeof assignmentDetail>;
export type SubmitAssignmentBody = z.input<typeof submitAssignmentBody>;
export type SubmissionResponse = z.infer<typeof submissionResponse>;
export type Gradebook = z.infer<typeof gradebook>;
export type TeachAssignment = z.infer<typeof teachAssignment>;
export type TeachAssignmentList = z.infer<typeof teachAssignmentList>;
export type AssignmentInput = z.input<typeof assignmentInput>;
export type AssignmentPatch = z.infer<typeof assignmentPatch>;
export type GradingQuery = z.input<typeof gradingQuery>;
export type GradingLearner = z.infer<typeof gradingLearner>;
export type GradingQueueItem = z.infer<typeof gradingQueueItem>;
export type GradingQueue = z.infer<typeof gradingQueue>;
export type GradingSubmission = z.infer<typeof gradingSubmission>;
export type GradeBody = z.input<typeof gradeBody>;
