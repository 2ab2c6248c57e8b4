import type { FaqEntry } from '../api-types.ts';
import { iso } from '../catalog/rows.ts';
import { FAQ_MAX_ITEMS } from '../contract/faq.ts';
import type { Sql } from '../db/port.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';

/** A course's FAQ, read and written as the caller: RLS lets anyone read published courses' and managers write. */

interface FaqRow {
  id: string;
  question: string;
  answer: string;
  position: number;
  updated_at: unknown;
}

const COLUMNS = 'f.id, f.question, f.answer, f.position, f.updated_at';
const toEntry = (r: FaqRow): FaqEntry => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  position: Number(r.position),
  updatedAt: iso(r.updated_at)!,
});

const listOf = (sql: Sql, courseId: string) =>
  sql.query<FaqRow>(`select ${COLUMNS} from public.course_faqs f where f.course_id = $1 order by f.position, f.id`, [
    courseId,
  ]);

/** The FAQ of a course the caller can see, by slug; null when there is no such course for them. */
export async function courseFaq(sql: Sql, slug: string): Promise<FaqEntry[] | null> {
  const [course] = await sql.query<{ id: string }>('select id from public.courses where slug = $1', [slug]);
  if (!course) return null;
  return (await listOf(sql, course.id)).map(toEntry);
}

/** Refuses unless the caller teaches the course or is an admin (404 when they cannot see it at all). */
export async function requireManager(sql: Sql, courseId: string, userId: string): Promise<void> {
  const [row] = await sql.query<{ manages: boolean }>(
    `select exists (select 1 from public.instructors i where i.id = c.instructor_id and i.user_id = $2)
            or exists (select 1 from public.profiles p where p.id = $2 and p.role = 'admin') as manages
     from public.courses c where c.id = $1`,
    [courseId, userId],
  );
  if (!row) throw notFound('course');
  if (!row.manages) throw forbidden("only the course's instructor and admins edit its FAQ");
}

export async function managedFaq(sql: Sql, courseId: string, userId: string): Promise<FaqEntry[]> {
  await requireManager(sql, courseId, userId);
  return (await listOf(sql, courseId)).map(toEntry);
}

export async function addFaq(
  sql: Sql,
  courseId: string,
  userId: string,
  input: { question: string; answer: string },
): Promise<FaqEntry> {
  await requireManager(sql, courseId, userId);
  const [count] = await sql.query<{ n: number; next: number }>(
    `select count(*)::int as n, coalesce(max(position), 0)::int + 1 as next
     from public.course_faqs where course_id = $1`,
    [courseId],
  );
  if ((count?.n ?? 0) >= FAQ_MAX_ITEMS) {
    throw new AppError(422, 'too_many_questions', `a course's FAQ holds at most ${FAQ_MAX_ITEMS} questions`);
  }
  const [row] = await sql.query<FaqRow>(
    `insert into public.course_faqs as f (course_id, question, answer, position) values ($1, $2, $3, $4)
     returning ${COLUMNS}`,
    [courseId, input.question, input.answer, count?.next ?? 1],
  );
  return toEntry(row!);
}

/** The course of a question the caller can see, or a 404. */
async function faqCourse(sql: Sql, id: string): Promise<string> {
  const [row] = await sql.query<{ course_id: string }>('select course_id from public.course_faqs where id = $1', [id]);
  if (!row) throw notFound('question');
  return row.course_id;
}

export async function updateFaq(
  sql: Sql,
  id: string,
  userId: string,
  patch: { question?: string; answer?: string },
): Promise<FaqEntry> {
  await requireManager(sql, await faqCourse(sql, id), userId);
  const [row] = await sql.query<FaqRow>(
    `update public.course_faqs f set question = coalesce($2, f.question), answer = coalesce($3, f.answer)
     where f.id = $1 returning ${COLUMNS}`,
    [id, patch.question ?? null, patch.answer ?? null],
  );
  if (!row) throw notFound('question');
  return toEntry(row);
}

export async function deleteFaq(sql: Sql, id: string, userId: string): Promise<void> {
  await requireManager(sql, await faqCourse(sql, id), userId);
  const rows = await sql.query('delete from public.course_faqs where id = $1 returning id', [id]);
  if (rows.length === 0) throw notFound('question');
}

/** Puts every question of the course in the given order (positions 1..n), in one statement. */
export async function reorderFaq(sql: Sql, courseId: string, userId: string, ids: string[]): Promise<FaqEntry[]> {
  await requireManager(sql, courseId, userId);
  const current = await listOf(sql, courseId);
  const have = new Set(current.map((r) => r.id));
  const want = new Set(ids.map((i) => i.toLowerCase()));
  if (want.size !== ids.length || want.size !== have.size || [...want].some((i) => !have.has(i))) {
    throw new AppError(422, 'invalid_order', "send every question of the course's FAQ once, in the new order");
  }
  await sql.query(
    `update public.course_faqs f set position = o.ord
     from unnest($2::uuid[]) with ordinality as o(id, ord)
     where f.id = o.id and f.course_id = $1 and f.position is distinct from o.ord`,
    [courseId, ids],
  );
  return (await listOf(sql, courseId)).map(toEntry);
}
