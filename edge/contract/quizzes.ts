import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Quizzes: the learner side (GET /api/quizzes?course=, GET /api/quizzes/:id, POST
 * /api/quizzes/:id/attempts, POST /api/attempts/:id/submit, GET /api/attempts/:id/review) and
 * the quiz builder (/api/teach/...). Correct answers appear only in review answers (after a
 * submit, as the quiz's review policy allows) and in the teaching API (course managers).
 * Grades come from the database (public.submit_quiz_attempt); whatever a client sends is answers only.
 */

export const quizQuestionType = z.enum(['single_choice', 'multiple_choice', 'true_false', 'fill_blank', 'matching']);
export const quizReviewPolicy = z.enum(['never', 'after_submit', 'after_pass', 'after_last_attempt']);
export const quizAttemptStatus = z.enum(['in_progress', 'submitted', 'expired']);
export const quizStatus = z.enum(['draft', 'published']);

/** An option id: short, printable, chosen by the builder ("a", "b", a UUID ...). */
export const quizOptionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'option ids are letters, digits, _ and -');

export const quizChoiceOption = z.strictObject({ id: quizOptionId, text: z.string().min(1).max(1000) });
export const quizMatchingOption = z.strictObject({
  id: quizOptionId,
  text: z.string().min(1).max(1000),
  side: z.enum(['left', 'right']),
});
export const quizQuestionOption = z.union([quizMatchingOption, quizChoiceOption]);

/** A question as a learner sees it while answering: never an answer in it. */
export const attemptQuestion = z.strictObject({
  id: uuid,
  type: quizQuestionType,
  prompt: z.string(),
  points: z.int().min(1),
  /** In the order this attempt shows them. */
  options: z.array(quizQuestionOption),
});

/** One answer: quizOptionId | quizOptionId[] | boolean | text | {leftId: rightId}. */
export const quizAnswer = z.union([
  z.boolean(),
  z.string().max(1000),
  z.array(quizOptionId).max(50),
  z.record(quizOptionId, quizOptionId),
]);

/** POST /api/attempts/:id/submit: answers keyed by question id (unanswered questions may be left out). */
export const submitAttemptRequest = z.strictObject({
  answers: z.record(uuid, quizAnswer).refine((a) => Object.keys(a).length <= 200, 'at most 200 answers'),
});

/** One of the caller's attempts. */
export const attemptSummary = z.strictObject({
  id: uuid,
  number: z.int().min(1),
  status: quizAttemptStatus,
  startedAt: isoDateTime,
  deadlineAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
});

/** GET /api/quizzes?course=<slug> items. Learners see published quizzes; managers every one. */
export const quizSummary = z.strictObject({
  id: uuid,
  courseId: uuid,
  lessonId: uuid.nullable(),
  title: z.string(),
  status: quizStatus,
  position: z.int(),
  isRequired: z.boolean(),
  passingScore: z.int().min(0).max(100),
  timeLimitSeconds: z.int().nullable(),
  maxAttempts: z.int().nullable(),
  questionCount: z.int().min(0),
  totalPoints: z.int().min(0),
  /** The caller's own attempts (submitted or expired count as used). */
  attemptsUsed: z.int().min(0),
  bestPercent: z.number().nullable(),
  passed: z.boolean(),
});

export const quizList = z.strictObject({
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  /** True when the caller manages the course (drafts are listed too). */
  canManage: z.boolean(),
  items: z.array(quizSummary),
});

/** GET /api/quizzes/:id: the quiz without its questions' bodies, and the caller's attempts. */
export const quizDetail = quizSummary.extend({
  description: z.string(),
  course: z.strictObject({ id: uuid, slug, title: z.string() }),
  reviewPolicy: quizReviewPolicy,
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  /** null: no limit. */
  attemptsLeft: z.int().min(0).nullable(),
  /** An attempt the caller may resume (in progress, before its deadline). */
  openAttemptId: uuid.nullable(),
  attempts: z.array(attemptSummary),
});

