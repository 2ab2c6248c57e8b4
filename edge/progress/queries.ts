import type { CoursePlayer, LessonContent, LessonType, PlayerLesson } from '../api-types.ts';
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
    `select s.id as section_id, s.title as section_title, s.position as section_position,
            l.id, l.title, l.content_type::text as type, l.position, l.duration_minutes, l.is_preview,
            coalesce(p.is_completed, false) as completed,
            private.lesson_is_open_to_me(l.id) as available,
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
  return { course, enrollment: toEnrollment(e), sections };
}

/** A lesson's content if the caller may read it; 'locked' when the row is visible but not the content. */
export async function lessonContent(
  sql: Sql,
  lessonId: string,
  userId: string | null,
): Promise<LessonContent | 'not-found' | 'locked'> {
  const [lesson] = await sql.query<{ id: string; course_id: string; title: string; type: LessonType }>(
    'select id, course_id, title, content_type::text as type from public.lessons where id = $1',
    [lessonId],
  );
  if (!lesson) return 'not-found';
  const [content] = await sql.query<{ text_content: string | null; content_url: { type: string; url: string }[] }>(
    'select text_content, content_url from public.lesson_contents where lesson_id = $1',
    [lessonId],
  );
  if (!content) return 'locked';
  let completed = false;
  if (userId) {
    const [p] = await sql.query<{ is_completed: boolean }>(
      'select is_completed from public.lesson_progress where lesson_id = $1 and user_id = $2',
      [lessonId, userId],
    );
    completed = Boolean(p?.is_completed);
  }
  return {
    id: lesson.id,
    courseId: lesson.course_id,
    title: lesson.title,
    type: lesson.type,
    textContent: content.text_content,
    contentUrl: Array.isArray(content.content_url) ? content.content_url : [],
    completed,
  };
}

export async function completeLesson(sql: Sql, lessonId: string) {
  const [row] = await sql.query<EnrollmentRow>(`select ${ENROLLMENT_COLUMNS} from public.complete_lesson($1) e`, [
    lessonId,
  ]);
  return toEnrollment(row!);
}
