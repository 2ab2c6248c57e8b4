/** The harness ids the fixture refers to (passed in: edge/ code never imports test support). */
export interface LabFixtureIds {
  student: string;
  free: string;
  paid: string;
  draft: string;
  s2: string;
}

/**
 * Labs on the edge harness's small catalog (tests/support/edge-harness.ts), written as owner.
 * The free course (intro-to-html, the student enrolled) has a published `sum` lab bound to a lab
 * lesson, a published free-standing lab and a draft; the paid course (student not enrolled) and
 * the draft course each a published lab. Hidden tests and reference solutions hold canaries no
 * learner response may ever contain.
 */

export const LAB = {
  sum: '90000000-0000-4000-8000-000000000001',
  loose: '90000000-0000-4000-8000-000000000002',
  draft: '90000000-0000-4000-8000-000000000003',
  paid: '90000000-0000-4000-8000-000000000004',
  hidden: '90000000-0000-4000-8000-000000000005',
  lesson: '91000000-0000-4000-8000-000000000001',
} as const;

export const HIDDEN_CANARY = 'hidden-canary-7781';
export const REFERENCE_CANARY = 'reference-canary-4242';

export const VISIBLE_TESTS = `test('sum(1, 2) is 3', () => {
  expect(sum(1, 2)).toBe(3);
});
`;

export const HIDDEN_TESTS = `const note = '${HIDDEN_CANARY}';
test('adds negative numbers', () => {
  expect(sum(-5, 3)).toBe(-2);
});
test('adds floats', () => {
  expect(sum(0.1, 0.2)).toBeCloseTo(0.3, 10);
});
`;

export const REFERENCE = `// ${REFERENCE_CANARY}
function sum(a, b) {
  return a + b;
}
`;

export const STARTER = `function sum(a, b) {
  // Return the sum of a and b.
}
`;

/** Right on integers, wrong on floats: 2 of 3 tests. */
export const INTEGER_ONLY = 'function sum(a, b) { return Math.round(a) + Math.round(b); }';

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const labFixture = (ids: LabFixtureIds) => `
insert into public.enrollments (user_id, course_id) values ('${ids.student}', '${ids.free}');
insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes)
  values ('${LAB.lesson}', '${ids.free}', '${ids.s2}', 'Practice: sum', 'lab', 3, 10);
insert into public.labs (id, course_id, lesson_id, slug, title, instructions_md, language, starter_code, visible_tests,
                         points, status, position) values
  ('${LAB.sum}', '${ids.free}', '${LAB.lesson}', 'sum', 'Add two numbers', 'Write **sum**.', 'javascript',
   ${q(STARTER)}, ${q(VISIBLE_TESTS)}, 10, 'published', 1),
  ('${LAB.loose}', '${ids.free}', null, 'loose', 'Another lab', '', 'typescript', '', ${q(VISIBLE_TESTS)}, 5,
   'published', 2),
  ('${LAB.draft}', '${ids.free}', null, 'unfinished', 'Unfinished', '', 'javascript', '', '', 10, 'draft', 3),
  ('${LAB.paid}', '${ids.paid}', null, 'paid-lab', 'Paid lab', '', 'javascript', '', ${q(VISIBLE_TESTS)}, 10,
   'published', 1),
  ('${LAB.hidden}', '${ids.draft}', null, 'secret-lab', 'Secret lab', '', 'javascript', '', ${q(VISIBLE_TESTS)}, 10,
   'published', 1);
insert into public.lab_secrets (lab_id, hidden_tests, reference_solution)
  select id, ${q(HIDDEN_TESTS)}, ${q(REFERENCE)} from public.labs where id in
    ('${LAB.sum}', '${LAB.loose}', '${LAB.draft}', '${LAB.paid}', '${LAB.hidden}');
`;
