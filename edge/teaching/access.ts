import type { Sql } from '../db/port.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { callerRole } from './queries.ts';

/** Who may use the instructor side: instructors (their own courses) and admins (every course). */
export interface Teacher {
  userId: string;
  isAdmin: boolean;
}

/** The caller as a teacher, or a 403 for anyone else (learners). */
export async function requireTeacher(sql: Sql, userId: string): Promise<Teacher> {
  const role = await callerRole(sql, userId);
  if (role !== 'instructor' && role !== 'admin') throw forbidden('only instructors and admins teach courses');
  return { userId, isAdmin: role === 'admin' };
}

/** The course's status if the caller manages it; a 404 otherwise (another instructor's course is nobody's business). */
export async function requireManagedCourse(sql: Sql, t: Teacher, courseId: string): Promise<{ status: string }> {
  const [row] = await sql.query<{ status: string }>(
    `select c.status::text as status from public.courses c
      where c.id = $2 and ($1::boolean or c.id in (select private.my_managed_course_ids()))`,
    [t.isAdmin, courseId],
  );
  if (!row) throw notFound('course');
  return row;
}

/** The course of a section the caller manages, or a 404. */
export async function requireManagedSection(sql: Sql, t: Teacher, sectionId: string): Promise<string> {
  const [row] = await sql.query<{ course_id: string }>(
    `select s.course_id from public.sections s
      where s.id = $2 and ($1::boolean or s.course_id in (select private.my_managed_course_ids()))`,
    [t.isAdmin, sectionId],
  );
  if (!row) throw notFound('section');
  return row.course_id;
}

/** The course of a lesson the caller manages, or a 404. */
export async function requireManagedLesson(sql: Sql, t: Teacher, lessonId: string): Promise<string> {
  const [row] = await sql.query<{ course_id: string }>(
    `select l.course_id from public.lessons l
      where l.id = $2 and ($1::boolean or l.course_id in (select private.my_managed_course_ids()))`,
    [t.isAdmin, lessonId],
  );
  if (!row) throw notFound('lesson');
  return row.course_id;
}
