import type { HostDatabase } from '../../server/db/types.ts';
import { CARD, COURSE, callerOf, type Role, USER } from './fixtures.ts';

/**
 * The learning part of the RLS matrix's fixtures (migration 20261124000100): in the free course,
 * a published quiz with one question of each type and their answer keys, a draft quiz with one
 * question, a published assignment with a two-criterion rubric and a draft assignment; question
 * bank rows (two of the instructor's, one of the other instructor's); the student's submitted
 * attempt at the published quiz and the student's text submission to the published assignment
 * (both through the definer functions, as the student); a certificate held by the other student
 * for the free course (the owner's insert, with a known code, so no completion notifications
 * change the notification counts). The fixture quizzes and assignments are not required, so the
 * free course's progress still counts its lessons only (rls-matrix.test.ts's completion cases).
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const QUIZ = {
  /** free course, published, not required, max 3 attempts, review after submit */
  published: id(40, 1),
  /** free course, draft */
  draft: id(40, 2),
};

/** The published quiz's questions, one per type, and the draft quiz's one question. */
export const QUESTION = {
  single: id(41, 1),
  multiple: id(41, 2),
  trueFalse: id(41, 3),
  blank: id(41, 4),
  matching: id(41, 5),
  draft: id(41, 6),
  /** not inserted by the fixtures: matrix cells add it (without a key) in their given state */
  spare: id(41, 9),
};

export const BANK = { instructorA: id(42, 1), instructorB: id(42, 2), otherInstructor: id(42, 3) };

/** The student's first attempt at the published quiz, submitted (single right, the rest wrong or blank). */
export const ATTEMPT = { student: id(43, 1) };

export const ASSIGNMENT = {
  /** free course, published, due in 14 days, rubric: clarity (40) and accuracy (60), of 100 */
  published: id(44, 1),
  draft: id(44, 2),
};

/** The student's text submission to the published assignment (attempt 1, not graded). */
export const SUBMISSION = { student: id(45, 1) };

/** The other student's certificate for the free course. */
export const CERTIFICATE = { otherStudent: id(46, 1) };
export const CERTIFICATE_CODE = '0A1B-2C3D-4E5F-6071-8293-A4B5';

/** Right answers to the published quiz, as a learner submits them. */
export const RIGHT_ANSWERS = {
  [QUESTION.single]: 'b',
  [QUESTION.multiple]: ['a', 'c'],
  [QUESTION.trueFalse]: true,
  [QUESTION.blank]: '  paris ',
  [QUESTION.matching]: { l1: 'r2', l2: 'r1' },
};

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const j = (v: unknown) => `${q(JSON.stringify(v))}::jsonb`;