/** POST /api/quizzes/:id/attempts: 201 for a new attempt, 200 when resuming the open one. */
export const startedAttempt = z.strictObject({
  attempt: z.strictObject({
    id: uuid,
    number: z.int().min(1),
    startedAt: isoDateTime,
    /** The server's deadline; null when the quiz has no time limit. */
    deadlineAt: isoDateTime.nullable(),
    /** The server's clock when it answered, so a client can correct its own. */
    serverNow: isoDateTime,
  }),
  quiz: z.strictObject({ id: uuid, title: z.string(), passingScore: z.int(), timeLimitSeconds: z.int().nullable() }),
  questions: z.array(attemptQuestion),
});

/** POST /api/attempts/:id/submit. */
export const submitAttemptResult = z.strictObject({
  attemptId: uuid,
  quizId: uuid,
  number: z.int().min(1),
  status: quizAttemptStatus,
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passed: z.boolean(),
  passingScore: z.int(),
  submittedAt: isoDateTime.nullable(),
  /** Whether GET /api/attempts/:id/review will answer now. */
  reviewAvailable: z.boolean(),
  attemptsLeft: z.int().min(0).nullable(),
});

/** GET /api/attempts/:id/review: each question with the caller's answer, the right one and why. */
export const attemptReview = z.strictObject({
  attemptId: uuid,
  quizId: uuid,
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  percent: z.number().nullable(),
  passed: z.boolean().nullable(),
  questions: z.array(
    z.strictObject({
      id: uuid,
      type: quizQuestionType,
      prompt: z.string(),
      options: z.array(quizQuestionOption),
      /** Points earned, of maxPoints. */
      points: z.int(),
      maxPoints: z.int(),
      correct: z.boolean(),
      yourAnswer: z.unknown(),
      correctAnswer: z.unknown(),
      explanation: z.string(),
    }),
  ),
});

// --- The quiz builder (course managers) -------------------------------------------------------

/** Answer keys, by question type (the database checks them against the options again). */
export const quizAnswerKey = z.union([
  z.strictObject({ correct: quizOptionId }),
  z.strictObject({ correct: z.array(quizOptionId).min(1).max(50) }),
  z.strictObject({ correct: z.boolean() }),
  z.strictObject({
    accepted: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
    caseSensitive: z.boolean().default(false),
  }),
  z.strictObject({ pairs: z.record(quizOptionId, quizOptionId) }),
]);

/** A question's fields as a patch takes them; a new question gets defaults beside. */
const questionPatchFields = {
  type: quizQuestionType,
  prompt: z.string().trim().min(1).max(10_000),
  options: z.array(quizQuestionOption).max(20),
  points: z.int().min(1).max(100),
  explanation: z.string().max(10_000),
  answer: quizAnswerKey,
};

const questionFields = {
  ...questionPatchFields,
  options: questionPatchFields.options.default([]),
  points: questionPatchFields.points.default(1),
  explanation: questionPatchFields.explanation.default(''),
};

const bankTags = z.array(z.string().trim().min(1).max(40)).max(20);

/** POST /api/teach/quizzes/:id/questions and POST /api/teach/question-bank (plus tags there). */
export const quizQuestionInput = z.strictObject(questionFields);
/** PATCH .../questions/:questionId: any fields; type, options and answer are checked together. */
export const quizQuestionPatch = z.strictObject(questionPatchFields).partial();

export const teachQuestion = z.strictObject({
  id: uuid,
  quizId: uuid,
  type: quizQuestionType,
  prompt: z.string(),
  options: z.array(quizQuestionOption),
  points: z.int(),
  explanation: z.string(),
  position: z.int(),
  answer: z.unknown(),
});

const quizSettingsFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000),
  lessonId: uuid.nullable(),
  passingScore: z.int().min(0).max(100),
  timeLimitSeconds: z.int().min(30).max(86_400).nullable(),
  maxAttempts: z.int().min(1).max(100).nullable(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  reviewPolicy: quizReviewPolicy,
  isRequired: z.boolean(),
  status: quizStatus,
  position: z.int().min(0).max(100_000),
};

/** POST /api/teach/courses/:courseId/quizzes: a title, the rest has defaults. */
export const quizInput = z.strictObject(quizSettingsFields).partial().required({ title: true });
/** PATCH /api/teach/quizzes/:id. */
export const quizPatch = z.strictObject(quizSettingsFields).partial();

