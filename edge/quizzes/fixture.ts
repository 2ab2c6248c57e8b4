/** The harness ids the fixture refers to (passed in: edge/ code never imports test support). */
export interface QuizFixtureIds {
  student: string;
  free: string;
  paid: string;
}

/**
 * Quizzes on the edge harness's small catalog (tests/support/edge-harness.ts), written as owner.
 * The free course (intro-to-html) has a published quiz with one question of every type, a timed
 * quiz, a quiz that never shows answers, and a draft; the paid course a published quiz. The
 * answer keys hold values no learner response may ever contain (SECRET_VALUES).
 */

export const Q = {
  main: '80000000-0000-4000-8000-000000000001',
  timed: '80000000-0000-4000-8000-000000000002',
  never: '80000000-0000-4000-8000-000000000003',
  draft: '80000000-0000-4000-8000-000000000004',
  paid: '80000000-0000-4000-8000-000000000005',
} as const;

export const QQ = {
  single: '81000000-0000-4000-8000-000000000001',
  multiple: '81000000-0000-4000-8000-000000000002',
  tf: '81000000-0000-4000-8000-000000000003',
  blank: '81000000-0000-4000-8000-000000000004',
  match: '81000000-0000-4000-8000-000000000005',
  timed: '81000000-0000-4000-8000-000000000006',
  never: '81000000-0000-4000-8000-000000000007',
  draft: '81000000-0000-4000-8000-000000000008',
  paid: '81000000-0000-4000-8000-000000000009',
} as const;

/** Strings only answer keys hold: none may appear in a learner's answer before a submit. */
export const SECRET_VALUES = ['Kilimanjaro-7781', 'kilimanjaro seven', '"accepted"', '"pairs"', '"caseSensitive"'];

/** The right answers to the main quiz (what a learner would have to send). */
export const RIGHT = {
  [QQ.single]: 'b',
  [QQ.multiple]: ['a', 'c'],
  [QQ.tf]: false,
  [QQ.blank]: '  KILIMANJARO-7781 ',
  [QQ.match]: { l1: 'r1', l2: 'r2' },
};
/** Right only on the matching question: 1 of 6 points, a fail. */
export const WRONG = {
  [QQ.single]: 'a',
  [QQ.multiple]: ['a'],
  [QQ.tf]: true,
  [QQ.blank]: 'Everest',
  [QQ.match]: { l1: 'r1', l2: 'r2' },
};

const choice = JSON.stringify([
  { id: 'a', text: 'A tag' },
  { id: 'b', text: 'An element' },
  { id: 'c', text: 'A node' },
]);
const matching = JSON.stringify([
  { id: 'l1', text: '<p>', side: 'left' },
  { id: 'l2', text: '<a>', side: 'left' },
  { id: 'r1', text: 'paragraph', side: 'right' },
  { id: 'r2', text: 'link', side: 'right' },
]);
const two = JSON.stringify([
  { id: 'x', text: 'Yes' },
  { id: 'y', text: 'No' },
]);

export const quizFixture = (ids: QuizFixtureIds) => `
insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');
insert into public.quizzes (id, course_id, title, description, passing_score, time_limit_seconds, max_attempts,
                            review_policy, status, position) values
  ('${Q.main}', '${ids.free}', 'HTML basics check', 'Five questions on **markup**.', 70, null, 2, 'after_submit', 'published', 1),
  ('${Q.timed}', '${ids.free}', 'Speed round', '', 50, 30, null, 'after_submit', 'published', 2),
  ('${Q.never}', '${ids.free}', 'Closed book', '', 50, null, null, 'never', 'published', 3),
  ('${Q.draft}', '${ids.free}', 'Unfinished quiz', '', 50, null, null, 'after_submit', 'draft', 4),
  ('${Q.paid}', '${ids.paid}', 'Pandas check', '', 50, null, null, 'after_submit', 'published', 1);
insert into public.quiz_questions (id, quiz_id, type, prompt, options, points, explanation, position) values
  ('${QQ.single}', '${Q.main}', 'single_choice', 'What is <p>?', '${choice}', 2, 'It is an element.', 1),
  ('${QQ.multiple}', '${Q.main}', 'multiple_choice', 'Pick the tag and the node', '${choice}', 1, '', 2),
  ('${QQ.tf}', '${Q.main}', 'true_false', 'HTML is a programming language.', '[]', 1, 'It is markup.', 3),
  ('${QQ.blank}', '${Q.main}', 'fill_blank', 'The secret mountain is ___.', '[]', 1, '', 4),
  ('${QQ.match}', '${Q.main}', 'matching', 'Match the tags', '${matching}', 1, '', 5),
  ('${QQ.timed}', '${Q.timed}', 'true_false', 'Fast?', '[]', 1, '', 1),
  ('${QQ.never}', '${Q.never}', 'single_choice', 'Closed?', '${two}', 1, '', 1),
  ('${QQ.draft}', '${Q.draft}', 'true_false', 'Draft?', '[]', 1, '', 1),
  ('${QQ.paid}', '${Q.paid}', 'true_false', 'Pandas?', '[]', 1, '', 1);
insert into public.quiz_answer_keys (question_id, answer) values
  ('${QQ.single}', '{"correct":"b"}'),
  ('${QQ.multiple}', '{"correct":["a","c"]}'),
  ('${QQ.tf}', '{"correct":false}'),
  ('${QQ.blank}', '{"accepted":["Kilimanjaro-7781","kilimanjaro seven"],"caseSensitive":false}'),
  ('${QQ.match}', '{"pairs":{"l1":"r1","l2":"r2"}}'),
  ('${QQ.timed}', '{"correct":true}'),
  ('${QQ.never}', '{"correct":"x"}'),
  ('${QQ.draft}', '{"correct":true}'),
  ('${QQ.paid}', '{"correct":true}');
`;
