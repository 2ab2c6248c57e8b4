import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, Sql } from '../../edge/db/port.ts';
import { engines, fresh, type TestDatabase } from '../../tests/support/db.ts';
import { CARD, seedFixtures, USER } from './fixtures.ts';
import { CERTIFICATE_CODE } from './fixtures-learning.ts';

/**
 * The learning definer functions (supabase/migrations/20261124000100) on PGlite and PostgreSQL:
 * quiz attempts (shuffling, resume, attempt limit, deadline, grading of every question type, answer
 * shapes, review policies), assignment submissions (types, files checked against storage.objects,
 * late policies) and grading (rubrics, penalties, own submissions), video progress (plausibility cap,
 * completion share), progress from required items, and certificates (issued once on completion,
 * verified by code, revoked by admins). Each test builds its own course and learners, as the owner,
 * and acts through the functions as those learners.
 */

type Row = Record<string, unknown>;
type Failure = { code?: string; hint?: string; message: string };

const CHOICES = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
  { id: 'c', text: 'Gamma' },
  { id: 'd', text: 'Delta' },
];
const PAIRS = [
  { id: 'l1', text: 'HTML', side: 'left' },
  { id: 'l2', text: 'CSS', side: 'left' },
  { id: 'l3', text: 'JS', side: 'left' },
  { id: 'r1', text: 'Style', side: 'right' },
  { id: 'r2', text: 'Structure', side: 'right' },
  { id: 'r3', text: 'Behaviour', side: 'right' },
];

interface QuizOptions {
  maxAttempts?: number | null;
  timeLimit?: number | null;
  review?: 'never' | 'after_submit' | 'after_pass' | 'after_last_attempt';
  shuffle?: boolean;
  required?: boolean;
  passing?: number;
}

