import { iso } from '../catalog/rows.ts';
import type {
  SessionBan,
  SessionDetail,
  SessionPatch,
  SessionQuestion,
  SessionQuestionQuery,
  SessionSummary,
} from '../contract/sessions.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';

/**
 * Live sessions' reads and the instructor's scheduling, as the caller: RLS on live_sessions lets
 * participants (enrolled learners, the instructor, admins) read a session and its course's
 * managers write it. Questions, votes and bans are written only by the definer functions of
 * docs/live-qa.md (routes.ts calls them); the checks here name the refusal first, so a stranger
 * gets the same 404 as for a session that does not exist.
 */

export const sessionNotFound = () => new AppError(404, 'session_not_found', 'session not found');
export const questionNotFound = () => new AppError(404, 'question_not_found', 'question not found');
export const courseNotFound = () => new AppError(404, 'course_not_found', 'course not found');
export const notModerator = () =>
  new AppError(403, 'not_moderator', "only the course's instructor and admins moderate its sessions");

/** One definer function's jsonb answer: `select public.<fn>($1, ...)`. */
export async function call<T>(sql: Sql, fn: string, args: unknown[]): Promise<T> {
  const params = args.map((_, i) => `$${i + 1}`).join(', ');
  const [row] = await sql.query<{ r: T }>(`select public.${fn}(${params}) as r`, args);
  return row!.r;
}

interface SessionRow {
  id: string;
  title: string;
  starts_at: Date | string;
  duration_minutes: number;
  status: SessionSummary['status'];
  course_id: string;
  course_slug: string;
  course_title: string;
  description: string;
  meeting_url: string;
  slow_mode_seconds: number;
  pre_moderation: boolean;
  moderator: boolean;
  banned: boolean;
}

const SESSION_COLUMNS = `s.id, s.title, s.starts_at, s.duration_minutes, s.status::text as status,
  c.id as course_id, c.slug as course_slug, c.title as course_title, s.description, s.meeting_url,
  s.slow_mode_seconds, s.pre_moderation`;
const DETAIL_COLUMNS = `${SESSION_COLUMNS},
  s.id in (select private.my_moderated_session_ids()) as moderator,
  exists (select 1 from public.session_bans b where b.session_id = s.id and b.user_id = (select auth.uid())) as banned`;
/** The end of a session: its start plus its duration. */
const ENDS_AT = 's.starts_at + make_interval(mins => s.duration_minutes)';

function summary(r: SessionRow, now: Date): SessionSummary {
  const startsAt = new Date(r.starts_at);
  const endsAt = new Date(startsAt.getTime() + Number(r.duration_minutes) * 60_000);
  return {
    id: r.id,
    course: { id: r.course_id, slug: r.course_slug, title: r.course_title },
    title: r.title,
    startsAt: iso(startsAt)!,
    endsAt: iso(endsAt)!,
    durationMinutes: Number(r.duration_minutes),
    status: r.status,
    live: r.status !== 'ended' && startsAt <= now && now < endsAt,
  };
}

function detail(r: SessionRow, now: Date): SessionDetail {
  return {
    ...summary(r, now),
    description: r.description,
    meetingUrl: r.meeting_url,
    slowModeSeconds: Number(r.slow_mode_seconds),
    preModeration: r.pre_moderation,
    role: r.moderator ? 'moderator' : 'participant',
    banned: r.banned,
  };
}

/**
 * A course's sessions for its participants (null for anyone else, or no such course): upcoming
 * ones first (soonest first), then past ones (latest first), at most `limit`.
 */
export async function courseSessions(
  sql: Sql,
  courseSlug: string,
  now: Date,
  limit: number,
): Promise<SessionSummary[] | null> {
  const [course] = await sql.query<{ id: string; participant: boolean }>(
    `select c.id, (select private.is_admin()) or c.id in (select private.my_participant_course_ids()) as participant
     from public.courses c where c.slug = $1`,
    [courseSlug],
  );
  if (!course?.participant) return null;
  const rows = await sql.query<SessionRow>(
    `select ${SESSION_COLUMNS}
     from public.live_sessions s join public.courses c on c.id = s.course_id
     where s.course_id = $1
     order by (s.status <> 'ended' and ${ENDS_AT} > $2) desc,
              case when s.status <> 'ended' and ${ENDS_AT} > $2 then s.starts_at end asc,
              s.starts_at desc, s.id
     limit $3`,
    [course.id, now.toISOString(), limit],
  );
  return rows.map((r) => summary(r, now));
}

