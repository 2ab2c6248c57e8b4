import type { CourseEditor, EditorCourse, EditorLesson, EditorSection } from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';

/** The wizard's read: the course, its curriculum with each lesson's content, the categories, and what review needs. */

interface CourseRow {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  outcomes: string[];
  prerequisites: string[];
  tags: string[];
  category_id: string | null;
  difficulty: EditorCourse['difficulty'];
  language: string;
  price_amount: number;
  price_currency: string;
  thumbnail_url: string | null;
  thumbnail_widths: number[] | null;
  status: EditorCourse['status'];
  published_at: Date | string | null;
  updated_at: Date | string;
  instructor_id: string;
  display_name: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** One course as the wizard edits it (the caller was checked to manage it). */
export async function editorCourse(sql: Sql, id: string): Promise<EditorCourse | null> {
  const [r] = await sql.query<CourseRow>(
    `select c.id, c.slug, c.title, c.subtitle, c.description, c.outcomes, c.prerequisites, c.tags, c.category_id,
            c.difficulty::text as difficulty, c.language, c.price_amount, c.price_currency::text as price_currency,
            c.thumbnail_url, c.thumbnail_widths, c.status::text as status, c.published_at, c.updated_at,
            c.instructor_id, i.display_name
       from public.courses c
       left join public.instructors i on i.id = c.instructor_id
      where c.id = $1`,
    [id],
  );
  if (!r) return null;
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    description: r.description,
    outcomes: r.outcomes,
    prerequisites: r.prerequisites,
    tags: r.tags,
    categoryId: r.category_id,
    difficulty: r.difficulty,
    language: r.language,
    priceAmount: r.price_amount,
    priceCurrency: r.price_currency,
    thumbnailUrl: r.thumbnail_url,
    thumbnailWidths: r.thumbnail_widths ?? [],
    status: r.status,
    publishedAt: iso(r.published_at),
    updatedAt: iso(r.updated_at)!,
    instructor: { id: r.instructor_id, displayName: r.display_name ?? '' },
  };
}

interface LessonRow {
  id: string;
  section_id: string;
  title: string;
  content_type: EditorLesson['type'];
  position: number;
  duration_minutes: number;
  is_preview: boolean;
  status: EditorLesson['status'];
  drip_days_after_enrollment: number | null;
  drip_available_at: Date | string | null;
  video_seconds: number | null;
  complete_at_share: string | number | null;
  text_content: string | null;
  content_url: EditorLesson['contentUrl'] | null;
}

/** The course's sections in order, each with its lessons in order. */
export async function editorSections(sql: Sql, courseId: string): Promise<EditorSection[]> {
  const sections = await sql.query<{ id: string; title: string; position: number }>(
    'select s.id, s.title, s.position from public.sections s where s.course_id = $1 order by s.position, s.created_at, s.id',
    [courseId],
  );
  const lessons = await sql.query<LessonRow>(
    `select l.id, l.section_id, l.title, l.content_type::text as content_type, l.position, l.duration_minutes,
            l.is_preview, l.status::text as status, l.drip_days_after_enrollment, l.drip_available_at,
            l.video_seconds, l.complete_at_share, lc.text_content, lc.content_url
       from public.lessons l
       left join public.lesson_contents lc on lc.lesson_id = l.id
      where l.course_id = $1
      order by l.position, l.created_at, l.id`,
    [courseId],
  );
  const bySection = new Map<string, EditorLesson[]>(sections.map((s) => [s.id, []]));
  for (const l of lessons) {
    bySection.get(l.section_id)?.push({
      id: l.id,
      sectionId: l.section_id,
      title: l.title,
      type: l.content_type,
      position: l.position,
      durationMinutes: l.duration_minutes,
      isPreview: l.is_preview,
      status: l.status,
      dripDays: l.drip_days_after_enrollment,
      dripDate: iso(l.drip_available_at),
      videoSeconds: l.video_seconds,
      completeAtShare: l.complete_at_share === null ? 0.9 : Number(l.complete_at_share),
      textContent: l.text_content,
      contentUrl: Array.isArray(l.content_url) ? l.content_url : [],
    });
  }
  return sections.map((s) => ({ id: s.id, title: s.title, position: s.position, lessons: bySection.get(s.id)! }));
}

/** What a course still needs before it may be submitted for review. */
export function missingForReview(
  course: Pick<EditorCourse, 'title' | 'description'>,
  sections: EditorSection[],
): CourseEditor['missing'] {
  const missing: CourseEditor['missing'] = [];
  if (!course.description.trim()) missing.push({ path: 'description', message: 'add a description of the course' });
  if (sections.length === 0) missing.push({ path: 'sections', message: 'add at least one section' });
  if (!sections.some((s) => s.lessons.some((l) => l.status === 'published'))) {
    missing.push({ path: 'lessons', message: 'publish at least one lesson in a section' });
  }
  return missing;
}

export async function categories(sql: Sql): Promise<CourseEditor['categories']> {
  return sql.query<{ id: string; slug: string; name: string }>(
    'select id, slug, name from public.categories where is_active order by position, name',
  );
}

/** Everything GET /api/teach/courses/:id/editor answers. */
export async function courseEditor(sql: Sql, courseId: string): Promise<CourseEditor | null> {
  const course = await editorCourse(sql, courseId);
  if (!course) return null;
  const sections = await editorSections(sql, courseId);
  return { course, sections, categories: await categories(sql), missing: missingForReview(course, sections) };
}
