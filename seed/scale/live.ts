/**
 * Scale live Q&A (migration 20261126000100), so supabase/tests/perf-guard.test.ts reads live_sessions,
 * session_questions, session_votes and session_bans at size: a live session per scale course, a
 * question from each of its first QUESTIONS_PER_SESSION learners (every 7th pending, every 10th
 * hidden), each learner's votes on the two questions asked before theirs, and one ban in every tenth
 * session.
 *
 * Deterministic and idempotent like the rest of the fixture (md5 ids, `on conflict do nothing`),
 * set-based, as the owner, after the enrollments. Written as recorded history: the broadcast and vote
 * count triggers are off for the step (no realtime messages), and vote_count is computed at the end.
 */
import type { Sql } from '../../edge/db/port.ts';
import type { ScaleShape } from './shape.ts';

export const QUESTIONS_PER_SESSION = 10;

const RANKED = `
  with ranked as (
    select e.course_id, e.user_id, row_number() over (partition by e.course_id order by e.user_id) as rn
    from public.enrollments e join public.courses c on c.id = e.course_id
    where c.slug like 'scale-course-%' and e.status <> 'cancelled'
  )`;

export async function seedScaleLiveQa(sql: Sql, _shape: ScaleShape): Promise<void> {
  await sql.query('alter table public.session_questions disable trigger session_questions_broadcast');
  await sql.query('alter table public.session_votes disable trigger session_votes_count');
  await sql.query(
    `insert into public.live_sessions (id, course_id, title, starts_at, duration_minutes, created_by)
     select md5('scale-live-session-' || c.id)::uuid, c.id, 'Office hours',
            now() + (abs(hashtext(c.id::text)) % 60 - 30) * interval '1 day', 60, null
     from public.courses c where c.slug like 'scale-course-%'
     on conflict do nothing`,
  );
  await sql.query(
    `${RANKED}
     insert into public.session_questions (id, session_id, author_id, body, status, created_at)
     select md5('scale-live-question-' || r.course_id || '-' || r.user_id)::uuid,
            md5('scale-live-session-' || r.course_id)::uuid, r.user_id, 'Question ' || r.rn,
            case when r.rn % 10 = 0 then 'hidden' when r.rn % 7 = 0 then 'pending' else 'visible' end,
            now() - r.rn * interval '1 minute'
     from ranked r where r.rn <= $1
     on conflict do nothing`,
    [QUESTIONS_PER_SESSION],
  );
  await sql.query(
    `${RANKED}
     insert into public.session_votes (question_id, user_id)
     select md5('scale-live-question-' || a.course_id || '-' || a.user_id)::uuid, r.user_id
     from ranked r join ranked a on a.course_id = r.course_id and a.rn in (r.rn - 1, r.rn - 2)
     where a.rn <= $1
     on conflict do nothing`,
    [QUESTIONS_PER_SESSION],
  );
  await sql.query(
    `update public.session_questions q set vote_count = v.n
     from (select question_id, count(*)::int as n from public.session_votes group by question_id) v
     where v.question_id = q.id and q.vote_count <> v.n`,
  );
  await sql.query(
    `${RANKED}
     insert into public.session_bans (session_id, user_id, reason)
     select md5('scale-live-session-' || r.course_id)::uuid, r.user_id, 'scale'
     from ranked r where r.rn = 3 and abs(hashtext(r.course_id::text)) % 10 = 0
     on conflict do nothing`,
  );
  await sql.query('alter table public.session_votes enable trigger session_votes_count');
  await sql.query('alter table public.session_questions enable trigger session_questions_broadcast');
}
