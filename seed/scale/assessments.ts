/**
 * Scale quizzes, assignments, attempts, submissions, question banks and certificates (migration
 * 20261124000100), so supabase/tests/perf-guard.test.ts reads those tables at size. At scale N:
 * one quiz (five questions, one per type, with keys) and one assignment per course (15·N each; a
 * quarter of them drafts), six bank questions per instructor, one submitted attempt for each
 * enrollment with at least 3 lessons done in a course whose quiz is published (about 26,000 at
 * N = 100), one submission for each with at least 5 (about 18,000; every other one graded), and a
 * certificate for each with at least 8 (about 9,000).
 *
 * Deterministic and idempotent like the rest of the fixture (md5 ids, `on conflict do nothing`), one
 * insert ... select per table, as the owner. Attempts, submissions and certificates are written
 * directly (as recorded history), not through the definer functions; the enrollments' counters are
 * left as the enrollments step wrote them. Certificate codes are md5-derived: fixture data, never
 * a real credential.
 */
import type { Sql } from '../../edge/db/port.ts';
import { enrollmentPlan } from './learning.ts';
import { MAX_COMPLETED, type ScaleShape } from './shape.ts';

/** The five questions of every scale quiz: type, options and key, by position (1..5). */
const QUESTIONS_SQL = `
  (values
    (1, 'single_choice'::public.quiz_question_type,
        '[{"id":"a","text":"First"},{"id":"b","text":"Second"},{"id":"c","text":"Third"}]'::jsonb,
        '{"correct":"b"}'::jsonb),
    (2, 'multiple_choice', '[{"id":"a","text":"One"},{"id":"b","text":"Two"},{"id":"c","text":"Three"}]',
        '{"correct":["a","c"]}'),
    (3, 'true_false', '[]', '{"correct":true}'),
    (4, 'fill_blank', '[]', '{"accepted":["answer"],"caseSensitive":false}'),
    (5, 'matching',
        '[{"id":"l1","text":"Left one","side":"left"},{"id":"l2","text":"Left two","side":"left"},
          {"id":"r1","text":"Right one","side":"right"},{"id":"r2","text":"Right two","side":"right"}]',
        '{"pairs":{"l1":"r1","l2":"r2"}}')
  ) as qs(n, type, options, answer)`;

/** Whether course i's quiz and assignment are drafts (a quarter of them). */
const DRAFT_ITEM = (i: string) => `${i} % 4 = 0`;

