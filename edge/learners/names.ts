import type { Sql } from '../db/port.ts';

/**
 * Display names of learners, by id, in one call of public.learner_names: the learners of the
 * courses the caller manages (admins: anyone). Profiles themselves stay unreadable to
 * instructors; an id the caller may not name is simply missing from the map.
 */
export async function learnerNames(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await sql.query<{ user_id: string; name: string }>(
    'select user_id, name from public.learner_names($1::uuid[])',
    [unique],
  );
  return new Map(rows.map((r) => [r.user_id, r.name]));
}
