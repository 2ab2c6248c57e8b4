import { iso } from '../catalog/rows.ts';
import type {
  BankQuestion,
  BankQuestionInput,
  BankQuestionPatch,
  QuizAnswerKey,
  QuizInput,
  QuizPatch,
  QuizQuestionOption,
  QuizQuestionPatch,
  QuizQuestionType,
  TeachQuestion,
  TeachQuiz,
} from '../contract/quizzes.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { normaliseAnswerKey, questionProblem } from './shape.ts';

/**
 * The quiz builder's reads and writes, as the caller: RLS lets course managers (the owner
 * instructor, admins) read and write quizzes, questions and answer keys, and instructors their own
 * question bank. The checks here name the refusal (404 unknown, 403 not yours) before RLS would.
 */

const invalid = (message: string) => new AppError(422, 'invalid_question', message);

/** 404 when the course is not visible to the caller, 403 when they do not manage it. */
export async function requireManagedCourse(sql: Sql, courseId: string): Promise<void> {
  const [row] = await sql.query<{ manages: boolean }>(
    `select exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.role = 'admin')
         or c.id in (select private.my_managed_course_ids()) as manages
       from public.courses c where c.id = $1`,
    [courseId],
  );
  if (!row) throw notFound('course');
  if (!row.manages) throw forbidden('only the course instructor and admins build its quizzes');
}

/** The quiz's course, after checking the caller manages it. */
async function managedQuizCourse(sql: Sql, quizId: string): Promise<string> {
  const [row] = await sql.query<{ course_id: string }>('select course_id from public.quizzes where id = $1', [quizId]);
  if (!row) throw new AppError(404, 'quiz_not_found', 'quiz not found');
  await requireManagedCourse(sql, row.course_id);
  return row.course_id;
}

const QUIZ_COLUMNS = `q.id, q.course_id, q.title, q.description, q.lesson_id, q.passing_score, q.time_limit_seconds,
  q.max_attempts, q.shuffle_questions, q.shuffle_options, q.review_policy::text as review_policy, q.is_required,
  q.status::text as status, q.position, q.updated_at,
  (select count(*)::int from public.quiz_questions qq where qq.quiz_id = q.id) as question_count,
  (select coalesce(sum(qq.points), 0)::int from public.quiz_questions qq where qq.quiz_id = q.id) as total_points,
  (select count(*)::int from public.quiz_attempts a where a.quiz_id = q.id) as attempt_count`;

interface QuizRow {
  id: string;
  course_id: string;
  title: string;
  description: string;
  lesson_id: string | null;
  passing_score: number;
  time_limit_seconds: number | null;
  max_attempts: number | null;
  shuffle_questions: boolean;
  shuffle_options: boolean;
  review_policy: TeachQuiz['reviewPolicy'];
  is_required: boolean;
  status: TeachQuiz['status'];
  position: number;
  updated_at: unknown;
  question_count: number;
  total_points: number;
  attempt_count: number;
}

const toQuiz = (r: QuizRow): TeachQuiz => ({
  id: r.id,
  courseId: r.course_id,
  title: r.title,
  description: r.description ?? '',
  lessonId: r.lesson_id,
  passingScore: r.passing_score,
  timeLimitSeconds: r.time_limit_seconds,
  maxAttempts: r.max_attempts,
  shuffleQuestions: r.shuffle_questions,
  shuffleOptions: r.shuffle_options,
  reviewPolicy: r.review_policy,
  isRequired: r.is_required,
  status: r.status,
  position: r.position,
  questionCount: r.question_count,
  totalPoints: r.total_points,
  attemptCount: r.attempt_count,
  updatedAt: iso(r.updated_at)!,
});

export async function courseQuizzes(sql: Sql, courseId: string): Promise<TeachQuiz[]> {
  await requireManagedCourse(sql, courseId);
  const rows = await sql.query<QuizRow>(
    `select ${QUIZ_COLUMNS} from public.quizzes q where q.course_id = $1 order by q.position, q.created_at, q.id`,
    [courseId],
  );
  return rows.map(toQuiz);
}