export const teachQuiz = z.strictObject({
  id: uuid,
  courseId: uuid,
  title: z.string(),
  description: z.string(),
  lessonId: uuid.nullable(),
  passingScore: z.int(),
  timeLimitSeconds: z.int().nullable(),
  maxAttempts: z.int().nullable(),
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  reviewPolicy: quizReviewPolicy,
  isRequired: z.boolean(),
  status: quizStatus,
  position: z.int(),
  questionCount: z.int().min(0),
  totalPoints: z.int().min(0),
  attemptCount: z.int().min(0),
  updatedAt: isoDateTime,
});

export const teachQuizList = z.strictObject({ items: z.array(teachQuiz) });
export const teachQuizDetail = z.strictObject({ quiz: teachQuiz, questions: z.array(teachQuestion) });
export const teachQuestionList = z.strictObject({ items: z.array(teachQuestion) });

/** POST /api/teach/quizzes/:id/questions/reorder: every question id of the quiz, in the new order. */
export const questionReorderRequest = z.strictObject({ ids: z.array(uuid).min(1).max(500) });
/** POST /api/teach/quizzes/:id/questions/from-bank. */
export const fromBankRequest = z.strictObject({ ids: z.array(uuid).min(1).max(100) });

export const bankQuestionInput = z.strictObject({
  ...questionFields,
  courseId: uuid.nullable().default(null),
  tags: bankTags.default([]),
});
export const bankQuestionPatch = z
  .strictObject({ ...questionPatchFields, courseId: uuid.nullable(), tags: bankTags })
  .partial();
export const bankQuestion = z.strictObject({
  id: uuid,
  courseId: uuid.nullable(),
  type: quizQuestionType,
  prompt: z.string(),
  options: z.array(quizQuestionOption),
  points: z.int(),
  explanation: z.string(),
  answer: z.unknown(),
  tags: z.array(z.string()),
  updatedAt: isoDateTime,
});
export const bankQuery = z.strictObject({
  course: uuid.optional(),
  tag: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
});
export const bankQuestionList = z.strictObject({ items: z.array(bankQuestion) });

export type QuizQuestionType = z.infer<typeof quizQuestionType>;
export type QuizReviewPolicy = z.infer<typeof quizReviewPolicy>;
export type QuizAttemptStatus = z.infer<typeof quizAttemptStatus>;
export type QuizStatus = z.infer<typeof quizStatus>;
export type QuizQuestionOption = z.infer<typeof quizQuestionOption>;
export type AttemptQuestion = z.infer<typeof attemptQuestion>;
export type QuizAnswer = z.infer<typeof quizAnswer>;
export type SubmitAttemptRequest = z.infer<typeof submitAttemptRequest>;
export type AttemptSummary = z.infer<typeof attemptSummary>;
export type QuizSummary = z.infer<typeof quizSummary>;
export type QuizList = z.infer<typeof quizList>;
export type QuizDetail = z.infer<typeof quizDetail>;
export type StartedAttempt = z.infer<typeof startedAttempt>;
export type SubmitAttemptResult = z.infer<typeof submitAttemptResult>;
export type AttemptReview = z.infer<typeof attemptReview>;
export type QuizAnswerKey = z.infer<typeof quizAnswerKey>;
export type QuizQuestionInput = z.input<typeof quizQuestionInput>;
export type QuizQuestionPatch = z.input<typeof quizQuestionPatch>;
export type TeachQuestion = z.infer<typeof teachQuestion>;
export type QuizInput = z.infer<typeof quizInput>;
export type QuizPatch = z.infer<typeof quizPatch>;
export type TeachQuiz = z.infer<typeof teachQuiz>;
export type TeachQuizList = z.infer<typeof teachQuizList>;
export type TeachQuizDetail = z.infer<typeof teachQuizDetail>;
export type TeachQuestionList = z.infer<typeof teachQuestionList>;
export type BankQuestionInput = z.input<typeof bankQuestionInput>;
export type BankQuestionPatch = z.infer<typeof bankQuestionPatch>;
export type BankQuestion = z.infer<typeof bankQuestion>;
export type BankQuestionList = z.infer<typeof bankQuestionList>;
