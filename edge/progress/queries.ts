import type {
  ContentEntry,
  CoursePlayer,
  LessonContent,
  LessonType,
  LessonVideo,
  PlayerLesson,
  PlayerLiveSession,
  VideoProgress,
} from '../api-types.ts';
import { ENROLLMENT_COLUMNS, type EnrollmentRow, iso, toEnrollment } from '../catalog/rows.ts';
import type { Sql } from '../db/port.ts';

/** The player for the caller's enrollment in a course, or null if they are not enrolled. */
export async function coursePlayer(
  sql: Sql,
  slug: string,
  userId: string,
): Promise<CoursePlayer | 'no-course' | 'not-enrolled'> {
  const [course] = await sql.query<{ id: string; slug: string; title: string }>(
    'select id, slug, title from public.courses where slug = $1',
    [slug],
  );
  if (!course) return 'no-course';
  const [e] = await sql.query<EnrollmentRow>(
    `select ${ENROLLMENT_COLUMNS} from public.enrollments e
     where e.course_id = $1 and e.user_id = $2 and e.status <> 'cancelled'`,
    [course.id, userId],
  );
  if (!e) return 'not-enrolled';
  const rows = await sql.query<{
    section_id: string;
    section_title: string;
    section_position: number;
    id: string;
    title: string;
    type: LessonType;
    position: number;
    duration_minutes: number;
    is_preview: boolean;
    completed: boolean;
    available: boolean;
    available_at: unknown;
  }>(
    // `available`: among the caller's open lessons (userId is the caller), a set computed once
    // for the statement, the drip rules of private.lesson_is_open_to_me.
    `select s.id as section_id, s.title as section_title, s.position as section_position,
            l.id, l.title, l.content_type::text as type, l.position, l.duration_minutes, l.is_preview,
            coalesce(p.is_completed, false) as completed,
            l.id in (select private.my_open_lesson_ids()) as available,
            nullif(greatest(l.drip_available_at,
                            e.enrolled_at + make_interval(days => coalesce(l.drip_days_after_enrollment, 0))),
                   e.enrolled_at) as available_at
     from public.sections s
     join public.lessons l on l.section_id = s.id and l.status = 'published'
     join public.enrollments e on e.course_id = s.course_id and e.user_id = $2
     left join public.lesson_progress p on p.lesson_id = l.id and p.user_id = $2
     where s.course_id = $1
     order by s.position, s.id, l.position, l.id`,
    [course.id, userId],
  );
  const sections: CoursePlayer['sections'] = [];
  for (const r of rows) {
    let section = sections.at(-1);
    if (!section || section.id !== r.section_id) {
      section = { id: r.section_id, title: r.section_title, position: r.section_position, lessons: [] };
      sections.push(section);
    }
    const lesson: PlayerLesson = {
      id: r.id,
      title: r.title,
      type: r.type,
      position: r.position,
      durationMinutes: r.duration_minutes,
      isPreview: r.is_preview,
      completed: r.completed,
      available: r.available,
      availableAt: r.available ? null : iso(r.available_at),
    };
    section.lessons.push(lesson);
  }
  const live = await sql.query<{ id: string; title: string; starts_at: unknown; ends_at: unknown; status: string }>(
    `select id, title, starts_at, ends_at, status::text as status from public.live_sessions
     where course_id = $1
     order by status = 'ended', starts_at, id
     limit 50`,
    [course.id],
  );
  const liveSessions: PlayerLiveSession[] = live.map((s) => ({
    id: s.id,
    title: s.title,
    startsAt: iso(s.starts_at)!,
    endsAt: iso(s.ends_at),
    status: s.status as PlayerLiveSession['status'],
  }));
  return { course, enrollment: toEnrollment(e), sections, liveSessions };
}

/**
 * The lesson, its content and the caller's completion, in one statement: each table is still
 * read under its own policies (a left join to a row the caller may not see yields nulls), so
 * an invisible lesson is no row, invisible content is a null `readable`, and the progress row is
 * only ever the caller's. Anon has no grant on lesson_progress: their statement leaves it out.
 */
const LESSON_COLUMNS = `l.id, l.course_id, l.title, l.content_type::text as type,
  lc.lesson_id is not null as readable, lc.text_content, lc.content_url,
  l.video_seconds::float8 as video_seconds, l.complete_at_share::float8 as complete_at_share`;