async function readQuiz(sql: Sql, id: string): Promise<TeachQuiz> {
  const [row] = await sql.query<QuizRow>(`select ${QUIZ_COLUMNS} from public.quizzes q where q.id = $1`, [id]);
  if (!row) throw new AppError(404, 'quiz_not_found', 'quiz not found');
  return toQuiz(row);
}

/** camelCase settings to their columns (only those present). */
const SETTING_COLUMNS: Record<keyof QuizPatch, string> = {
  title: 'title',
  description: 'description',
  lessonId: 'lesson_id',
  passingScore: 'passing_score',
  timeLimitSeconds: 'time_limit_seconds',
  maxAttempts: 'max_attempts',
  shuffleQuestions: 'shuffle_questions',
  shuffleOptions: 'shuffle_options',
  reviewPolicy: 'review_policy',
  isRequired: 'is_required',
  status: 'status',
  position: 'position',
};
const CASTS: Partial<Record<keyof QuizPatch, string>> = {
  reviewPolicy: '::public.quiz_review_policy',
  status: '::public.lesson_status',
};

function settings(patch: QuizPatch): { columns: string[]; casts: string[]; values: unknown[] } {
  const columns: string[] = [];
  const casts: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof QuizPatch, unknown][]) {
    if (value === undefined) continue;
    columns.push(SETTING_COLUMNS[key]);
    casts.push(CASTS[key] ?? '');
    values.push(value);
  }
  return { columns, casts, values };
}

/** A lesson given to a quiz must be a lesson of the same course. */
async function checkLesson(sql: Sql, courseId: string, lessonId: string | null | undefined) {
  if (!lessonId) return;
  const [row] = await sql.query('select 1 from public.lessons where id = $1 and course_id = $2', [lessonId, courseId]);
  if (!row) throw new AppError(422, 'invalid_quiz', 'the lesson must belong to this course');
}

export async function createQuiz(sql: Sql, courseId: string, input: QuizInput): Promise<TeachQuiz> {
  await requireManagedCourse(sql, courseId);
  await checkLesson(sql, courseId, input.lessonId);
  const { columns, casts, values } = settings(input);
  const placeholders = casts.map((cast, i) => `$${i + 2}${cast}`);
  const [row] = await sql.query<{ id: string }>(
    `insert into public.quizzes (course_id, ${columns.join(', ')}) values ($1, ${placeholders.join(', ')}) returning id`,
    [courseId, ...values],
  );
  return readQuiz(sql, row!.id);
}

export async function patchQuiz(sql: Sql, id: string, patch: QuizPatch): Promise<TeachQuiz> {
  const courseId = await managedQuizCourse(sql, id);
  await checkLesson(sql, courseId, patch.lessonId);
  const { columns, casts, values } = settings(patch);
  if (columns.length) {
    const sets = columns.map((col, i) => `${col} = $${i + 2}${casts[i]}`);
    await sql.query(`update public.quizzes set ${sets.join(', ')} where id = $1`, [id, ...values]);
  }
  return readQuiz(sql, id);
}

export async function deleteQuiz(sql: Sql, id: string): Promise<void> {
  await managedQuizCourse(sql, id);
  await sql.query('delete from public.quizzes where id = $1', [id]);
}

// --- questions ----------------------------------------------------------------------------------

interface QuestionRow {
  id: string;
  quiz_id: string;
  type: QuizQuestionType;
  prompt: string;
  options: QuizQuestionOption[];
  points: number;
  explanation: string;
  position: number;
  answer: QuizAnswerKey | null;
}

const QUESTION_COLUMNS = `qq.id, qq.quiz_id, qq.type::text as type, qq.prompt, qq.options, qq.points, qq.explanation,
  qq.position, k.answer`;

