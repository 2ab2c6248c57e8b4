import { COURSES } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { ownedCourseIds } from './owned-courses.ts';

/** Sections, lessons and lesson contents of the demo courses this seed owns. */
export const seedCurriculum: SeedStep = async (sql) => {
  const owned = await ownedCourseIds(sql);
  const sections: Record<string, unknown>[] = [];
  const lessons: Record<string, unknown>[] = [];
  const contents: Record<string, unknown>[] = [];
  for (const c of COURSES) {
    const courseId = owned.get(c.slug);
    if (!courseId) continue;
    let position = 0;
    c.sections.forEach((s, si) => {
      const sectionId = ids.section(c.slug, si);
      sections.push({ id: sectionId, course_id: courseId, title: s.title, position: si + 1 });
      s.lessons.forEach((l, li) => {
        const lessonId = ids.lesson(c.slug, si, li);
        position += 1;
        lessons.push({
          id: lessonId,
          course_id: courseId,
          section_id: sectionId,
          title: l.title,
          position, // course-wide order, so it sorts right within a section and across the course
          duration_minutes: l.minutes,
          is_preview: si === 0 && li === 0,
          drip_days: l.dripDays ?? null,
        });
        contents.push({ lesson_id: lessonId, text_content: l.text });
      });
    });
  }
  await sql.query(
    `insert into public.sections (id, course_id, title, position)
     select id, course_id, title, position
     from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, title text, position int)
     on conflict (id) do update set title = excluded.title, position = excluded.position
       where (sections.title, sections.position) is distinct from (excluded.title, excluded.position)`,
    [JSON.stringify(sections)],
  );
  await sql.query(
    `insert into public.lessons (id, course_id, section_id, title, content_type, position, duration_minutes,
                                 is_preview, status, drip_days_after_enrollment)
     select id, course_id, section_id, title, 'text', position, duration_minutes, is_preview, 'published', drip_days
     from jsonb_to_recordset($1::jsonb) as x(id uuid, course_id uuid, section_id uuid, title text, position int,
                                             duration_minutes int, is_preview boolean, drip_days int)
     on conflict (id) do update set
       section_id = excluded.section_id, title = excluded.title, content_type = excluded.content_type,
       position = excluded.position, duration_minutes = excluded.duration_minutes,
       is_preview = excluded.is_preview, status = excluded.status,
       drip_days_after_enrollment = excluded.drip_days_after_enrollment
     where (lessons.section_id, lessons.title, lessons.content_type, lessons.position, lessons.duration_minutes,
            lessons.is_preview, lessons.status, lessons.drip_days_after_enrollment)
           is distinct from
           (excluded.section_id, excluded.title, excluded.content_type, excluded.position,
            excluded.duration_minutes, excluded.is_preview, excluded.status, excluded.drip_days_after_enrollment)`,
    [JSON.stringify(lessons)],
  );
  await sql.query(
    `insert into public.lesson_contents (lesson_id, text_content, content_url)
     select lesson_id, text_content, '[]'::jsonb
     from jsonb_to_recordset($1::jsonb) as x(lesson_id uuid, text_content text)
     on conflict (lesson_id) do update set text_content = excluded.text_content, content_url = excluded.content_url
       where (lesson_contents.text_content, lesson_contents.content_url)
             is distinct from (excluded.text_content, excluded.content_url)`,
    [JSON.stringify(contents)],
  );
};