/** The caller's upcoming sessions (not ended, ending after now) across the courses they take part in. */
export async function mySessions(sql: Sql, now: Date, limit: number): Promise<SessionSummary[]> {
  const rows = await sql.query<SessionRow>(
    `select ${SESSION_COLUMNS}
     from public.live_sessions s join public.courses c on c.id = s.course_id
     where s.course_id in (select private.my_participant_course_ids())
       and s.status <> 'ended' and ${ENDS_AT} > $1
     order by s.starts_at, s.id
     limit $2`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => summary(r, now));
}

/** The session as the caller sees it, with their role and ban; 404 session_not_found for strangers. */
export async function sessionDetail(sql: Sql, id: string, now: Date): Promise<SessionDetail> {
  const [row] = await sql.query<SessionRow>(
    `select ${DETAIL_COLUMNS}
     from public.live_sessions s join public.courses c on c.id = s.course_id
     where s.id = $1`,
    [id],
  );
  if (!row) throw sessionNotFound();
  return detail(row, now);
}

/** The caller moderates the session: 404 to strangers, 403 not_moderator to its other participants. */
export async function requireModerator(sql: Sql, sessionId: string): Promise<{ courseSlug: string }> {
  const [row] = await sql.query<{ moderator: boolean; slug: string }>(
    `select s.id in (select private.my_moderated_session_ids()) as moderator, c.slug
     from public.live_sessions s join public.courses c on c.id = s.course_id where s.id = $1`,
    [sessionId],
  );
  if (!row) throw sessionNotFound();
  if (!row.moderator) throw notModerator();
  return { courseSlug: row.slug };
}

/** A course the caller may schedule sessions for; 404 course_not_found to strangers, 403 to learners. */
export async function managedCourse(sql: Sql, courseId: string): Promise<{ slug: string }> {
  const [row] = await sql.query<{ slug: string; manages: boolean; participant: boolean }>(
    `select c.slug,
            (select private.is_admin()) or c.id in (select private.my_managed_course_ids()) as manages,
            c.id in (select private.my_participant_course_ids()) as participant
     from public.courses c where c.id = $1`,
    [courseId],
  );
  if (!row || !(row.manages || row.participant)) throw courseNotFound();
  if (!row.manages) throw notModerator();
  return { slug: row.slug };
}

export interface NewSession {
  title: string;
  description: string;
  startsAt: string;
  durationMinutes: number;
  meetingUrl: string;
}