/** The fields a quiz's question and a bank question share, from either row. */
const questionBody = <A>(r: Omit<QuestionRow, 'quiz_id' | 'position' | 'answer'> & { answer: A }) => ({
  id: r.id,
  type: r.type,
  prompt: r.prompt,
  options: r.options ?? [],
  points: r.points,
  explanation: r.explanation ?? '',
  answer: r.answer,
});

const toQuestion = (r: QuestionRow): TeachQuestion => ({
  ...questionBody(r),
  quizId: r.quiz_id,
  position: r.position,
});

async function questions(sql: Sql, quizId: string, only?: string): Promise<TeachQuestion[]> {
  const rows = await sql.query<QuestionRow>(
    `select ${QUESTION_COLUMNS}
       from public.quiz_questions qq
       left join public.quiz_answer_keys k on k.question_id = qq.id
      where qq.quiz_id = $1 and ($2::uuid is null or qq.id = $2::uuid)
      order by qq.position, qq.id`,
    [quizId, only ?? null],
  );
  return rows.map(toQuestion);
}

export async function quizWithQuestions(sql: Sql, id: string) {
  await managedQuizCourse(sql, id);
  return { quiz: await readQuiz(sql, id), questions: await questions(sql, id) };
}

interface NewQuestion {
  type: QuizQuestionType;
  prompt: string;
  options: QuizQuestionOption[];
  points: number;
  explanation: string;
  answer: QuizAnswerKey;
}

/** Refuses a question whose options and answer key do not fit its type. */
function checkQuestion(q: NewQuestion): void {
  const problem = questionProblem(q);
  if (problem) throw invalid(problem);
}

/** A question (in a quiz or the bank) after a patch, checked: what the patch leaves out stays. */
function patchedQuestion(
  now: Omit<NewQuestion, 'answer'> & { answer: unknown },
  patch: Partial<Omit<NewQuestion, 'answer'>> & { answer?: unknown },
): NewQuestion {
  const next = {
    type: patch.type ?? now.type,
    prompt: patch.prompt ?? now.prompt,
    options: patch.options ?? now.options,
    points: patch.points ?? now.points,
    explanation: patch.explanation ?? now.explanation,
    answer: (patch.answer ?? now.answer) as QuizAnswerKey,
  };
  checkQuestion(next);
  return next;
}

/** Inserts questions (after the quiz's last) with their keys; returns their ids in order. */
async function insertQuestions(sql: Sql, quizId: string, courseId: string, list: NewQuestion[]): Promise<string[]> {
  const ids: string[] = [];
  for (const q of list) {
    checkQuestion(q);
    const [row] = await sql.query<{ id: string }>(
      `insert into public.quiz_questions (quiz_id, course_id, type, prompt, options, points, explanation, position)
       values ($1, $2, $3::public.quiz_question_type, $4, $5::jsonb, $6, $7,
               (select coalesce(max(position), 0) + 1 from public.quiz_questions where quiz_id = $1))
       returning id`,
      [quizId, courseId, q.type, q.prompt, JSON.stringify(q.options), q.points, q.explanation],
    );
    await sql.query('insert into public.quiz_answer_keys (question_id, course_id, answer) values ($1, $2, $3::jsonb)', [
      row!.id,
      courseId,
      JSON.stringify(normaliseAnswerKey(q.type, q.answer)),
    ]);
    ids.push(row!.id);
  }
  return ids;
}

export async function addQuestion(sql: Sql, quizId: string, input: NewQuestion): Promise<TeachQuestion> {
  const courseId = await managedQuizCourse(sql, quizId);
  const [id] = await insertQuestions(sql, quizId, courseId, [input]);
  return (await questions(sql, quizId, id))[0]!;
}

async function currentQuestion(sql: Sql, quizId: string, questionId: string): Promise<TeachQuestion> {
  const [q] = await questions(sql, quizId, questionId);
  if (!q) throw notFound('question');
  return q;
}