export async function seedScaleAssessments(sql: Sql, shape: ScaleShape): Promise<void> {
  const courses = [shape.courses];
  await sql.query(
    `insert into public.quizzes (id, course_id, title, description, passing_score, time_limit_seconds, max_attempts,
                                 review_policy, is_required, status, position)
     select md5('scale-quiz-' || i)::uuid, c.id, 'Check your understanding', 'Five questions on the course.',
            60 + i % 3 * 10, case when i % 5 = 0 then 900 end, case when i % 2 = 0 then 3 end,
            (array['after_submit', 'after_pass', 'after_last_attempt', 'never'])[1 + i % 4]::public.quiz_review_policy,
            true, case when ${DRAFT_ITEM('i')} then 'draft' else 'published' end::public.lesson_status, 1
     from generate_series(1, $1::int) i
     join public.courses c on c.id = md5('scale-course-' || i)::uuid
     on conflict do nothing`,
    courses,
  );
  await sql.query(
    `insert into public.quiz_questions (id, quiz_id, course_id, type, prompt, options, points, explanation, position)
     select md5('scale-question-' || i || '-' || qs.n)::uuid, q.id, q.course_id, qs.type,
            'Question ' || qs.n || ' of course ' || i, qs.options, 1 + qs.n % 2, 'See lesson ' || qs.n || '.', qs.n
     from generate_series(1, $1::int) i
     join public.quizzes q on q.id = md5('scale-quiz-' || i)::uuid
     cross join ${QUESTIONS_SQL}
     on conflict do nothing`,
    courses,
  );
  await sql.query(
    `insert into public.quiz_answer_keys (question_id, course_id, answer)
     select qq.id, qq.course_id, qs.answer
     from generate_series(1, $1::int) i
     cross join ${QUESTIONS_SQL}
     join public.quiz_questions qq on qq.id = md5('scale-question-' || i || '-' || qs.n)::uuid
     on conflict do nothing`,
    courses,
  );
  await sql.query(
    `insert into public.question_bank (id, instructor_id, type, prompt, options, answer, tags)
     select md5('scale-bank-' || k || '-' || qs.n || '-' || b)::uuid, ins.id, qs.type,
            'Bank question ' || qs.n || '.' || b, qs.options, qs.answer, array['scale', 'set-' || b]
     from generate_series(1, $1::int) k
     join public.instructors ins on ins.id = md5('scale-instructor-' || k)::uuid
     cross join ${QUESTIONS_SQL}
     cross join generate_series(1, 2) b
     where qs.n + b <= 7
     on conflict do nothing`,
    [shape.instructors],
  );
  await sql.query(
    `insert into public.assignments (id, course_id, title, instructions, due_at, late_policy, late_penalty_percent,
                                     max_points, passing_points, rubric, is_required, status, position)
     select md5('scale-assignment-' || i)::uuid, c.id, 'Project', 'Build something with what you learned.',
            case when i % 3 = 0 then now() + make_interval(days => 7 + i % 30) end,
            (array['accept', 'penalty', 'reject'])[1 + i % 3]::public.assignment_late_policy, 10 * (i % 3), 100, 50,
            case when i % 2 = 0 then '[{"id":"content","criterion":"Content","points":60},
                                      {"id":"form","criterion":"Form","points":40}]'::jsonb
                 else '[]'::jsonb end,
            true, case when ${DRAFT_ITEM('i')} then 'draft' else 'published' end::public.lesson_status, 2
     from generate_series(1, $1::int) i
     join public.courses c on c.id = md5('scale-course-' || i)::uuid
     on conflict do nothing`,
    courses,
  );

  const plan = `plan as (${enrollmentPlan('$1', '$2', '$3')})`;
  const params = [shape.learners, shape.courses, MAX_COMPLETED];
  // Attempts: passed when (j + k) % 3 > 0 (all right), else one wrong question.
  await sql.query(
    `with ${plan}
     insert into public.quiz_attempts (id, quiz_id, course_id, user_id, attempt_number, question_ids, option_order,
                                       started_at, submitted_at, answers, results, score_points, max_points,
                                       score_percent, passed, status)
     select md5('scale-attempt-' || p.j || '-' || p.k)::uuid, q.id, e.course_id, e.user_id, 1,
            array(select md5('scale-question-' || p.ci || '-' || n)::uuid from generate_series(1, 5) n),
            '{}'::jsonb, e.enrolled_at + interval '1 day', e.enrolled_at + interval '1 day 10 minutes',
            '{}'::jsonb, '{}'::jsonb,
            case when (p.j + p.k) % 3 > 0 then 8 else 6 end, 8,
            case when (p.j + p.k) % 3 > 0 then 100 else 75 end,
            (p.j + p.k) % 3 > 0 or q.passing_score <= 75, 'submitted'
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     join public.quizzes q on q.id = md5('scale-quiz-' || p.ci)::uuid and q.status = 'published'
     where p.done >= 3
     on conflict do nothing`,
    params,
  );
  await sql.query(
    `with ${plan}
     insert into public.assignment_submissions (id, assignment_id, course_id, user_id, attempt_number, text_content,
                                                submitted_at, is_late, status, points, final_points, feedback,
                                                graded_by, graded_at)
     select md5('scale-submission-' || p.j || '-' || p.k)::uuid, a.id, e.course_id, e.user_id, 1,
            'My project for course ' || p.ci || '.', e.enrolled_at + interval '2 days', false,
            case when p.j % 2 = 0 then 'graded' else 'submitted' end::public.submission_status,
            case when p.j % 2 = 0 then 50 + (p.j + p.k) % 50 end,
            case when p.j % 2 = 0 then 50 + (p.j + p.k) % 50 end,
            case when p.j % 2 = 0 then 'Well done.' end,
            case when p.j % 2 = 0 then ins.user_id end,
            case when p.j % 2 = 0 then e.enrolled_at + interval '3 days' end
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     join public.assignments a on a.id = md5('scale-assignment-' || p.ci)::uuid and a.status = 'published'
     join public.courses c on c.id = e.course_id
     join public.instructors ins on ins.id = c.instructor_id
     where p.done >= 5
     on conflict do nothing`,
    params,
  );
  await sql.query(
    `with ${plan}
     insert into public.certificates (id, user_id, course_id, enrollment_id, code, code_sha256, learner_name,
                                      course_title, instructor_name, issued_at)
     select md5('scale-certificate-' || p.j || '-' || p.k)::uuid, e.user_id, e.course_id, e.id, k.code,
            sha256(convert_to(k.code, 'UTF8')),
            coalesce(nullif(btrim(pr.first_name || ' ' || pr.last_name), ''), 'Learner ' || p.j), c.title,
            ins.display_name, e.enrolled_at + make_interval(days => p.done + 1)
     from plan p
     join public.enrollments e on e.id = md5('scale-enrollment-' || p.j || '-' || p.k)::uuid
     join public.profiles pr on pr.id = e.user_id
     join public.courses c on c.id = e.course_id
     join public.instructors ins on ins.id = c.instructor_id
     cross join lateral (
       select upper(substr(h, 1, 4) || '-' || substr(h, 5, 4) || '-' || substr(h, 9, 4) || '-' ||
                    substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 4)) as code
       from (select md5('scale-certificate-code-' || p.j || '-' || p.k) as h) x
     ) k
     where p.done >= 8
     on conflict do nothing`,
    params,
  );
}
