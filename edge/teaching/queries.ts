import type { TeachingCourse } from '../contract/teaching.ts';
import type { Sql } from '../db/port.ts';

/** At most this many courses in one answer (an admin manages every course). */
export const TEACHING_LIST_LIMIT = 200;

interface Row {
  id: string;
  slug: string;
  title: string;
  status: TeachingCourse['status'];
  lesson_count: number;
  enrollment_count: number;
  thumbnail_url: string | null;
  thumbnail_widths: number[];
  updated_at: Date | string;
}

/** The caller's role, or null when the caller has no profile. */
export async function callerRole(sql: Sql, userId: string): Promise<string | null> {
  const [row] = await sql.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
    userId,
  ]);
  return row?.role ?? null;
}

const COLUMNS =
  'c.id, c.slug, c.title, c.status::text as status, c.lesson_count, c.enrollment_count, c.thumbnail_url, c.thumbnail_widths, c.updated_at';

/** The courses the caller manages: an instructor's own, every course for an admin (RLS decides either way). */
export async function teachingCourses(sql: Sql, isAdmin: boolean): Promise<TeachingCourse[]> {
  const rows = await sql.query<Row>(
    `select ${COLUMNS}
       from public.courses c
      where $1::boolean or c.id in (select private.my_managed_course_ids())
      order by c.updated_at desc, c.id
      limit ${TEACHING_LIST_LIMIT}`,
    [isAdmin],
  );
  return rows.map(toTeachingCourse);
}

/** One course the caller manages, or null (not theirs, or no such course). */
export async function teachingCourse(sql: Sql, isAdmin: boolean, id: string): Promise<TeachingCourse | null> {
  const [row] = await sql.query<Row>(
    `select ${COLUMNS}
       from public.courses c
      where c.id = $2 and ($1::boolean or c.id in (select private.my_managed_course_ids()))`,
    [isAdmin, id],
  );
  return row ? toTeachingCourse(row) : null;
}

function toTeachingCourse(r: Row): TeachingCourse {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    lessonCount: r.lesson_count,
    enrollmentCount: r.enrollment_count,
    thumbnailUrl: r.thumbnail_url,
    thumbnailWidths: r.thumbnail_widths,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
