import type { LessonInput, LessonPatch, ReorderInput } from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';

/** Sections and lessons of a course the caller manages (checked before these run), written as the caller. */

export async function createSection(sql: Sql, courseId: string, title: string): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `insert into public.sections (course_id, title, position)
     select $1, $2, coalesce(max(s.position), 0) + 1 from public.sections s where s.course_id = $1
     returning id`,
    [courseId, title],
  );
  return row!.id;
}

export async function renameSection(sql: Sql, id: string, title: string): Promise<void> {
  await sql.query('update public.sections set title = $2 where id = $1', [id, title]);
}

export async function deleteSection(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from public.sections where id = $1', [id]);
}

/** Media library entries must be files of this course (`course-media:<courseId>/...`). */
function checkContent(courseId: string, input: LessonPatch) {
  const bad = (input.contentUrl ?? []).findIndex(
    (e) => e.url.startsWith('course-media:') && !e.url.startsWith(`course-media:${courseId}/`),
  );
  if (bad >= 0) {
    throw new AppError(422, 'invalid_content', "a lesson's media must come from its own course's library", [
      { path: `contentUrl.${bad}.url`, message: "not in this course's media library" },
    ]);
  }
}

const LESSON_COLUMNS: Partial<Record<keyof LessonPatch, [column: string, cast: string]>> = {
  title: ['title', 'text'],
  type: ['content_type', 'public.lesson_type'],
  durationMinutes: ['duration_minutes', 'integer'],
  isPreview: ['is_preview', 'boolean'],
  status: ['status', 'public.lesson_status'],
  dripDays: ['drip_days_after_enrollment', 'integer'],
  dripDate: ['drip_available_at', 'timestamptz'],
  videoSeconds: ['video_seconds', 'integer'],
  completeAtShare: ['complete_at_share', 'numeric'],
};

/**
 * A lesson at the end of its section. Unless told otherwise it is published while the course is
 * not (nobody sees it before review) and a draft in a live course (learners would see it at once).
 */
export async function createLesson(sql: Sql, courseId: string, sectionId: string, input: LessonInput): Promise<string> {
  checkContent(courseId, input);
  const [row] = await sql.query<{ id: string }>(
    `insert into public.lessons (course_id, section_id, title, status, position)
     select $1, $2, $3,
            coalesce($4::public.lesson_status,
                     case when c.status in ('published', 'archived') then 'draft' else 'published' end::public.lesson_status),
            (select coalesce(max(l.position), 0) + 1 from public.lessons l where l.section_id = $2)
       from public.courses c where c.id = $1
     returning id`,
    [courseId, sectionId, input.title, input.status ?? null],
  );
  const { title: _t, status: _s, ...rest } = input;
  await updateLesson(sql, courseId, row!.id, rest, true);
  return row!.id;
}

/** Applies a checked PATCH body to the lesson and its content row. */
export async function updateLesson(
  sql: Sql,
  courseId: string,
  id: string,
  patch: LessonPatch,
  created = false,
): Promise<void> {
  checkContent(courseId, patch);
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch) as [keyof LessonPatch, unknown][]) {
    const target = LESSON_COLUMNS[key];
    if (!target) continue;
    params.push(value);
    sets.push(`${target[0]} = $${params.length}::${target[1]}`);
  }
  if (sets.length) await sql.query(`update public.lessons set ${sets.join(', ')} where id = $1`, params);
  const hasText = patch.textContent !== undefined;
  const hasUrls = patch.contentUrl !== undefined;
  if (hasText || hasUrls || created) {
    await sql.query(
      `insert into public.lesson_contents (lesson_id, text_content, content_url)
       values ($1, $2, coalesce($3::jsonb, '[]'::jsonb))
       on conflict (lesson_id) do update set
         text_content = case when $4::boolean then excluded.text_content else lesson_contents.text_content end,
         content_url = case when $5::boolean then excluded.content_url else lesson_contents.content_url end`,
      [id, patch.textContent ?? null, hasUrls ? JSON.stringify(patch.contentUrl) : null, hasText, hasUrls],
    );
  }
}

export async function deleteLesson(sql: Sql, id: string): Promise<void> {
  await sql.query('delete from public.lessons where id = $1', [id]);
}

/**
 * New positions for every section and lesson of the course, in this transaction. The body must
 * name exactly the course's sections and lessons, each once (a lesson may change section).
 */
export async function reorder(sql: Sql, courseId: string, input: ReorderInput): Promise<void> {
  const sections = await sql.query<{ id: string }>('select id from public.sections where course_id = $1', [courseId]);
  const lessons = await sql.query<{ id: string }>('select id from public.lessons where course_id = $1', [courseId]);
  const sentSections = input.sections.map((s) => s.id);
  const sentLessons = input.sections.flatMap((s) => s.lessonIds);
  if (
    !sameSet(
      sentSections,
      sections.map((s) => s.id),
    ) ||
    !sameSet(
      sentLessons,
      lessons.map((l) => l.id),
    )
  ) {
    throw new AppError(
      422,
      'reorder_mismatch',
      'send every section and lesson of the course once: the curriculum changed, reload it',
    );
  }
  await sql.query(
    `update public.sections s set position = x.pos
       from unnest($1::uuid[]) with ordinality as x(id, pos)
      where s.id = x.id and s.position is distinct from x.pos::int`,
    [sentSections],
  );
  const sectionOf: string[] = [];
  const positions: number[] = [];
  for (const s of input.sections) {
    s.lessonIds.forEach((_, i) => {
      sectionOf.push(s.id);
      positions.push(i + 1);
    });
  }
  await sql.query(
    `update public.lessons l set section_id = x.section_id, position = x.pos
       from unnest($1::uuid[], $2::uuid[], $3::int[]) as x(id, section_id, pos)
      where l.id = x.id and (l.section_id, l.position) is distinct from (x.section_id, x.pos)`,
    [sentLessons, sectionOf, positions],
  );
}

function sameSet(sent: string[], stored: string[]): boolean {
  const lower = sent.map((s) => s.toLowerCase());
  const unique = new Set(lower);
  return unique.size === lower.length && unique.size === stored.length && stored.every((id) => unique.has(id));
}