export async function patchQuestion(
  sql: Sql,
  quizId: string,
  questionId: string,
  patch: QuizQuestionPatch,
): Promise<TeachQuestion> {
  const courseId = await managedQuizCourse(sql, quizId);
  const now = await currentQuestion(sql, quizId, questionId);
  const next = patchedQuestion(now, patch);
  // The key goes first and comes back after: it is checked against the question as it is then.
  await sql.query('delete from public.quiz_answer_keys where question_id = $1', [questionId]);
  await sql.query(
    `update public.quiz_questions
        set type = $2::public.quiz_question_type, prompt = $3, options = $4::jsonb, points = $5, explanation = $6
      where id = $1`,
    [questionId, next.type, next.prompt, JSON.stringify(next.options), next.points, next.explanation],
  );
  await sql.query('insert into public.quiz_answer_keys (question_id, course_id, answer) values ($1, $2, $3::jsonb)', [
    questionId,
    courseId,
    JSON.stringify(normaliseAnswerKey(next.type, next.answer)),
  ]);
  return currentQuestion(sql, quizId, questionId);
}

export async function deleteQuestion(sql: Sql, quizId: string, questionId: string): Promise<void> {
  await managedQuizCourse(sql, quizId);
  const rows = await sql.query('delete from public.quiz_questions where id = $1 and quiz_id = $2 returning id', [
    questionId,
    quizId,
  ]);
  if (!rows.length) throw notFound('question');
}

/** New positions 1..n in the order given; `ids` must be exactly the quiz's questions. */
export async function reorderQuestions(sql: Sql, quizId: string, ids: string[]): Promise<TeachQuestion[]> {
  await managedQuizCourse(sql, quizId);
  const current = await sql.query<{ id: string }>('select id from public.quiz_questions where quiz_id = $1', [quizId]);
  const have = new Set(current.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== have.size || !ids.every((id) => have.has(id))) {
    throw new AppError(422, 'invalid_order', "list every one of the quiz's questions exactly once");
  }
  await sql.query(
    `update public.quiz_questions qq set position = o.ord
       from unnest($2::uuid[]) with ordinality as o(id, ord)
      where qq.id = o.id and qq.quiz_id = $1`,
    [quizId, ids],
  );
  return questions(sql, quizId);
}

// --- question bank ------------------------------------------------------------------------------

interface BankRow {
  id: string;
  course_id: string | null;
  type: QuizQuestionType;
  prompt: string;
  options: QuizQuestionOption[];
  points: number;
  explanation: string;
  answer: QuizAnswerKey;
  tags: string[];
  updated_at: unknown;
}

const BANK_COLUMNS = `b.id, b.course_id, b.type::text as type, b.prompt, b.options, b.points, b.explanation,
  b.answer, b.tags, b.updated_at`;

const toBank = (r: BankRow): BankQuestion => ({
  ...questionBody(r),
  courseId: r.course_id,
  tags: r.tags ?? [],
  updatedAt: iso(r.updated_at)!,
});

/** The caller's instructor id; only instructors keep a bank. */
async function myInstructorId(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    'select id from public.instructors where user_id = (select auth.uid())',
  );
  if (!row) throw forbidden('only instructors keep a question bank');
  return row.id;
}

export const BANK_LIMIT = 500;

export async function listBank(
  sql: Sql,
  filter: { course?: string; tag?: string; q?: string },
): Promise<BankQuestion[]> {
  const rows = await sql.query<BankRow>(
    `select ${BANK_COLUMNS} from public.question_bank b
      where b.instructor_id = (select i.id from public.instructors i where i.user_id = (select auth.uid()))
        and ($1::uuid is null or b.course_id = $1::uuid)
        and ($2::text is null or $2::text = any (b.tags))
        and ($3::text is null or strpos(lower(b.prompt), lower($3::text)) > 0)
      order by b.updated_at desc, b.id
      limit ${BANK_LIMIT}`,
    [filter.course ?? null, filter.tag ?? null, filter.q ?? null],
  );
  return rows.map(toBank);
}

