import type { HostDatabase } from '../../server/db/types.ts';
import { COURSE, callerOf, USER } from './fixtures.ts';

/**
 * The code-lab part of the RLS matrix's fixtures (migration 20261125000100): in the free course,
 * a published lab (not tied to a lesson) and a draft lab; in the other instructor's draft course,
 * a draft lab; each with its secrets (hidden tests, reference solution). The student's failed
 * submission to the published lab (through private.record_lab_submission as service_role, as the
 * data API stores it) and the student's draft of it (as the student). The fixture labs are not
 * required, so the free course's progress still counts its lessons only.
 */

const id = (group: number, n: number) =>
  `00000000-0000-4000-8${group.toString().padStart(3, '0')}-${n.toString().padStart(12, '0')}`;

export const LAB = {
  /** free course, published, not required, 10 points, no lesson */
  published: id(60, 1),
  /** free course, draft */
  draft: id(60, 2),
  /** the other instructor's draft course, draft */
  otherCourse: id(60, 3),
  /** not inserted by the fixtures: matrix cells add it in their given state */
  spare: id(60, 9),
};

/** The student's failed submission to the published lab (1 of 2 tests passed). */
export const LAB_SUBMISSION = { student: id(61, 1) };

export const LAB_VISIBLE_TESTS = "test('adds', () => { expect(sum(1, 2)).toBe(3); });";
export const LAB_HIDDEN_TESTS = "test('negatives', () => { expect(sum(-1, -2)).toBe(-3); });";
export const LAB_REFERENCE = 'function sum(a, b) {\n  return a + b;\n}\n';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function seedLabFixtures(db: HostDatabase): Promise<void> {
  await db.runScript(`
    insert into public.labs (id, course_id, slug, title, instructions_md, starter_code, visible_tests, points,
                             is_required, status, position) values
      (${q(LAB.published)}, ${q(COURSE.free)}, 'sum', 'Add two numbers', 'Write \`sum(a, b)\`.',
       'function sum(a, b) {}', ${q(LAB_VISIBLE_TESTS)}, 10, false, 'published', 1),
      (${q(LAB.draft)}, ${q(COURSE.free)}, 'later', 'Coming soon', '', '', '', 10, false, 'draft', 2),
      (${q(LAB.otherCourse)}, ${q(COURSE.otherDraft)}, 'other', 'Other lab', '', '', '', 10, false, 'draft', 1);

    insert into public.lab_secrets (lab_id, hidden_tests, reference_solution) values
      (${q(LAB.published)}, ${q(LAB_HIDDEN_TESTS)}, ${q(LAB_REFERENCE)}),
      (${q(LAB.draft)}, '', ''),
      (${q(LAB.otherCourse)}, '', '');
  `);

  const tests = [
    { name: 'adds', passed: true, message: null, hidden: false },
    { name: 'negatives', passed: false, message: 'Hidden test failed', hidden: true },
  ];
  const [stored] = await db.asService((sql) =>
    sql.query<{ r: { id: string } }>('select private.record_lab_submission($1, $2, $3, $4, $5, $6, $7, $8) as r', [
      LAB.published,
      USER.student,
      'function sum(a, b) { return Math.abs(a + b); }',
      'failed',
      50,
      JSON.stringify(tests),
      '',
      3,
    ]),
  );
  await db.asCaller(callerOf('student'), (sql) =>
    sql.query('insert into public.lab_drafts (user_id, lab_id, code) values ($1, $2, $3)', [
      USER.student,
      LAB.published,
      'function sum(a, b) { return a + b; }',
    ]),
  );
  // A readable id for the matrix (nothing refers to the row).
  await db.asOwner((sql) =>
    sql.query('update public.lab_submissions set id = $1 where id = $2', [LAB_SUBMISSION.student, stored!.r.id]),
  );
}
