import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Code labs: the learner side (GET /api/labs?course=, GET /api/labs/:id, the draft, runs on the
 * visible tests, graded submissions) and the lab editor (/api/teach/...). Hidden tests and the
 * reference solution appear only in the teaching API (course managers). Grades come from the
 * server's runner: whatever a client sends is code only (strict bodies refuse anything else).
 */

/** The largest learner program, in characters (the sandbox refuses more too). */
export const LAB_CODE_MAX_CHARS = 100_000;
/** The largest instructor text field (instructions, starter code, tests, reference solution). */
export const LAB_TEXT_MAX_CHARS = 50_000;

export const labLanguage = z.enum(['javascript', 'typescript']);
export const labRunStatus = z.enum(['passed', 'failed', 'error', 'timeout', 'memory']);
export const labStatus = z.enum(['draft', 'published']);
export const labSlug = slug.max(80);

/** POST /api/labs/:id/runs, POST /api/labs/:id/submissions, PUT /api/labs/:id/draft. */
export const labCodeRequest = z.strictObject({ code: z.string().max(LAB_CODE_MAX_CHARS) });

/** POST /api/teach/labs/:id/check: the reference solution when no code is given. */
export const labCheckRequest = z.strictObject({ code: z.string().max(LAB_CODE_MAX_CHARS).optional() });

export const labTestResult = z.strictObject({
  name: z.string(),
  passed: z.boolean(),
  /** Visible tests: why it failed. Hidden tests (learners): only "Hidden test failed". */
  message: z.string().nullable(),
  hidden: z.boolean(),
});

/** A run's answer (POST /api/labs/:id/runs, POST /api/teach/labs/:id/check). */
export const labRunResult = z.strictObject({
  status: labRunStatus,
  /** 0..100: percentage of tests passed; 0 unless passed/failed. */
  score: z.number().min(0).max(100),
  tests: z.array(labTestResult),
  output: z.string(),
  durationMs: z.number().min(0),
});

export const labProgress = z.strictObject({
  percentage: z.number(),
  completedItems: z.int(),
  totalItems: z.int(),
  status: z.string(),
});

/** POST /api/labs/:id/submissions: graded on visible and hidden tests, stored. */
export const labSubmissionResult = labRunResult.extend({
  id: uuid,
  /** Points awarded: round(score / 100 * maxPoints) when passed or failed, else 0. */
  points: z.int().min(0),
  maxPoints: z.int().min(1),
  createdAt: isoDateTime,
  /** The caller's course progress after this submission; null for managers who are not enrolled. */
  progress: labProgress.nullable(),
});

/** One of the caller's attempts (GET /api/labs/:id history, latest 20). */
export const labAttempt = z.strictObject({
  id: uuid,
  status: labRunStatus,
  score: z.number(),
  points: z.int(),
  createdAt: isoDateTime,
  durationMs: z.int().nullable(),
});

/** GET /api/labs/:id/submissions items (latest 50, newest first): the code too, to restore an attempt. */
export const labSubmission = labAttempt.extend({
  code: z.string(),
  tests: z.array(labTestResult),
  output: z.string(),
});
export const labSubmissionList = z.array(labSubmission);

export const labBest = z.strictObject({ status: labRunStatus, score: z.number(), points: z.int() });

/** GET /api/labs?course=<slug> items, by position then title. Learners see published, open labs. */
export const labSummary = z.strictObject({
  id: uuid,
  slug: labSlug,
  title: z.string(),
  language: labLanguage,
  lessonId: uuid.nullable(),
  points: z.int(),
  isRequired: z.boolean(),
  status: labStatus,
  /** The caller's best attempt (a pass first, then the highest score). */
  best: labBest.nullable(),
  attempts: z.int().min(0),
  passed: z.boolean(),
});
export const labList = z.array(labSummary);

/** GET /api/labs/:id: what the workspace needs. Never the hidden tests nor the reference solution. */
export const labDetail = z.strictObject({
  id: uuid,
  courseId: uuid,
  courseSlug: slug,
  slug: labSlug,
  title: z.string(),
  instructionsMd: z.string(),
  language: labLanguage,
  starterCode: z.string(),
  visibleTests: z.string(),
  points: z.int(),
  timeLimitMs: z.int(),
  memoryLimitMb: z.int(),
  lessonId: uuid.nullable(),
  draft: z.strictObject({ code: z.string(), updatedAt: isoDateTime }).nullable(),
  history: z.array(labAttempt),
  passed: z.boolean(),
});