async function readBank(sql: Sql, id: string): Promise<BankQuestion> {
  const [row] = await sql.query<BankRow>(`select ${BANK_COLUMNS} from public.question_bank b where b.id = $1`, [id]);
  if (!row) throw notFound('bank question');
  return toBank(row);
}

export async function createBankQuestion(sql: Sql, input: BankQuestionInput): Promise<BankQuestion> {
  const instructorId = await myInstructorId(sql);
  const q = {
    type: input.type,
    prompt: input.prompt,
    options: input.options ?? [],
    points: input.points ?? 1,
    explanation: input.explanation ?? '',
    answer: input.answer as QuizAnswerKey,
  };
  checkQuestion(q);
  if (input.courseId) await requireManagedCourse(sql, input.courseId);
  const [row] = await sql.query<{ id: string }>(
    `insert into public.question_bank (instructor_id, course_id, type, prompt, options, answer, explanation, points, tags)
     values ($1, $2, $3::public.quiz_question_type, $4, $5::jsonb, $6::jsonb, $7, $8, $9::text[])
     returning id`,
    [
      instructorId,
      input.courseId ?? null,
      q.type,
      q.prompt,
      JSON.stringify(q.options),
      JSON.stringify(normaliseAnswerKey(q.type, q.answer)),
      q.explanation,
      q.points,
      input.tags ?? [],
    ],
  );
  return readBank(sql, row!.id);
}

export async function patchBankQuestion(sql: Sql, id: string, patch: BankQuestionPatch): Promise<BankQuestion> {
  const now = await readBank(sql, id);
  const next = patchedQuestion(now, patch);
  const courseId = patch.courseId === undefined ? now.courseId : patch.courseId;
  if (courseId && courseId !== now.courseId) await requireManagedCourse(sql, courseId);
  const rows = await sql.query(
    `update public.question_bank
        set type = $2::public.quiz_question_type, prompt = $3, options = $4::jsonb, points = $5, explanation = $6,
            answer = $7::jsonb, course_id = $8, tags = $9::text[]
      where id = $1 returning id`,
    [
      id,
      next.type,
      next.prompt,
      JSON.stringify(next.options),
      next.points,
      next.explanation,
      JSON.stringify(normaliseAnswerKey(next.type, next.answer)),
      courseId,
      patch.tags ?? now.tags,
    ],
  );
  if (!rows.length) throw forbidden('only its author edits a bank question');
  return readBank(sql, id);
}

export async function deleteBankQuestion(sql: Sql, id: string): Promise<void> {
  await readBank(sql, id);
  const rows = await sql.query('delete from public.question_bank where id = $1 returning id', [id]);
  if (!rows.length) throw forbidden('only its author deletes a bank question');
}

/** Copies bank questions (the caller's, or any for an admin: RLS decides) into a quiz. */
export async function addFromBank(sql: Sql, quizId: string, ids: string[]): Promise<TeachQuestion[]> {
  const courseId = await managedQuizCourse(sql, quizId);
  const rows = await sql.query<BankRow>(
    `select ${BANK_COLUMNS} from public.question_bank b
      join unnest($1::uuid[]) with ordinality as o(id, ord) on o.id = b.id
      order by o.ord`,
    [ids],
  );
  if (rows.length !== new Set(ids).size) throw notFound('bank question');
  const created = await insertQuestions(
    sql,
    quizId,
    courseId,
    rows.map((r) => ({
      type: r.type,
      prompt: r.prompt,
      options: r.options ?? [],
      points: r.points,
      explanation: r.explanation ?? '',
      answer: r.answer,
    })),
  );
  const all = await questions(sql, quizId);
  const made = new Set(created);
  return all.filter((q) => made.has(q.id));
}
