import { CATEGORIES, COURSES } from '../data/index.ts';
import { ids } from '../ids.ts';
import type { SeedStep } from './context.ts';
import { daysBefore } from './dates.ts';
import { ownedCourseIds } from './owned-courses.ts';

/** The demo courses; records those it could not write (their slug is a user's) as skipped. */
export const seedCourses: SeedStep = async (sql, ctx) => {
  const cats = await sql.query<{ slug: string; id: string }>(
    'select slug, id from public.categories where slug = any($1::text[])',
    [CATEGORIES.map((c) => c.slug)],
  );
  const catId = new Map(cats.map((c) => [c.slug, c.id]));
  const rows = COURSES.map((c) => ({
    id: ids.course(c.slug),
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    description: c.description,
    outcomes: c.outcomes,
    prerequisites: c.prerequisites,
    tags: c.tags,
    instructor_id: ctx.instructorIds.get(c.instructor)!,
    category_id: catId.get(c.category) ?? null,
    difficulty: c.difficulty,
    status: c.status,
    published_at: c.status === 'published' ? daysBefore(ctx.now, c.publishedDaysAgo ?? 0) : null,
    price_amount: c.price,
    rating_average: c.rating.average,
    rating_count: c.rating.count,
    enrollment_count: c.enrollmentCount,
  }));
  // Conflicts on the slug update only our own rows (same id): a user's course under a
  // demo slug is never overwritten. published_at is kept once set, so "New" badges age
  // from the first seed. enrollment_count and the ratings are set once, on insert; enrollments and
  // reviews then add to them.
  await sql.query(
    `insert into public.courses (id, slug, title, subtitle, description, outcomes, prerequisites, tags,
                                 instructor_id, category_id, difficulty, language, status, published_at,
                                 price_amount, price_currency, rating_average, rating_count, enrollment_count)
     select id, slug, title, subtitle, description, outcomes, prerequisites, tags,
            instructor_id, category_id, difficulty::public.course_difficulty, 'en', status::public.course_status,
            published_at, price_amount, 'USD', rating_average, rating_count, enrollment_count
     from jsonb_to_recordset($1::jsonb) as x(
       id uuid, slug text, title text, subtitle text, description text, outcomes text[], prerequisites text[],
       tags text[], instructor_id uuid, category_id uuid, difficulty text, status text, published_at timestamptz,
       price_amount int, rating_average numeric, rating_count int, enrollment_count int)
     on conflict (slug) do update set
       title = excluded.title, subtitle = excluded.subtitle, description = excluded.description,
       outcomes = excluded.outcomes, prerequisites = excluded.prerequisites, tags = excluded.tags,
       instructor_id = excluded.instructor_id, category_id = excluded.category_id,
       difficulty = excluded.difficulty, language = excluded.language, status = excluded.status,
       published_at = coalesce(courses.published_at, excluded.published_at),
       price_amount = excluded.price_amount, price_currency = excluded.price_currency
     where courses.id = excluded.id and (
       (courses.title, courses.subtitle, courses.description, courses.outcomes, courses.prerequisites,
        courses.tags, courses.instructor_id, courses.category_id, courses.difficulty, courses.language,
        courses.status, courses.price_amount, courses.price_currency)
       is distinct from
       (excluded.title, excluded.subtitle, excluded.description, excluded.outcomes, excluded.prerequisites,
        excluded.tags, excluded.instructor_id, excluded.category_id, excluded.difficulty, excluded.language,
        excluded.status, excluded.price_amount, excluded.price_currency)
       or (courses.published_at is null and excluded.published_at is not null))`,
    [JSON.stringify(rows)],
  );
  const owned = await ownedCourseIds(sql);
  ctx.skippedCourses = COURSES.filter((c) => !owned.has(c.slug)).map((c) => c.slug);
};