/** PUT /api/labs/:id/draft. */
export const labDraftSaved = z.strictObject({ updatedAt: isoDateTime });

const text = z.string().max(LAB_TEXT_MAX_CHARS);
const labFields = {
  slug: labSlug,
  title: z.string().trim().min(1).max(200),
  instructionsMd: text,
  language: labLanguage,
  starterCode: text,
  visibleTests: text,
  hiddenTests: text,
  referenceSolution: text,
  timeLimitMs: z.int().min(50).max(5000),
  memoryLimitMb: z.int().min(8).max(128),
  points: z.int().min(1).max(1000),
  isRequired: z.boolean(),
  status: labStatus,
  position: z.int().min(0).max(100_000),
  /** A lesson of the same course whose type is 'lab', or null. */
  lessonId: uuid.nullable(),
};

/** POST /api/teach/courses/:id/labs: a title at least; the slug comes from it when absent. */
export const labInput = z.strictObject(labFields).partial().required({ title: true });
/** PATCH /api/teach/labs/:id: any editable field. Publishing runs the reference check first. */
export const labPatch = z.strictObject(labFields).partial();

/** A lab in the editor's course list. */
export const teachLabSummary = z.strictObject({
  id: uuid,
  courseId: uuid,
  slug: labSlug,
  title: z.string(),
  language: labLanguage,
  lessonId: uuid.nullable(),
  points: z.int(),
  isRequired: z.boolean(),
  status: labStatus,
  position: z.int(),
  timeLimitMs: z.int(),
  memoryLimitMb: z.int(),
  submissionCount: z.int().min(0),
  passedLearners: z.int().min(0),
  updatedAt: isoDateTime,
});
export const teachLabList = z.strictObject({ items: z.array(teachLabSummary) });

/** GET /api/teach/labs/:id (and the answer to create and patch): everything, secrets included. */
export const teachLab = teachLabSummary.extend({
  instructionsMd: z.string(),
  starterCode: z.string(),
  visibleTests: z.string(),
  hiddenTests: z.string(),
  referenceSolution: z.string(),
  createdAt: isoDateTime,
});

/** GET /api/admin/labs/queue: the runner pool's state (admins). */
export const labQueueStats = z.strictObject({
  workers: z.int().min(0),
  busy: z.int().min(0),
  queued: z.int().min(0),
  maxQueue: z.int().min(0),
  completed: z.int().min(0),
  crashed: z.int().min(0),
  restarts: z.int().min(0),
  rejected: z.int().min(0),
  recent: z.array(z.strictObject({ at: isoDateTime, queued: z.int().min(0), busy: z.int().min(0) })),
});

export type LabLanguage = z.infer<typeof labLanguage>;
export type LabRunStatus = z.infer<typeof labRunStatus>;
export type LabStatus = z.infer<typeof labStatus>;
export type LabCodeRequest = z.infer<typeof labCodeRequest>;
export type LabCheckRequest = z.infer<typeof labCheckRequest>;
export type LabTestResult = z.infer<typeof labTestResult>;
export type LabRunResult = z.infer<typeof labRunResult>;
export type LabProgress = z.infer<typeof labProgress>;
export type LabSubmissionResult = z.infer<typeof labSubmissionResult>;
export type LabAttempt = z.infer<typeof labAttempt>;
export type LabSubmission = z.infer<typeof labSubmission>;
export type LabSubmissionList = z.infer<typeof labSubmissionList>;
export type LabBest = z.infer<typeof labBest>;
export type LabSummary = z.infer<typeof labSummary>;
export type LabList = z.infer<typeof labList>;
export type LabDetail = z.infer<typeof labDetail>;
export type LabDraftSaved = z.infer<typeof labDraftSaved>;
export type LabInput = z.infer<typeof labInput>;
export type LabPatch = z.infer<typeof labPatch>;
export type TeachLabSummary = z.infer<typeof teachLabSummary>;
export type TeachLabList = z.infer<typeof teachLabList>;
export type TeachLab = z.infer<typeof teachLab>;
export type LabQueueStats = z.infer<typeof labQueueStats>;
