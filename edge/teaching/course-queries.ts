import type { CoursePatch, EditorCourse } from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden } from '../http/errors.ts';
import { editorCourse } from './editor-queries.ts';
import { randomSuffix, slugCandidate, slugify } from './slug.ts';

/** The wizard's writes on public.courses, as the caller (RLS and private.guard_course_columns decide). */

const SLUG_ATTEMPTS = 6;

/** A new draft owned by the caller's instructor card; the slug is the title's, suffixed while taken. */
export async function createCourse(sql: Sql, title: string, categoryId: string | null): Promise<EditorCourse> {
  const [me] = await sql.query<{ id: string | null }>('select private.my_instructor_id() as id');
  if (!me?.id) throw forbidden('create your instructor profile first: only instructors own courses');
  if (categoryId) await requireCategory(sql, categoryId);
  const base = slugify(title);
  for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
    // Another instructor's draft is invisible here, so a taken slug shows only as a conflict:
    // `on conflict do nothing` skips it without aborting the transaction.
    const [row] = await sql.query<{ id: string }>(
      `insert into public.courses (slug, title, instructor_id, category_id, status)
       values ($1, $2, $3, $4, 'draft')
       on conflict (slug) do nothing
       returning id`,
      [slugCandidate(base, attempt, randomSuffix), title, me.id, categoryId],
    );
    if (row) return (await editorCourse(sql, row.id))!;
  }
  throw new AppError(409, 'slug_taken', 'could not find a free address for this title: change it a little');
}

async function requireCategory(sql: Sql, id: string) {
  const [row] = await sql.query('select 1 from public.categories where id = $1 and is_active', [id]);
  if (!row)
    throw new AppError(422, 'unknown_category', 'no such category', [{ path: 'categoryId', message: 'unknown' }]);
}

/** The course's columns per PATCH field, with the cast its parameter needs. */
const COLUMNS: Record<keyof CoursePatch, [column: string, cast: string]> = {
  title: ['title', 'text'],
  subtitle: ['subtitle', 'text'],
  description: ['description', 'text'],
  outcomes: ['outcomes', 'text[]'],
  prerequisites: ['prerequisites', 'text[]'],
  tags: ['tags', 'text[]'],
  categoryId: ['category_id', 'uuid'],
  difficulty: ['difficulty', 'public.course_difficulty'],
  language: ['language', 'text'],
  priceAmount: ['price_amount', 'integer'],
  priceCurrency: ['price_currency', 'text'],
  thumbnailUrl: ['thumbnail_url', 'text'],
  thumbnailWidths: ['thumbnail_widths', 'integer[]'],
};

/** Applies a checked PATCH body; the result must keep `{w}` in the thumbnail URL while widths exist. */
export async function patchCourse(sql: Sql, id: string, patch: CoursePatch): Promise<EditorCourse> {
  if (patch.categoryId) await requireCategory(sql, patch.categoryId);
  if (patch.thumbnailUrl !== undefined || patch.thumbnailWidths !== undefined) {
    const [now] = await sql.query<{ thumbnail_url: string | null; thumbnail_widths: number[] | null }>(
      'select thumbnail_url, thumbnail_widths from public.courses where id = $1',
      [id],
    );
    const url = patch.thumbnailUrl !== undefined ? patch.thumbnailUrl : (now?.thumbnail_url ?? null);
    const widths = patch.thumbnailWidths ?? now?.thumbnail_widths ?? [];
    if (widths.length > 0 && !url?.includes('{w}')) {
      throw new AppError(422, 'invalid_thumbnail', 'a thumbnail with widths needs {w} in its URL', [
        { path: 'thumbnailUrl', message: 'must contain {w} while thumbnailWidths is not empty' },
      ]);
    }
  }
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(patch) as [keyof CoursePatch, unknown][]) {
    const [column, cast] = COLUMNS[key];
    params.push(key === 'tags' ? [...new Set(value as string[])] : value);
    sets.push(`${column} = $${params.length}::${cast}`);
  }
  await sql.query(`update public.courses set ${sets.join(', ')} where id = $1`, params);
  return (await editorCourse(sql, id))!;
}

/** Moves the course between draft and review; the status machine's trigger has the last word. */
export async function setCourseStatus(sql: Sql, id: string, status: 'draft' | 'pending_review'): Promise<void> {
  await sql.query('update public.courses set status = $2::public.course_status where id = $1', [id, status]);
}
