import type { CategoryRef, CourseDetail, CourseList, SyllabusSection } from '../api-types.ts';
import type { Sql } from '../db/port.ts';
import { type CatalogQuery, orderBy, priceRange } from './filters.ts';
import {
  CARD_COLUMNS,
  CARD_JOINS,
  type CardRow,
  ENROLLMENT_COLUMNS,
  type EnrollmentRow,
  type InstructorRow,
  toCard,
  toEnrollment,
  toInstructor,
} from './rows.ts';

/** What the page's rows carry out of the sort: the card's course columns and every sort key. */
const PAGE_COLUMNS = `c.id, c.slug, c.title, c.subtitle, c.thumbnail_url, c.thumbnail_widths, c.difficulty, c.language, c.price_amount,
  c.price_currency, c.rating_average, c.rating_count, c.enrollment_count, c.published_at, c.category_id,
  c.instructor_id, c.lesson_count, c.duration_minutes, c.search_vector`;

/** Published courses matching the search: $1 q, $2 difficulty, $3 min price, $4 max price[, $5 categories]. */
function filters(withCategories: boolean): string {
  return `c.status = 'published'
  and ($1::text is null or c.search_vector @@ websearch_to_tsquery('english', $1))
  and ($2::text is null or c.difficulty::text = $2)
  and ($3::int is null or c.price_amount >= $3)
  and ($4::int is null or c.price_amount <= $4)
  ${withCategories ? 'and ($5::text[] is null or cat.slug = any($5::text[]))' : ''}`;
}

export async function listCourses(sql: Sql, query: CatalogQuery, now: Date): Promise<CourseList> {
  const q = query.q ? query.q : null;
  const [min, max] = priceRange(query.price);
  const base = [q, query.difficulty ?? null, min, max];
  const params = [...base, query.category ?? null];
  const offset = (query.page - 1) * query.pageSize;
  // The page is chosen from the courses alone (filter, sort, limit), and only its rows are
  // joined to their instructor and category: sorting 1,290 bare rows, not 1,290 joined ones,
  // halves the query at the scale fixture. Every published course's instructor card is
  // visible to every caller (its policy), so the join keeps the page whole. The total is counted
  // apart from the page, once (an InitPlan), not carried through a window aggregate.
  const order = orderBy(query.sort, q !== null);
  const rows = await sql.query<CardRow & { total: number }>(
    `select ${CARD_COLUMNS}, c.total
     from (
       select ${PAGE_COLUMNS},
              (select count(*) from public.courses c left join public.categories cat on cat.id = c.category_id
               where ${filters(true)})::int as total
       from public.courses c left join public.categories cat on cat.id = c.category_id
       where ${filters(true)}
       order by ${order}
       limit $6 offset $7
     ) c ${CARD_JOINS}
     order by ${order}`,
    [...params, query.pageSize, offset],
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const [count] = await sql.query<{ n: number }>(
      `select count(*)::int as n from public.courses c left join public.categories cat on cat.id = c.category_id where ${filters(true)}`,
      params,
    );
    total = count?.n ?? 0;
  }
  // Facets: how many results each category would have under the other filters.
  const facets = await sql.query<CategoryRef & { count: number }>(
    `select cat.slug, cat.name, count(c.id)::int as count
     from public.categories cat
     left join public.courses c on c.category_id = cat.id and ${filters(false)}
     group by cat.slug, cat.name, cat.position
     order by cat.position, cat.name`,
    base,
  );
  return {
    items: rows.map((r) => toCard(r, now)),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
    categories: facets.map((f) => ({ slug: f.slug, name: f.name, count: Number(f.count) })),
  };
}

export async function listCategories(sql: Sql) {
  return sql.query<CategoryRef & { count: number }>(
    `select cat.slug, cat.name, count(c.id)::int as count
     from public.categories cat
     left join public.courses c on c.category_id = cat.id and c.status = 'published'
     group by cat.slug, cat.name, cat.position
     order by cat.position, cat.name`,
  );
}

export async function courseBySlug(
  sql: Sql,
  slug: string,
  userId: string | null,
  now: Date,
): Promise<CourseDetail | null> {
  const [row] = await sql.query<
    CardRow & {
      description: string;
      outcomes: string[];
      prerequisites: string[];
      tags: string[];
      intro_video_url: string | null;
    }
  >(
    `select ${CARD_COLUMNS}, c.description, c.outcomes, c.prerequisites, c.tags, c.intro_video_url
     from public.courses c ${CARD_JOINS}
     where c.slug = $1`,
    [slug],
  );
  if (!row) return null;
  const [instructor] = await sql.query<InstructorRow>(
    'select id, display_name, headline, bio, expertise, avatar_url from public.instructors where id = $1',
    [row.instructor_id],
  );
  const sections = await syllabus(sql, row.id);
  let enrollment = null;
  if (userId) {
    const [e] = await sql.query<EnrollmentRow>(
      `select ${ENROLLMENT_COLUMNS} from public.enrollments e where e.course_id = $1 and e.user_id = $2`,
      [row.id, userId],
    );
    enrollment = e ? toEnrollment(e) : null;
  }
  const card = toCard(row, now);
  return {
    ...card,
    description: row.description,
    outcomes: row.outcomes,
    prerequisites: row.prerequisites,
    tags: row.tags,
    introVideoUrl: row.intro_video_url,
    instructor: instructor
      ? toInstructor(instructor)
      : { ...card.instructor, headline: '', bio: '', expertise: [], avatarUrl: null },
    sections,
    enrollment,
  };
}

export async function syllabus(sql: Sql, courseId: string): Promise<SyllabusSection[]> {
  const rows = await sql.query<{
    section_id: string;
    section_title: string;
    section_position: number;
    id: string | null;
    title: string | null;
    type: string | null;
    position: number | null;
    duration_minutes: number | null;
    is_preview: boolean | null;
  }>(
    `select s.id as section_id, s.title as section_title, s.position as section_position,
            l.id, l.title, l.content_type::text as type, l.position, l.duration_minutes, l.is_preview
     from public.sections s
     left join public.lessons l on l.section_id = s.id
     where s.course_id = $1
     order by s.position, s.id, l.position, l.id`,
    [courseId],
  );
  const sections = new Map<string, SyllabusSection>();
  for (const r of rows) {
    let section = sections.get(r.section_id);
    if (!section) {
      section = { id: r.section_id, title: r.section_title, position: r.section_position, lessons: [] };
      sections.set(r.section_id, section);
    }
    if (r.id) {
      section.lessons.push({
        id: r.id,
        title: r.title!,
        type: r.type as SyllabusSection['lessons'][number]['type'],
        position: r.position!,
        durationMinutes: r.duration_minutes ?? 0,
        isPreview: Boolean(r.is_preview),
      });
    }
  }
  return [...sections.values()];
}