export async function seedLearningFixtures(db: HostDatabase): Promise<void> {
  const choice = [
    { id: 'a', text: 'Alpha' },
    { id: 'b', text: 'Beta' },
    { id: 'c', text: 'Gamma' },
  ];
  const matching = [
    { id: 'l1', text: 'HTML', side: 'left' },
    { id: 'l2', text: 'CSS', side: 'left' },
    { id: 'r1', text: 'Style', side: 'right' },
    { id: 'r2', text: 'Structure', side: 'right' },
  ];
  await db.runScript(`
    insert into public.quizzes (id, course_id, title, description, passing_score, max_attempts, review_policy,
                                is_required, status, position) values
      (${q(QUIZ.published)}, ${q(COURSE.free)}, 'Basics check', 'Five questions.', 60, 3, 'after_submit', false, 'published', 1),
      (${q(QUIZ.draft)}, ${q(COURSE.free)}, 'Coming soon', '', 70, null, 'never', false, 'draft', 2);

    insert into public.quiz_questions (id, quiz_id, type, prompt, options, points, explanation, position) values
      (${q(QUESTION.single)}, ${q(QUIZ.published)}, 'single_choice', 'Pick Beta', ${j(choice)}, 1, 'Beta is b.', 1),
      (${q(QUESTION.multiple)}, ${q(QUIZ.published)}, 'multiple_choice', 'Pick Alpha and Gamma', ${j(choice)}, 2, '', 2),
      (${q(QUESTION.trueFalse)}, ${q(QUIZ.published)}, 'true_false', 'The sky is blue', '[]', 1, '', 3),
      (${q(QUESTION.blank)}, ${q(QUIZ.published)}, 'fill_blank', 'The capital of France', '[]', 1, '', 4),
      (${q(QUESTION.matching)}, ${q(QUIZ.published)}, 'matching', 'Match them', ${j(matching)}, 2, '', 5),
      (${q(QUESTION.draft)}, ${q(QUIZ.draft)}, 'true_false', 'Draft question', '[]', 1, '', 1);

    insert into public.quiz_answer_keys (question_id, answer) values
      (${q(QUESTION.single)}, ${j({ correct: 'b' })}),
      (${q(QUESTION.multiple)}, ${j({ correct: ['a', 'c'] })}),
      (${q(QUESTION.trueFalse)}, ${j({ correct: true })}),
      (${q(QUESTION.blank)}, ${j({ accepted: ['Paris', 'paris, france'], caseSensitive: false })}),
      (${q(QUESTION.matching)}, ${j({ pairs: { l1: 'r2', l2: 'r1' } })}),
      (${q(QUESTION.draft)}, ${j({ correct: false })});

    insert into public.question_bank (id, instructor_id, course_id, type, prompt, options, answer, tags) values
      (${q(BANK.instructorA)}, ${q(CARD.instructor)}, ${q(COURSE.free)}, 'true_false', 'HTML is a language', '[]',
       ${j({ correct: true })}, '{html}'),
      (${q(BANK.instructorB)}, ${q(CARD.instructor)}, null, 'single_choice', 'Pick a', ${j(choice)},
       ${j({ correct: 'a' })}, '{}'),
      (${q(BANK.otherInstructor)}, ${q(CARD.otherInstructor)}, null, 'fill_blank', 'Two plus two', '[]',
       ${j({ accepted: ['4', 'four'] })}, '{maths}');

    insert into public.assignments (id, course_id, title, instructions, due_at, late_policy, late_penalty_percent,
                                    max_points, passing_points, rubric, is_required, status, position) values
      (${q(ASSIGNMENT.published)}, ${q(COURSE.free)}, 'Build a page', 'Write **one** page.', now() + interval '14 days',
       'penalty', 20, 100, 50,
       ${j([
         { id: 'clarity', criterion: 'Clear', points: 40 },
         { id: 'accuracy', criterion: 'Accurate', points: 60 },
       ])}, false, 'published', 1),
      (${q(ASSIGNMENT.draft)}, ${q(COURSE.free)}, 'Draft work', '', null, 'accept', 0, 10, null, '[]', false, 'draft', 2);

    insert into public.certificates (id, user_id, course_id, enrollment_id, code, code_sha256, learner_name,
                                     course_title, instructor_name, issued_at)
      select ${q(CERTIFICATE.otherStudent)}, e.user_id, e.course_id, e.id, ${q(CERTIFICATE_CODE)},
             sha256(convert_to(${q(CERTIFICATE_CODE)}, 'UTF8')), 'Other Student', 'Free course', 'Ada Instructor',
             now() - interval '1 day'
      from public.enrollments e where e.user_id = ${q(USER.otherStudent)} and e.course_id = ${q(COURSE.free)};
  `);

  const call = <T>(role: Role, text: string, params: unknown[]) =>
    db.asCaller(callerOf(role), (sql) => sql.query<T & Record<string, unknown>>(text, params));
  const [attempt] = await call<{ id: string }>('student', 'select id from public.start_quiz_attempt($1)', [
    QUIZ.published,
  ]);
  await call('student', 'select public.submit_quiz_attempt($1, $2)', [
    attempt!.id,
    JSON.stringify({ [QUESTION.single]: 'b', [QUESTION.trueFalse]: false, [QUESTION.multiple]: ['a'] }),
  ]);
  const [submission] = await call<{ id: string }>('student', 'select id from public.submit_assignment($1, $2, $3)', [
    ASSIGNMENT.published,
    'My page: <h1>Hello</h1>',
    '[]',
  ]);
  // Readable ids for the matrix (nothing refers to these rows yet).
  await db.asOwner(async (sql) => {
    await sql.query('update public.quiz_attempts set id = $1 where id = $2', [ATTEMPT.student, attempt!.id]);
    await sql.query('update public.assignment_submissions set id = $1 where id = $2', [
      SUBMISSION.student,
      submission!.id,
    ]);
  });
}
