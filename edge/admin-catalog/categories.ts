import type { CourseCategory, CourseCategoryPatch, TagList, TagRenameResult } from '../contract/admin-catalog.ts';
import type { Sql } from '../db/port.ts';
import { AppError, notFound } from '../http/errors.ts';
import { likePattern } from './courses.ts';

/**
 * Categories and tags for admins, as the caller: categories are written under RLS (admins only)
 * and audited by a trigger; a category in use is refused (409 category_in_use) unless its courses
 * move (public.admin_delete_category); tags are renamed and merged by public.admin_rename_tag.
 * Course and category changes bump the catalog version, so the catalog's cache never serves the
 * old names (edge/catalog/cache.ts).
 */

interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
  is_active: boolean;
  course_count: number;
}

const SELECT = `select k.id, k.slug, k.name, k.description, k.position, k.is_active,
    (select count(*)::int from public.courses c where c.category_id = k.id) as course_count
  from public.categories k`;

const toCategory = (r: CategoryRow): CourseCategory => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  position: r.position,
  active: r.is_active,
  courseCount: r.course_count,
});

export async function listCategories(sql: Sql): Promise<CourseCategory[]> {
  const rows = await sql.query<CategoryRow>(`${SELECT} order by k.position, lower(k.name), k.id`);
  return rows.map(toCategory);
}

async function one(sql: Sql, id: string): Promise<CourseCategory> {
  const [row] = await sql.query<CategoryRow>(`${SELECT} where k.id = $1`, [id]);
  if (!row) throw notFound('category');
  return toCategory(row);
}

const slugTaken = (err: unknown) =>
  (err as { code?: string }).code === '23505'
    ? new AppError(409, 'category_slug_taken', 'another category has this slug', { path: 'slug' })
    : err;

export async function createCategory(
  sql: Sql,
  input: { name: string; slug: string; description: string; position: number; active: boolean },
): Promise<CourseCategory> {
  try {
    const [row] = await sql.query<{ id: string }>(
      `insert into public.categories (name, slug, description, position, is_active)
       values ($1, $2, $3, $4, $5) returning id`,
      [input.name, input.slug, input.description, input.position, input.active],
    );
    return one(sql, row!.id);
  } catch (err) {
    throw slugTaken(err);
  }
}

export async function updateCategory(sql: Sql, id: string, patch: CourseCategoryPatch): Promise<CourseCategory> {
  const columns: [string, unknown][] = [];
  if (patch.name !== undefined) columns.push(['name', patch.name]);
  if (patch.slug !== undefined) columns.push(['slug', patch.slug]);
  if (patch.description !== undefined) columns.push(['description', patch.description]);
  if (patch.position !== undefined) columns.push(['position', patch.position]);
  if (patch.active !== undefined) columns.push(['is_active', patch.active]);
  const set = columns.map(([c], i) => `${c} = $${i + 2}`).join(', ');
  let rows: unknown[];
  try {
    rows = await sql.query(`update public.categories set ${set} where id = $1 returning id`, [
      id,
      ...columns.map(([, v]) => v),
    ]);
  } catch (err) {
    throw slugTaken(err);
  }
  if (rows.length === 0) throw notFound('category');
  return one(sql, id);
}

/** Deletes a category (409 category_in_use while courses use it), or moves its courses first. */
export async function deleteCategory(sql: Sql, id: string, moveTo: string | undefined): Promise<void> {
  if (moveTo) {
    await sql.query('select public.admin_delete_category($1, $2)', [id, moveTo]);
    return;
  }
  const rows = await sql.query('delete from public.categories where id = $1 returning id', [id]);
  if (rows.length === 0) throw notFound('category');
}

export async function listTags(sql: Sql, q: string | undefined): Promise<TagList> {
  const rows = await sql.query<{ tag: string; courses: number }>(
    `select t.tag, count(*)::int as courses
       from public.courses c cross join lateral unnest(c.tags) as t(tag)
      where ($1::text is null or t.tag ilike $1)
      group by t.tag
      order by count(*) desc, t.tag
      limit 500`,
    [q ? likePattern(q) : null],
  );
  return { items: rows };
}

export async function renameTag(sql: Sql, from: string, to: string): Promise<TagRenameResult> {
  const [before] = await sql.query<{ merged: boolean }>(
    'select exists (select 1 from public.courses c where $1 = any(c.tags)) as merged',
    [to],
  );
  const [row] = await sql.query<{ n: number }>('select public.admin_rename_tag($1, $2) as n', [from, to]);
  return { from, to, courses: row!.n, merged: before!.merged };
}
