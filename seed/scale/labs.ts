/**
 * Scale code labs (migration 20261125000100), so supabase/tests/perf-guard.test.ts reads labs,
 * lab_secrets, lab_submissions and lab_drafts at size. At scale N: one JavaScript lab per course
 * (15·N; a quarter of them drafts) with its secrets, one graded submission for each enrollment with
 * at least 4 lessons done in a course whose lab is published (every other one passed), and a draft
 * for each enrollment with at least 2.
 *
 * Deterministic and idempotent like the rest of the fixture (md5 ids, `on conflict do nothing`), one
 * insert ... select per table, as the owner. Submissions are written directly (as recorded history),
 * not through private.record_lab_submission; the enrollments' counters are left as the enrollments
 * step wrote them.
 */
import type { Sql } from '../../edge/db/port.ts';
import { enrollmentPlan } from './learning.ts';
import { MAX_COMPLETED, type ScaleShape } from './shape.ts';

const VISIBLE = "test('adds small numbers', () => { expect(sum(1, 2)).toBe(3); });";
const HIDDEN = "test('adds negatives', () => { expect(sum(-1, -2)).toBe(-3); });";
const REFERENCE = 'function sum(a, b) {\n  return a + b;\n}\n';
const TESTS_PASSED =
  '[{"name":"adds small numbers","passed":true,"message":null,"hidden":false},' +
  '{"name":"Hidden test 1","passed":true,"message":null,"hidden":true}]';
const TESTS_FAILED =
  '[{"name":"adds small numbers","passed":true,"message":null,"hidden":false},' +
  '{"name":"Hidden test 1","passed":false,"message":"Hidden test failed","hidden":true}]';

export async function seedScaleLabs(sql: Sql, shape: ScaleShape): Promise<void> {
  const courses = [shape.courses];
  await sql.query(
    `insert into public.labs (id, course_id, slug, title, instructions_md, language, starter_code, visible_tests,
                              points, is_required, status, position)
     select md5('scale-lab-' || i)::uuid, c.id, 'sum', 'Add two numbers', 'Write \`sum(a, b)\`.',
            'javascript', 'function sum(a, b) {\n}\n', $2, 10, true,
            case when i % 4 = 0 then 'draft' else 'published' end, 3
     from generate_series(1, $1::int) i
     join public.courses c on c.id = md5('scale-course-' || i)::uuid
     on conflict do nothing`,
    [shape.courses, VISIBLE],
  );
  await sql.query(
    `insert into public.lab_secrets (lab_id, hidden_tests, reference_solution)
     select b.id, $2, $3
     from generate_series(1, $1::int) i
     join public.labs b on b.id = md5('scale-lab-' || i)::uuid
     on conflict do nothing`,
    [...courses, HIDDEN, REFERENCE],
  );

  const plan = `plan as (${enrollmentPlan('$1', '$2', '$3')})`;
  const params = [shape.learners, shape.courses, MAX_COMPLETED];
  await sql.query(
    `with ${plan}
     insert into public.lab_submissions (id, lab_id, course_id, user_id, code, status, score, points, tests, output,
                                         duration_ms, created_at)
     select md5('scale-lab-submission-' || p.j || '-' || p.k)::uuid, b.id, e.course_id, e.user_id,
            case when p.j % 2 = 0 then $4 else 'function sum(a, b) {\n  return Math.abs(a + b);\n}\n' end,
            case when p.j % 2 = 0 then 'passed' else 'failed' end::public.lab_status,
            case when p.j % 2 = 0 then 100 else 50 end, case when p.j % 2 = 0 then 10 else 5 end,
            case when p.j % 2 = 0 then $5 else $6 end::jsonb, '', 3 + (p.j + p.k) % 20,
            e.enrolled_at + interval '2 days'
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     join public.labs b on b.id = md5('scale-lab-' || p.ci)::uuid and b.status = 'published'
     where p.done >= 4
     on conflict do nothing`,
    [...params, REFERENCE, TESTS_PASSED, TESTS_FAILED],
  );
  await sql.query(
    `with ${plan}
     insert into public.lab_drafts (user_id, lab_id, code, updated_at)
     select e.user_id, b.id, 'function sum(a, b) {\n  return a + b;\n}\n', e.enrolled_at + interval '1 day'
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     join public.labs b on b.id = md5('scale-lab-' || p.ci)::uuid and b.status = 'published'
     where p.done >= 2
     on conflict do nothing`,
    params,
  );
}
