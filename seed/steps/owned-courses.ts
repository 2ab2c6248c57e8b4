import type { Sql } from '../../edge/db/port.ts';
import { COURSES } from '../data/index.ts';
import { ids } from '../ids.ts';

/** Ids of the demo courses this seed may write: those absent, or present with the demo id. */
export async function ownedCourseIds(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.query<{ slug: string; id: string }>(
    'select slug, id from public.courses where slug = any($1::text[])',
    [COURSES.map((c) => c.slug)],
  );
  const owned = new Map<string, string>();
  for (const r of rows) if (r.id === ids.course(r.slug)) owned.set(r.slug, r.id);
  return owned;
}