/** Schedules a session (RLS: the course's managers, as themselves); answers its id. */
export async function createSession(sql: Sql, courseId: string, s: NewSession): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.live_sessions (course_id, title, description, starts_at, ends_at, duration_minutes, meeting_url)
     values ($1, $2, $3, $4::timestamptz, $4::timestamptz + make_interval(mins => $5::int), $5::int, $6)
     returning id`,
    [courseId, s.title, s.description, s.startsAt, s.durationMinutes, s.meetingUrl],
  );
  return row!.id;
}

/** Patch fields and their columns (and casts). */
const PATCH_COLUMNS: Record<keyof SessionPatch, string> = {
  title: 'title',
  description: 'description',
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  meetingUrl: 'meeting_url',
  slowModeSeconds: 'slow_mode_seconds',
  preModeration: 'pre_moderation',
  status: 'status',
};
const PATCH_CASTS: Partial<Record<keyof SessionPatch, string>> = {
  startsAt: '::timestamptz',
  durationMinutes: '::int',
  slowModeSeconds: '::int',
  preModeration: '::boolean',
  status: '::public.live_session_status',
};

/** Changes a session the caller moderates (requireModerator first); ends_at follows start and duration. */
export async function patchSession(sql: Sql, id: string, patch: SessionPatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const placeholder: Partial<Record<keyof SessionPatch, string>> = {};
  for (const key of Object.keys(PATCH_COLUMNS) as (keyof SessionPatch)[]) {
    if (patch[key] === undefined) continue;
    params.push(patch[key]);
    placeholder[key] = `$${params.length}${PATCH_CASTS[key] ?? ''}`;
    sets.push(`${PATCH_COLUMNS[key]} = ${placeholder[key]}`);
  }
  if (placeholder.startsAt || placeholder.durationMinutes) {
    const start = placeholder.startsAt ?? 'starts_at';
    const minutes = placeholder.durationMinutes ?? 'duration_minutes';
    sets.push(`ends_at = ${start} + make_interval(mins => ${minutes})`);
  }
  await sql.query(`update public.live_sessions set ${sets.join(', ')} where id = $1`, params);
}

export async function deleteSession(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from public.live_sessions where id = $1', [id]);
}

/** The most questions one list answers. */
export const QUESTION_LIST_MAX = 500;

const VIEW_FILTER: Record<SessionQuestionQuery['view'], string> = {
  live: "(j ->> 'status' = 'visible' or (j ->> 'status' = 'pending' and (j ->> 'mine')::boolean))",
  queue: "j ->> 'status' = 'pending'",
  hidden: "j ->> 'status' = 'hidden'",
};
const SORT_ORDER: Record<SessionQuestionQuery['sort'], string> = {
  votes: "(j ->> 'pinned')::boolean desc, (j ->> 'votes')::int desc, j ->> 'createdAt' desc, j ->> 'id'",
  newest: "j ->> 'createdAt' desc, j ->> 'id'",
};

/**
 * A session's questions as the caller may read them (private.my_session_questions applies the
 * select policy's rules and adds the authors' names), and which of them the caller voted for.
 * Moderator-only views are checked by the route.
 */
export async function sessionQuestions(
  sql: Sql,
  sessionId: string,
  query: SessionQuestionQuery,
): Promise<{ items: SessionQuestion[]; myVotes: string[] }> {
  const rows = await sql.query<{ j: SessionQuestion }>(
    `select j from private.my_session_questions($1) j
     where ${VIEW_FILTER[query.view]}
     order by ${SORT_ORDER[query.sort]}
     limit ${QUESTION_LIST_MAX}`,
    [sessionId],
  );
  const items = rows.map((r) => r.j);
  const votes = await sql.query<{ question_id: string }>(
    `select v.question_id from public.session_votes v
     join public.session_questions q on q.id = v.question_id
     where v.user_id = (select auth.uid()) and q.session_id = $1`,
    [sessionId],
  );
  const listed = new Set(items.map((q) => q.id));
  return { items, myVotes: votes.map((v) => v.question_id).filter((id) => listed.has(id)) };
}

/** The question's session, when the caller may read the question; else null. */
export async function questionSession(sql: Sql, questionId: string): Promise<string | null> {
  const [row] = await sql.query<{ session_id: string }>(
    'select session_id from public.session_questions where id = $1',
    [questionId],
  );
  return row?.session_id ?? null;
}

/** A session's bans, newest first, with the banned users' display names (moderators; requireModerator first). */
export async function sessionBans(sql: Sql, sessionId: string): Promise<SessionBan[]> {
  const rows = await sql.query<{ user_id: string; name: string | null; reason: string; created_at: Date | string }>(
    `with bans as (
       select b.user_id, b.reason, b.created_at from public.session_bans b
       where b.session_id = $1 order by b.created_at desc, b.user_id limit 500
     )
     select bans.user_id, n.name, bans.reason, bans.created_at
     from bans left join public.learner_names(array(select user_id from bans)) n on n.user_id = bans.user_id
     order by bans.created_at desc, bans.user_id`,
    [sessionId],
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name ?? '', reason: r.reason, createdAt: iso(r.created_at)! }));
}
