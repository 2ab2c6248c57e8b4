import type { Sql } from '../db/port.ts';

/**
 * Helpers for the teaching tests (edge/teaching/*.test.ts and edge/admin-courses): typed
 * structurally so edge/ never imports tests/ (tests/boundaries.test.ts).
 */
export interface Harness {
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
  as(userId: string): Promise<Record<string, string>>;
  db: { asOwner<T>(fn: (sql: Sql) => Promise<T>): Promise<T> };
}

/** JSON requests as a user, for the teaching tests. */
export function caller(h: Harness) {
  return async (method: string, path: string, userId: string | null, body?: unknown) => {
    const headers: Record<string, string> = userId ? await h.as(userId) : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await h.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test answers are checked field by field
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  };
}

/** A second instructor and their draft course, inserted as the owner. */
export const OTHER = {
  instructor: '10000000-0000-4000-8000-0000000000aa',
  course: '30000000-0000-4000-8000-0000000000aa',
  section: '40000000-0000-4000-8000-0000000000aa',
  lesson: '50000000-0000-4000-8000-0000000000aa',
};

export async function addOtherInstructor(h: Harness, userId: string) {
  await h.db.asOwner(async (sql) => {
    await sql.query(`update public.profiles set role = 'instructor' where id = $1`, [userId]);
    await sql.query(`insert into public.instructors (id, user_id, display_name) values ($1, $2, 'Other Teacher')`, [
      OTHER.instructor,
      userId,
    ]);
    await sql.query(
      `insert into public.courses (id, slug, title, instructor_id, description) values ($1, 'others-course', 'Theirs', $2, 'x')`,
      [OTHER.course, OTHER.instructor],
    );
    await sql.query(`insert into public.sections (id, course_id, title) values ($1, $2, 'S')`, [
      OTHER.section,
      OTHER.course,
    ]);
    await sql.query(`insert into public.lessons (id, course_id, section_id, title) values ($1, $2, $3, 'L')`, [
      OTHER.lesson,
      OTHER.course,
      OTHER.section,
    ]);
  });
}