const LESSON_AS_USER = `select ${LESSON_COLUMNS}, coalesce(p.is_completed, false) as completed,
  coalesce(p.position_seconds, 0)::float8 as position_seconds, coalesce(p.watched_seconds, 0)::float8 as watched_seconds
  from public.lessons l
  left join public.lesson_contents lc on lc.lesson_id = l.id
  left join public.lesson_progress p on p.lesson_id = l.id and p.user_id = $2
  where l.id = $1`;
const LESSON_AS_ANON = `select ${LESSON_COLUMNS}, false as completed,
  0::float8 as position_seconds, 0::float8 as watched_seconds
  from public.lessons l
  left join public.lesson_contents lc on lc.lesson_id = l.id
  where l.id = $1`;

/** A lesson's content if the caller may read it; 'locked' when the row is visible but not the content. */
export async function lessonContent(
  sql: Sql,
  lessonId: string,
  userId: string | null,
): Promise<LessonContent | 'not-found' | 'locked'> {
  const [lesson] = await sql.query<{
    id: string;
    course_id: string;
    title: string;
    type: LessonType;
    readable: boolean;
    text_content: string | null;
    content_url: unknown;
    completed: boolean;
    video_seconds: number | null;
    complete_at_share: number | null;
    position_seconds: number;
    watched_seconds: number;
  }>(userId ? LESSON_AS_USER : LESSON_AS_ANON, userId ? [lessonId, userId] : [lessonId]);
  if (!lesson) return 'not-found';
  if (!lesson.readable) return 'locked';
  return {
    id: lesson.id,
    courseId: lesson.course_id,
    title: lesson.title,
    type: lesson.type,
    textContent: lesson.text_content,
    contentUrl: contentEntries(lesson.content_url),
    completed: Boolean(lesson.completed),
    video: lesson.type === 'video' ? videoState(lesson) : null,
  };
}

/** The lesson's materials as the contract has them: entries with a string type and url, nothing else. */
export function contentEntries(raw: unknown): ContentEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: ContentEntry[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { type, url, name } = item as Record<string, unknown>;
    if (typeof type !== 'string' || typeof url !== 'string' || !url) continue;
    out.push(typeof name === 'string' && name ? { type, url, name } : { type, url });
  }
  return out;
}

function videoState(r: {
  video_seconds: number | null;
  complete_at_share: number | null;
  position_seconds: number;
  watched_seconds: number;
}): LessonVideo {
  return {
    positionSeconds: Number(r.position_seconds) || 0,
    watchedSeconds: Number(r.watched_seconds) || 0,
    durationSeconds: r.video_seconds && Number(r.video_seconds) > 0 ? Number(r.video_seconds) : null,
    completeAtShare: r.complete_at_share === null ? 0.9 : Number(r.complete_at_share),
  };
}

/** Records where the learner is in a video lesson (public.record_video_progress decides everything). */
export async function recordVideoProgress(
  sql: Sql,
  lessonId: string,
  positionSeconds: number,
  durationSeconds: number,
): Promise<VideoProgress> {
  const [p] = await sql.query<{
    is_completed: boolean;
    position_seconds: number;
    watched_seconds: number;
    video_seconds: number | null;
    complete_at_share: number | null;
    course_id: string;
  }>(
    `select p.is_completed, p.position_seconds::float8 as position_seconds, p.watched_seconds::float8 as watched_seconds,
            l.video_seconds::float8 as video_seconds, l.complete_at_share::float8 as complete_at_share, l.course_id
     from public.record_video_progress($1, $2, $3) p
     join public.lessons l on l.id = p.lesson_id`,
    [lessonId, positionSeconds, durationSeconds],
  );
  const [e] = await sql.query<EnrollmentRow>(
    `select ${ENROLLMENT_COLUMNS} from public.enrollments e
     where e.course_id = $1 and e.user_id = (select auth.uid()) and e.status <> 'cancelled'`,
    [p!.course_id],
  );
  const video = videoState(p!);
  // The player's own measure stands in until the instructor sets the video's length.
  if (video.durationSeconds === null) video.durationSeconds = durationSeconds;
  return { video, completed: Boolean(p!.is_completed), enrollment: toEnrollment(e!) };
}

export async function completeLesson(sql: Sql, lessonId: string) {
  const [row] = await sql.query<EnrollmentRow>(`select ${ENROLLMENT_COLUMNS} from public.complete_lesson($1) e`, [
    lessonId,
  ]);
  return toEnrollment(row!);
}