describe.each(engines())('learning functions on %s', (engine) => {
  let t: TestDatabase;
  let serial = 0;

  const owner = <T = Row>(text: string, params: unknown[] = []) => t.db.asOwner((sql) => sql.query<T>(text, params));
  const callerFor = (user: string): Caller => ({
    role: 'authenticated',
    claims: { sub: user, role: 'authenticated', aud: 'authenticated', email: `${user}@example.test` },
  });
  const as = <T = Row>(user: string, text: string, params: unknown[] = []) =>
    t.db.asCaller(callerFor(user), (sql: Sql) => sql.query<T>(text, params));
  const one = async <T = Row>(user: string, text: string, params: unknown[] = []) =>
    (await as<T>(user, text, params))[0]!;
  /** The error a call raises (it must raise). */
  async function failure(user: string, text: string, params: unknown[] = []): Promise<Failure> {
    try {
      await as(user, text, params);
    } catch (error) {
      return error as Failure;
    }
    throw new Error(`expected a failure: ${text}`);
  }
  const hintOf = async (user: string, text: string, params: unknown[] = []) => (await failure(user, text, params)).hint;

  const next = () => ++serial;
  const uuid = (group: number, n: number) =>
    `00000000-0000-4000-9${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;
  const engineGroup = engine === 'pglite' ? 100 : 200;

  /** A new signed-up user (profile from the auth trigger). */
  async function newUser(first = 'Lea', last = 'Learner'): Promise<string> {
    const id = uuid(engineGroup + 1, next());
    await owner(`insert into auth.users (id, email, raw_user_meta_data) values ($1, $2, $3)`, [
      id,
      `user-${id.slice(-6)}@example.test`,
      JSON.stringify({ first_name: first, last_name: last }),
    ]);
    return id;
  }

  /** A published free course of the fixture instructor, with one section; returns its ids. */
  async function newCourse(): Promise<{ course: string; section: string }> {
    const n = next();
    const course = uuid(engineGroup + 2, n);
    const section = uuid(engineGroup + 3, n);
    await owner(
      `insert into public.courses (id, slug, title, instructor_id, status, price_amount)
       values ($1, $2, $3, $4, 'published', 0)`,
      [course, `course-${engine}-${n}`, `Course ${n}`, CARD.instructor],
    );
    await owner(`insert into public.sections (id, course_id, title) values ($1, $2, 'Part one')`, [section, course]);
    return { course, section };
  }

  async function newLesson(
    c: { course: string; section: string },
    type = 'text',
    extra: { videoSeconds?: number; share?: number; status?: string } = {},
  ): Promise<string> {
    const [row] = await owner<{ id: string }>(
      `insert into public.lessons (course_id, section_id, title, content_type, video_seconds, complete_at_share, status)
       values ($1, $2, 'Lesson', $3, $4, $5, $6) returning id`,
      [c.course, c.section, type, extra.videoSeconds ?? null, extra.share ?? 0.9, extra.status ?? 'published'],
    );
    return row!.id;
  }

  /** A published quiz with one question of each type (points 1, 2, 1, 1, 2) and their keys. */
  async function newQuiz(course: string, o: QuizOptions = {}): Promise<{ quiz: string; q: Record<string, string> }> {
    const [quiz] = await owner<{ id: string }>(
      `insert into public.quizzes (course_id, title, passing_score, time_limit_seconds, max_attempts, review_policy,
                                   shuffle_questions, shuffle_options, is_required, status)
       values ($1, 'Quiz', $2, $3, $4, $5, $6, $6, $7, 'published') returning id`,
      [
        course,
        o.passing ?? 70,
        o.timeLimit ?? null,
        o.maxAttempts === undefined ? null : o.maxAttempts,
        o.review ?? 'after_submit',
        o.shuffle ?? true,
        o.required ?? true,
      ],
    );
    const specs = [
      ['single', 'single_choice', CHOICES, 1, { correct: 'b' }],
      ['multiple', 'multiple_choice', CHOICES, 2, { correct: ['a', 'c'] }],
      ['trueFalse', 'true_false', [], 1, { correct: false }],
      ['blank', 'fill_blank', [], 1, { accepted: ['Paris', 'Paris, France'], caseSensitive: false }],
      ['matching', 'matching', PAIRS, 2, { pairs: { l1: 'r2', l2: 'r1', l3: 'r3' } }],
    ] as const;
    const q: Record<string, string> = {};
    let position = 0;
    for (const [name, type, options, points, answer] of specs) {
      const [row] = await owner<{ id: string }>(
        `insert into public.quiz_questions (quiz_id, type, prompt, options, points, explanation, position)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [quiz!.id, type, `Question ${name}`, JSON.stringify(options), points, `Because ${name}.`, ++position],
      );
      await owner('insert into public.quiz_answer_keys (question_id, answer) values ($1, $2)', [
        row!.id,
        JSON.stringify(answer),
      ]);
      q[name] = row!.id;
    }
    return { quiz: quiz!.id, q };
  }

  const rightAnswers = (q: Record<string, string>) => ({
    [q.single!]: 'b',
    [q.multiple!]: ['c', 'a'],
    [q.trueFalse!]: false,
    [q.blank!]: '  paris,   FRANCE ',
    [q.matching!]: { l3: 'r3', l1: 'r2', l2: 'r1' },
  });

  const enroll = (user: string, course: string) => as(user, 'select public.enroll_in_free_course($1)', [course]);
  const start = (user: string, quiz: string) =>
    one<{ id: string; attempt_number: number; question_ids: string[]; option_order: Record<string, string[]> } & Row>(
      user,
      'select * from public.start_quiz_attempt($1)',
      [quiz],
    );
  const submit = (user: string, attempt: string, answers: unknown) =>
    one<Row>(
      user,
      `select status, score_points, max_points, score_percent::text as pct, passed, results
       from public.submit_quiz_attempt($1, $2)`,
      [attempt, JSON.stringify(answers)],
    );
  const enrollment = async (user: string, course: string) =>
    (
      await owner<Row>(
        `select status, progress_percentage::text as p, completed_items, total_items, completed_lessons, total_lessons
         from public.enrollments where user_id = $1 and course_id = $2`,
        [user, course],
      )
    )[0]!;

  beforeAll(async () => {
    t = await fresh(engine);
    await seedFixtures(t.db);
  });
  afterAll(async () => {
    await t?.drop();
  });

  describe('quiz attempts', () => {
    it('shuffles questions and options per attempt, keeps authoring order when asked not to, and sends no answers', async () => {
      const c = await newCourse();
      const { quiz, q } = await newQuiz(c.course);
      const plain = await newQuiz(c.course, { shuffle: false });
      const orders = new Set<string>();
      const optionOrders = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const learner = await newUser();
        await enroll(learner, c.course);
        const a = await start(learner, quiz);
        expect([...a.question_ids].sort()).toEqual(Object.values(q).sort());
        expect([...a.option_order[q.single!]!].sort()).toEqual(['a', 'b', 'c', 'd']);
        expect([...a.option_order[q.matching!]!].sort()).toEqual(['l1', 'l2', 'l3', 'r1', 'r2', 'r3']);
        expect(a.option_order[q.trueFalse!]).toEqual([]);
        expect(JSON.stringify(a)).not.toMatch(/correct|accepted|pairs/);
        orders.add(a.question_ids.join());
        optionOrders.add(a.option_order[q.single!]!.join());
        const b = await start(learner, plain.quiz);
        expect(b.question_ids).toEqual(Object.values(plain.q));
        expect(b.option_order[plain.q.single!]).toEqual(['a', 'b', 'c', 'd']);
      }
      // 8 draws of 120 orders (and of 24): all alike has odds far below one in a million.
      expect(orders.size).toBeGreaterThan(1);
      expect(optionOrders.size).toBeGreaterThan(1);
    });

    it('resumes the open attempt, then counts attempts against the limit', async () => {
      const c = await newCourse();
      const { quiz } = await newQuiz(c.course, { maxAttempts: 2 });
      const learner = await newUser();
      await enroll(learner, c.course);
      const first = await start(learner, quiz);
      const again = await start(learner, quiz);
      expect(again.id).toBe(first.id);
      expect(first.attempt_number).toBe(1);
      expect(first.max_points).toBe(7);
      await submit(learner, first.id, {});
      const second = await start(learner, quiz);
      expect(second.attempt_number).toBe(2);
      await submit(learner, second.id, {});
      expect(await hintOf(learner, 'select public.start_quiz_attempt($1)', [quiz])).toBe('409:attempts_exhausted');
    });

    it('refuses learners who are not enrolled, draft quizzes and quizzes of drip-locked lessons', async () => {
      const c = await newCourse();
      const { quiz } = await newQuiz(c.course);
      const outsider = await newUser();
      expect(await hintOf(outsider, 'select public.start_quiz_attempt($1)', [quiz])).toBe('403:not_enrolled');
      const learner = await newUser();
      await enroll(learner, c.course);
      await owner(`update public.quizzes set status = 'draft' where id = $1`, [quiz]);
      expect(await hintOf(learner, 'select public.start_quiz_attempt($1)', [quiz])).toBe('404:quiz_not_found');
      const lesson = await newLesson(c, 'quiz');
      await owner(`update public.lessons set drip_available_at = now() + interval '3 days' where id = $1`, [lesson]);
      await owner(`update public.quizzes set status = 'published', lesson_id = $2 where id = $1`, [quiz, lesson]);
      expect(await hintOf(learner, 'select public.start_quiz_attempt($1)', [quiz])).toBe('403:quiz_locked');
      expect(await as(learner, 'select id from public.quizzes where id = $1', [quiz])).toEqual([]);
      expect(await hintOf(learner, 'select public.start_quiz_attempt($1)', [uuid(999, 1)])).toBe('404:quiz_not_found');
    });

    it('expires an attempt past its deadline: the expiry is kept, the score is 0, and a new start opens another', async () => {
      const c = await newCourse();
      const { quiz, q } = await newQuiz(c.course, { timeLimit: 30, maxAttempts: 3 });
      const learner = await newUser();
      await enroll(learner, c.course);
      const a = await start(learner, quiz);
      const deadline = new Date(a.deadline_at as string).getTime() - new Date(a.started_at as string).getTime();
      expect(deadline).toBe(30_000);
      await owner(`update public.quiz_attempts set deadline_at = now() - interval '1 minute' where id = $1`, [a.id]);
      const late = await submit(learner, a.id, rightAnswers(q));
      expect(late).toMatchObject({ status: 'expired', score_points: 0, pct: '0.00', passed: false });
      const [kept] = await owner<Row>('select status, answers from public.quiz_attempts where id = $1', [a.id]);
      expect(kept).toEqual({ status: 'expired', answers: null });
      expect(await hintOf(learner, 'select public.submit_quiz_attempt($1, $2)', [a.id, '{}'])).toBe(
        '409:time_limit_exceeded',
      );
      // An abandoned attempt past its deadline is expired by the next start.
      const b = await start(learner, quiz);
      await owner(`update public.quiz_attempts set deadline_at = now() - interval '1 minute' where id = $1`, [b.id]);
      const c3 = await start(learner, quiz);
      expect(c3.attempt_number).toBe(3);
      const [old] = await owner<Row>('select status from public.quiz_attempts where id = $1', [b.id]);
      expect(old).toEqual({ status: 'expired' });
      // Within the 2 s grace the submission counts.
      await owner(`update public.quiz_attempts set deadline_at = now() - interval '1 second' where id = $1`, [c3.id]);
      expect(await submit(learner, c3.id, rightAnswers(q))).toMatchObject({ status: 'submitted', passed: true });
      expect(await hintOf(learner, 'select public.submit_quiz_attempt($1, $2)', [c3.id, '{}'])).toBe(
        '409:already_submitted',
      );
    });

    it('grades every question type all or nothing, and passes at the passing score', async () => {
      const c = await newCourse();
      const { quiz, q } = await newQuiz(c.course, { passing: 70 });
      const learner = await newUser();
      await enroll(learner, c.course);
      const grade = async (answers: Record<string, unknown>) => {
        await owner(`delete from public.quiz_attempts where quiz_id = $1 and user_id = $2`, [quiz, learner]);
        const a = await start(learner, quiz);
        return submit(learner, a.id, answers);
      };
      const right = rightAnswers(q);
      const all = await grade(right);
      expect(all).toMatchObject({ status: 'submitted', score_points: 7, max_points: 7, pct: '100.00', passed: true });
      expect(all.results).toEqual({
        [q.single!]: { correct: true, points: 1 },
        [q.multiple!]: { correct: true, points: 2 },
        [q.trueFalse!]: { correct: true, points: 1 },
        [q.blank!]: { correct: true, points: 1 },
        [q.matching!]: { correct: true, points: 2 },
      });
      const wrong: [string, unknown][] = [
        [q.single!, 'a'],
        [q.multiple!, ['a']],
        [q.multiple!, ['a', 'c', 'd']],
        [q.trueFalse!, true],
        [q.blank!, 'Lyon'],
        [q.blank!, 'Pa ris'],
        [q.matching!, { l1: 'r1', l2: 'r2', l3: 'r3' }],
        [q.matching!, { l1: 'r2', l2: 'r1' }],
      ];
      for (const [question, answer] of wrong) {
        const r = await grade({ ...right, [question]: answer });
        expect((r.results as Record<string, { correct: boolean }>)[question], JSON.stringify(answer)).toEqual({
          correct: false,
          points: 0,
        });
      }
      // 5 of 7 points = 71.43 % >= 70: passed; 4 of 7 = 57.14 %: not.
      expect(await grade({ ...right, [q.matching!]: {} })).toMatchObject({
        score_points: 5,
        pct: '71.43',
        passed: true,
      });
      expect(await grade({ ...right, [q.multiple!]: [], [q.single!]: 'c' })).toMatchObject({
        score_points: 4,
        pct: '57.14',
        passed: false,
      });
      // Unanswered questions are wrong.
      expect(await grade({})).toMatchObject({ score_points: 0, pct: '0.00', passed: false });
      // A case-sensitive key.
      await owner(
        `update public.quiz_answer_keys set answer = '{"accepted": ["Paris"], "caseSensitive": true}' where question_id = $1`,
        [q.blank!],
      );
      const cs = await grade({ [q.blank!]: 'paris' });
      expect((cs.results as Row)[q.blank!]).toEqual({ correct: false, points: 0 });
      const cs2 = await grade({ [q.blank!]: ' Paris ' });
      expect((cs2.results as Row)[q.blank!]).toEqual({ correct: true, points: 1 });
    });

    it('refuses answers of the wrong shape or for unknown questions (422), and attempts of others (404)', async () => {
      const c = await newCourse();
      const { quiz, q } = await newQuiz(c.course);
      const other = await newQuiz(c.course);
      const learner = await newUser();
      const stranger = await newUser();
      await enroll(learner, c.course);
      await enroll(stranger, c.course);
      const a = await start(learner, quiz);
      const bad: unknown[] = [
        [],
        'x',
        { [other.q.single!]: 'b' },
        { 'not-a-uuid': 'b' },
        { [q.single!]: ['b'] },
        { [q.single!]: 'z' },
        { [q.multiple!]: 'a' },
        { [q.multiple!]: ['a', 'a'] },
        { [q.multiple!]: ['a', 'z'] },
        { [q.trueFalse!]: 'true' },
        { [q.blank!]: 42 },
        { [q.blank!]: 'x'.repeat(1001) },
        { [q.matching!]: ['l1', 'r1'] },
        { [q.matching!]: { l9: 'r1' } },
        { [q.matching!]: { l1: 'l2' } },
      ];
      for (const answers of bad) {
        expect(
          await hintOf(learner, 'select public.submit_quiz_attempt($1, $2)', [a.id, JSON.stringify(answers)]),
          JSON.stringify(answers).slice(0, 80),
        ).toBe('422:invalid_answers');
      }
      expect(await hintOf(stranger, 'select public.submit_quiz_attempt($1, $2)', [a.id, '{}'])).toBe(
        '404:attempt_not_found',
      );
      // Still open after all that: the refusals changed nothing.
      expect(await submit(learner, a.id, rightAnswers(q))).toMatchObject({ status: 'submitted', passed: true });
    });

    it('reveals answers only as the review policy allows; course managers always', async () => {
      const c = await newCourse();
      const learner = await newUser();
      const stranger = await newUser();
      await enroll(learner, c.course);
      const review = (user: string, attempt: string) =>
        one<{ r: { questions: Row[] } }>(user, 'select public.quiz_attempt_review($1) as r', [attempt]).then(
          (x) => x.r,
        );
      const reviewHint = (user: string, attempt: string) =>
        hintOf(user, 'select public.quiz_attempt_review($1)', [attempt]);

      const open = await newQuiz(c.course, { review: 'after_submit' });
      const a = await start(learner, open.quiz);
      expect(await reviewHint(learner, a.id)).toBe('403:review_not_allowed');
      await submit(learner, a.id, { [open.q.single!]: 'a' });
      const r = await review(learner, a.id);
      expect(r.questions.map((x) => x.id)).toEqual(a.question_ids);
      const single = r.questions.find((x) => x.id === open.q.single)!;
      expect(single).toMatchObject({
        correct: false,
        points: 0,
        maxPoints: 1,
        yourAnswer: 'a',
        correctAnswer: 'b',
        explanation: 'Because single.',
      });
      const byId = Object.fromEntries(r.questions.map((x) => [x.id, x.correctAnswer]));
      expect(byId[open.q.multiple!]).toEqual(['a', 'c']);
      expect(byId[open.q.trueFalse!]).toBe(false);
      expect(byId[open.q.blank!]).toEqual(['Paris', 'Paris, France']);
      expect(byId[open.q.matching!]).toEqual({ l1: 'r2', l2: 'r1', l3: 'r3' });
      expect(await reviewHint(stranger, a.id)).toBe('404:attempt_not_found');
      expect((await review(USER.instructor, a.id)).questions).toHaveLength(5);
      expect((await review(USER.admin, a.id)).questions).toHaveLength(5);
      expect(await reviewHint(USER.otherInstructor, a.id)).toBe('404:attempt_not_found');

      const never = await newQuiz(c.course, { review: 'never' });
      const n = await start(learner, never.quiz);
      await submit(learner, n.id, rightAnswers(never.q));
      expect(await reviewHint(learner, n.id)).toBe('403:review_not_allowed');
      expect((await review(USER.instructor, n.id)).questions).toHaveLength(5);

      const pass = await newQuiz(c.course, { review: 'after_pass' });
      const p1 = await start(learner, pass.quiz);
      await submit(learner, p1.id, {});
      expect(await reviewHint(learner, p1.id)).toBe('403:review_not_allowed');
      const p2 = await start(learner, pass.quiz);
      await submit(learner, p2.id, rightAnswers(pass.q));
      expect((await review(learner, p2.id)).questions).toHaveLength(5);

      const last = await newQuiz(c.course, { review: 'after_last_attempt', maxAttempts: 2 });
      const l1 = await start(learner, last.quiz);
      await submit(learner, l1.id, {});
      expect(await reviewHint(learner, l1.id)).toBe('403:review_not_allowed');
      const l2 = await start(learner, last.quiz);
      await submit(learner, l2.id, {});
      expect((await review(learner, l1.id)).questions).toHaveLength(5);
    });
  });

  describe('assignments', () => {
    async function newAssignment(course: string, fields: Row = {}): Promise<string> {
      const cols = {
        title: 'Essay',
        status: 'published',
        rubric: JSON.stringify([
          { id: 'content', criterion: 'Content', points: 60 },
          { id: 'style', criterion: 'Style', points: 40 },
        ]),
        ...fields,
      };
      const names = Object.keys(cols);
      const [row] = await owner<{ id: string }>(
        `insert into public.assignments (course_id, ${names.join(', ')})
         values ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
        [course, ...Object.values(cols)],
      );
      return row!.id;
    }
    async function upload(user: string, path: string, size: number, type: string, ownerId = user): Promise<void> {
      await owner(
        `insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
         values ('submissions', $1, $2, $3, $4)`,
        [path, ownerId, ownerId, JSON.stringify({ size, mimetype: type, contentLength: size })],
      );
    }
    const submitWork = (user: string, assignment: string, text: string | null, files: unknown = []) =>
      one<Row>(
        user,
        `select attempt_number, status, is_late, penalty_percent, files, text_content
         from public.submit_assignment($1, $2, $3)`,
        [assignment, text, JSON.stringify(files)],
      );
    const submitHint = (user: string, assignment: string, text: string | null, files: unknown = []) =>
      hintOf(user, 'select public.submit_assignment($1, $2, $3)', [assignment, text, JSON.stringify(files)]);

    it('takes text and checked files, and counts attempts', async () => {
      const c = await newCourse();
      const learner = await newUser();
      const other = await newUser();
      await enroll(learner, c.course);
      await enroll(other, c.course);
      const asg = await newAssignment(c.course, { max_file_bytes: 1000 });
      const prefix = `${learner}/${c.course}/${asg}/`;
      await upload(learner, `${prefix}a-report.pdf`, 900, 'application/pdf');
      await upload(learner, `${prefix}b-huge.pdf`, 1001, 'application/pdf');
      await upload(learner, `${prefix}c-movie.mp4`, 10, 'video/mp4');
      await upload(learner, `${learner}/${c.course}/elsewhere.pdf`, 10, 'application/pdf');
      await upload(other, `${other}/${c.course}/${asg}/theirs.pdf`, 10, 'application/pdf');
      // An object under the learner's folder written by someone else (owner_id differs).
      await upload(learner, `${prefix}d-planted.pdf`, 10, 'application/pdf', other);

      const first = await submitWork(learner, asg, '  My essay  ', [
        { path: `${prefix}a-report.pdf`, name: 'Report.pdf' },
      ]);
      expect(first).toMatchObject({ attempt_number: 1, status: 'submitted', is_late: false, penalty_percent: 0 });
      expect(first.text_content).toBe('My essay');
      expect(first.files).toEqual([
        { path: `${prefix}a-report.pdf`, name: 'Report.pdf', size: 900, type: 'application/pdf' },
      ]);
      const second = await submitWork(learner, asg, null, [`${prefix}a-report.pdf`]);
      expect(second).toMatchObject({ attempt_number: 2, text_content: null });
      expect(second.files).toEqual([
        { path: `${prefix}a-report.pdf`, name: 'a-report.pdf', size: 900, type: 'application/pdf' },
      ]);

      for (const files of [
        [`${prefix}b-huge.pdf`],
        [`${prefix}c-movie.mp4`],
        [`${learner}/${c.course}/elsewhere.pdf`],
        [`${other}/${c.course}/${asg}/theirs.pdf`],
        [`${prefix}d-planted.pdf`],
        [`${prefix}missing.pdf`],
        [{ name: 'no path' }],
        [42],
        { path: `${prefix}a-report.pdf` },
        Array.from({ length: 11 }, () => `${prefix}a-report.pdf`),
      ]) {
        expect(await submitHint(learner, asg, 'text', files), JSON.stringify(files).slice(0, 80)).toBe(
          '422:invalid_submission',
        );
      }
      expect(await submitHint(learner, asg, '   ', [])).toBe('422:invalid_submission');
      expect(await submitHint(learner, asg, 'x'.repeat(100_001), [])).toBe('422:invalid_submission');

      const textOnly = await newAssignment(c.course, { submission_types: '{text}' });
      await upload(learner, `${learner}/${c.course}/${textOnly}/f.pdf`, 10, 'application/pdf');
      expect(await submitHint(learner, textOnly, null, [`${learner}/${c.course}/${textOnly}/f.pdf`])).toBe(
        '422:invalid_submission',
      );
      const fileOnly = await newAssignment(c.course, { submission_types: '{file}' });
      expect(await submitHint(learner, fileOnly, 'words', [])).toBe('422:invalid_submission');

      const outsider = await newUser();
      expect(await submitHint(outsider, asg, 'text')).toBe('403:not_enrolled');
      const draft = await newAssignment(c.course, { status: 'draft' });
      expect(await submitHint(learner, draft, 'text')).toBe('404:assignment_not_found');
    });

    it('applies the late policy once the due date passed', async () => {
      const c = await newCourse();
      const learner = await newUser();
      await enroll(learner, c.course);
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const reject = await newAssignment(c.course, { due_at: past, late_policy: 'reject' });
      const penalty = await newAssignment(c.course, { due_at: past, late_policy: 'penalty', late_penalty_percent: 25 });
      const accept = await newAssignment(c.course, { due_at: past, late_policy: 'accept', late_penalty_percent: 25 });
      const future = await newAssignment(c.course, {
        due_at: new Date(Date.now() + 3_600_000).toISOString(),
        late_policy: 'reject',
      });
      expect(await submitHint(learner, reject, 'late')).toBe('409:assignment_closed');
      expect(await submitWork(learner, penalty, 'late')).toMatchObject({
        status: 'late',
        is_late: true,
        penalty_percent: 25,
      });
      expect(await submitWork(learner, accept, 'late')).toMatchObject({
        status: 'late',
        is_late: true,
        penalty_percent: 0,
      });
      expect(await submitWork(learner, future, 'on time')).toMatchObject({ status: 'submitted', is_late: false });
    });

    it('grades by rubric or points, applies the late penalty, refuses non-graders and own work, notifies', async () => {
      const c = await newCourse();
      const learner = await newUser();
      await enroll(learner, c.course);
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const asg = await newAssignment(c.course, { due_at: past, late_policy: 'penalty', late_penalty_percent: 20 });
      const [sub] = await as<{ id: string }>(learner, 'select id from public.submit_assignment($1, $2, $3)', [
        asg,
        'my work',
        '[]',
      ]);
      const grade = (user: string, points: number | null, marks: unknown, feedback = 'Nice') =>
        one<Row>(
          user,
          `select status, points::text as points, final_points::text as final, rubric_marks, feedback, graded_by
           from public.grade_submission($1, $2, $3, $4)`,
          [sub!.id, points, marks === null ? null : JSON.stringify(marks), feedback],
        );
      const gradeHint = (user: string, points: number | null, marks: unknown) =>
        hintOf(user, 'select public.grade_submission($1, $2, $3, $4)', [
          sub!.id,
          points,
          marks === null ? null : JSON.stringify(marks),
          '',
        ]);
      expect(await gradeHint(learner, 100, { content: 60, style: 40 })).toBe('403:not_grader');
      expect(await gradeHint(USER.otherInstructor, 100, { content: 60, style: 40 })).toBe('403:not_grader');
      for (const marks of [
        null,
        {},
        { content: 60 },
        { content: 61, style: 0 },
        { content: 10, style: -1 },
        { content: 10, style: 10, extra: 1 },
        { content: '10', style: 10 },
        [10, 10],
      ]) {
        expect(await gradeHint(USER.instructor, 50, marks), JSON.stringify(marks)).toBe('422:invalid_grade');
      }
      const graded = await grade(USER.instructor, 1, { content: 50, style: 30 });
      expect(graded).toMatchObject({
        status: 'graded',
        points: '80.00',
        final: '64.00',
        rubric_marks: { content: 50, style: 30 },
        feedback: 'Nice',
        graded_by: USER.instructor,
      });
      const [note] = await owner<Row>(
        `select kind, title, body, link from public.notifications where user_id = $1 and title like 'Graded:%'`,
        [learner],
      );
      expect(note).toEqual({
        kind: 'grade_posted',
        title: 'Graded: Essay',
        body: 'You got 64 of 100 points.',
        link: expect.stringMatching(new RegExp(`^/learn/[a-z0-9-]+/assignments/${asg}$`)),
      });
      // Regrading is allowed (an admin here).
      expect(await grade(USER.admin, null, { content: 60, style: 40 })).toMatchObject({ final: '80.00' });

      const plain = await newAssignment(c.course, { rubric: '[]', max_points: 10 });
      const [s2] = await as<{ id: string }>(learner, 'select id from public.submit_assignment($1, $2, $3)', [
        plain,
        'w',
        '[]',
      ]);
      const plainHint = (points: number | null, marks: unknown = null) =>
        hintOf(USER.instructor, 'select public.grade_submission($1, $2, $3, $4)', [s2!.id, points, marks, '']);
      expect(await plainHint(11)).toBe('422:invalid_grade');
      expect(await plainHint(-1)).toBe('422:invalid_grade');
      expect(await plainHint(null)).toBe('422:invalid_grade');
      expect(await plainHint(1.005)).toBe('422:invalid_grade');
      expect(await plainHint(5, JSON.stringify({ content: 5 }))).toBe('422:invalid_grade');
      const [g2] = await as<Row>(
        USER.instructor,
        'select final_points::text as f, rubric_marks from public.grade_submission($1, $2, $3, $4)',
        [s2!.id, 7.5, null, ''],
      );
      expect(g2).toEqual({ f: '7.50', rubric_marks: null });

      // An admin enrolled as a learner cannot grade their own submission.
      await enroll(USER.admin, c.course);
      const [own] = await as<{ id: string }>(USER.admin, 'select id from public.submit_assignment($1, $2, $3)', [
        plain,
        'mine',
        '[]',
      ]);
      expect(await hintOf(USER.admin, 'select public.grade_submission($1, 5, null, $2)', [own!.id, ''])).toBe(
        '403:own_submission',
      );
      expect(await hintOf(USER.instructor, 'select public.grade_submission($1, 5, null, $2)', [uuid(999, 2), ''])).toBe(
        '404:submission_not_found',
      );
    });
  });

  describe('video progress', () => {
    it('caps how far a heartbeat moves, completes at the share, and complete_lesson waits for it', async () => {
      const c = await newCourse();
      const video = await newLesson(c, 'video', { videoSeconds: 100, share: 0.9 });
      const learner = await newUser();
      await enroll(learner, c.course);
      const beat = (position: number, duration: number | null = 100) =>
        one<Row>(
          learner,
          `select position_seconds::float as pos, watched_seconds::float as watched, is_completed, status
           from public.record_video_progress($1, $2, $3)`,
          [video, position, duration],
        );
      expect(await beat(100)).toEqual({ pos: 100, watched: 15, is_completed: false, status: 'in_progress' });
      expect(await hintOf(learner, 'select public.complete_lesson($1)', [video])).toBe('409:watch_more');
      // 20 s later (the clock moved back for the test): at most 20 * 2.5 + 15 = 65 s further.
      await owner(
        `update public.lesson_progress set last_heartbeat_at = now() - interval '20 seconds' where lesson_id = $1`,
        [video],
      );
      expect(await beat(100)).toMatchObject({ watched: 80, is_completed: false });
      // Seeking back keeps the furthest point; the player's duration does not override the lesson's.
      await owner(
        `update public.lesson_progress set last_heartbeat_at = now() - interval '20 seconds' where lesson_id = $1`,
        [video],
      );
      expect(await beat(30, 1000)).toEqual({ pos: 30, watched: 80, is_completed: false, status: 'in_progress' });
      await owner(
        `update public.lesson_progress set last_heartbeat_at = now() - interval '10 seconds' where lesson_id = $1`,
        [video],
      );
      expect(await beat(500)).toEqual({ pos: 100, watched: 100, is_completed: true, status: 'completed' });
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'completed', p: '100.00' });
      const [done] = await as<Row>(learner, 'select status from public.complete_lesson($1)', [video]);
      expect(done).toEqual({ status: 'completed' });
    });

    it("takes the player's duration when the lesson has none, and refuses bad input and other lessons", async () => {
      const c = await newCourse();
      const video = await newLesson(c, 'video');
      const text = await newLesson(c, 'text');
      const learner = await newUser();
      const outsider = await newUser();
      await enroll(learner, c.course);
      const [r] = await as<Row>(
        learner,
        'select watched_seconds::float as w, is_completed from public.record_video_progress($1, 10, 12)',
        [video],
      );
      expect(r).toEqual({ w: 10, is_completed: false });
      const [r2] = await as<Row>(
        learner,
        'select watched_seconds::float as w, is_completed from public.record_video_progress($1, 11, 12)',
        [video],
      );
      expect(r2).toEqual({ w: 11, is_completed: true });
      const call = 'select public.record_video_progress($1, $2, $3)';
      expect(await hintOf(learner, call, [text, 1, 10])).toBe('422:not_video');
      for (const [pos, dur] of [
        [-1, 10],
        [1, null],
        [1, 0],
        [1, -5],
        [1e9, 10],
        ['NaN', 10],
      ] as const) {
        const v2 = await newLesson(c, 'video');
        expect(await hintOf(learner, call, [v2, pos, dur]), `${pos}, ${dur}`).toBe('422:invalid_progress');
      }
      expect((await failure(outsider, call, [video, 1, 10])).code).toBe('42501');
      const quizLesson = await newLesson(c, 'quiz');
      expect(await hintOf(learner, 'select public.complete_lesson($1)', [quizLesson])).toBe('409:complete_item');
    });
  });

  describe('progress and certificates', () => {
    it('counts required items, completes the course, and issues one certificate on completion only', async () => {
      const c = await newCourse();
      const lesson = await newLesson(c, 'text');
      await newLesson(c, 'quiz'); // represented by its quiz: not counted as a lesson
      await newLesson(c, 'text', { status: 'draft' });
      const { quiz, q } = await newQuiz(c.course, { required: true, maxAttempts: null });
      await newQuiz(c.course, { required: false });
      const [asg] = await owner<{ id: string }>(
        `insert into public.assignments (course_id, title, status, passing_points, max_points)
         values ($1, 'Project', 'published', 50, 100) returning id`,
        [c.course],
      );
      await owner(`insert into public.assignments (course_id, title, status) values ($1, 'Draft', 'draft')`, [
        c.course,
      ]);
      const learner = await newUser('Grace', 'Hopper');
      await enroll(learner, c.course);
      const certificates = () =>
        owner<Row>(
          'select code, learner_name, course_title, instructor_name from public.certificates where user_id = $1',
          [learner],
        );

      expect(await enrollment(learner, c.course)).toMatchObject({
        p: '0.00',
        completed_items: 0,
        total_items: 3,
        total_lessons: 1,
      });
      await as(learner, 'select public.complete_lesson($1)', [lesson]);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'active', p: '33.33', completed_items: 1 });
      const failed = await start(learner, quiz);
      await submit(learner, failed.id, {});
      expect(await enrollment(learner, c.course)).toMatchObject({ p: '33.33' });
      const passed = await start(learner, quiz);
      await submit(learner, passed.id, rightAnswers(q));
      expect(await enrollment(learner, c.course)).toMatchObject({ p: '66.67', completed_items: 2 });
      const [sub] = await as<{ id: string }>(learner, 'select id from public.submit_assignment($1, $2, $3)', [
        asg!.id,
        'done',
        '[]',
      ]);
      expect(await enrollment(learner, c.course)).toMatchObject({ p: '66.67' });
      await as(USER.instructor, 'select public.grade_submission($1, 49, null, $2)', [sub!.id, 'Almost']);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'active', p: '66.67' });
      expect(await certificates()).toEqual([]);

      await as(USER.instructor, 'select public.grade_submission($1, 50, null, $2)', [sub!.id, 'Pass']);
      expect(await enrollment(learner, c.course)).toMatchObject({
        status: 'completed',
        p: '100.00',
        completed_items: 3,
      });
      const issued = await certificates();
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({
        learner_name: 'Grace Hopper',
        course_title: expect.stringMatching(/^Course /),
        instructor_name: 'Ada Instructor',
      });
      const code = issued[0]!.code as string;
      expect(code).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){5}$/);
      // One message: the certificate this completion issued (not a second "You completed").
      const notes = await owner<Row>(
        `select kind, title, body, link from public.notifications
         where user_id = $1 and kind in ('course_completed', 'certificate_issued')`,
        [learner],
      );
      expect(notes).toEqual([
        {
          kind: 'certificate_issued',
          title: expect.stringMatching(/^Certificate issued: Course /),
          body: expect.stringContaining('Your certificate is under Certificates'),
          link: '/certificates',
        },
      ]);

      // Regrading, a new item then completing it again: still one certificate, the same code.
      await as(USER.instructor, 'select public.grade_submission($1, 90, null, $2)', [sub!.id, 'Great']);
      const extra = await newLesson(c, 'text');
      await as(learner, 'select public.complete_lesson($1)', [lesson]);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'active', p: '75.00' });
      await as(learner, 'select public.complete_lesson($1)', [extra]);
      expect(await enrollment(learner, c.course)).toMatchObject({ status: 'completed' });
      expect((await certificates()).map((x) => x.code)).toEqual([code]);
      expect(await as(learner, 'select code from public.certificates')).toEqual([{ code }]);
      // The second completion issued nothing new: it is a plain "You completed".
      expect(
        await owner<Row>(
          `select kind from public.notifications
           where user_id = $1 and kind in ('course_completed', 'certificate_issued') order by created_at, kind`,
          [learner],
        ),
      ).toEqual([{ kind: 'certificate_issued' }, { kind: 'course_completed' }]);
    });

    it('verifies a code by its hash (any case, no guessing), and only admins revoke', async () => {
      const verify = (code: string | null, role: Caller = { role: 'anon' }) =>
        t.db.asCaller(role, (sql) =>
          sql.query<Row>(
            'select valid, revoked, learner, course, issued_at is not null as dated from public.verify_certificate($1)',
            [code],
          ),
        );
      expect(await verify(CERTIFICATE_CODE)).toEqual([
        { valid: true, revoked: false, learner: 'Other Student', course: 'Free course', dated: true },
      ]);
      expect(await verify(` ${CERTIFICATE_CODE.toLowerCase()} `)).toHaveLength(1);
      for (const guess of ['0A1B-2C3D-4E5F-6071-8293-A4B6', '', 'x'.repeat(500), null, "' or 1=1 --"]) {
        expect(await verify(guess)).toEqual([]);
      }
      const [cert] = await owner<{ id: string }>('select id from public.certificates where code = $1', [
        CERTIFICATE_CODE,
      ]);
      for (const user of [USER.student, USER.otherStudent, USER.instructor]) {
        expect(await hintOf(user, 'select public.revoke_certificate($1, $2)', [cert!.id, 'fraud'])).toBe(
          '403:not_admin',
        );
      }
      expect(await hintOf(USER.admin, 'select public.revoke_certificate($1, $2)', [cert!.id, '  '])).toBe(
        '422:invalid_reason',
      );
      expect(await hintOf(USER.admin, 'select public.revoke_certificate($1, $2)', [uuid(999, 3), 'x'])).toBe(
        '404:certificate_not_found',
      );
      await t.db
        .asCaller(callerFor(USER.admin), async (sql) => {
          const [r] = await sql.query<Row>(
            'select revoked_at is not null as revoked, revoked_reason from public.revoke_certificate($1, $2)',
            [cert!.id, 'Plagiarism'],
          );
          expect(r).toEqual({ revoked: true, revoked_reason: 'Plagiarism' });
          const [v] = await sql.query<Row>('select valid, revoked from public.verify_certificate($1)', [
            CERTIFICATE_CODE,
          ]);
          expect(v).toEqual({ valid: false, revoked: true });
          throw new Error('roll back');
        })
        .catch((error: Error) => {
          if (error.message !== 'roll back') throw error;
        });
    });
  });
});
