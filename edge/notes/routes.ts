import { type Context, Hono } from 'hono';
import { type CohortNoteState, cohortNoteLockInput } from '../contract/notes.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { jsonBody, param, uuid } from '../http/validate.ts';

type C = Context<Env>;

export const lessonNotFound = () => new AppError(404, 'lesson_not_found', 'lesson not found');

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** The lock state as the caller sees it, or null when the caller may not open the lesson's cohort note. */
async function cohortNote(sql: Sql, lesson: string): Promise<CohortNoteState | null> {
  const [row] = await sql.query<{ manages: boolean; learner: boolean; locked_at: Date | string | null }>(
    `select ($1::uuid in (select private.my_managed_lesson_ids())
             or ((select private.is_admin()) and exists (select 1 from public.lessons l where l.id = $1))) as manages,
            $1::uuid in (select private.my_open_lesson_ids()) as learner,
            (select k.locked_at from public.cohort_note_locks k where k.lesson_id = $1) as locked_at`,
    [lesson],
  );
  if (!row || !(row.manages || row.learner)) return null;
  return { lessonId: lesson, locked: row.locked_at !== null, lockedAt: iso(row.locked_at), canLock: row.manages };
}

/**
 * A lesson's cohort note lock (docs/collab-notes.md): anyone who may open the note reads it
 * (public.cohort_note_locks' RLS, as the caller); the course's managers switch it through
 * public.set_cohort_note_lock (learners 403 not_manager, strangers 404 lesson_not_found).
 */
export function noteRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const run = <T>(c: C, fn: (sql: Sql) => Promise<T>) => {
    requireUser(c);
    return asCaller(db, c, fn);
  };
  const lessonId = (c: C) => param(c, 'lessonId', uuid, lessonNotFound());

  app.get('/lessons/:lessonId/cohort-note', async (c) => {
    const lesson = lessonId(c);
    const state = await run(c, (sql) => cohortNote(sql, lesson));
    if (!state) throw lessonNotFound();
    return c.json(state);
  });

  app.put('/lessons/:lessonId/cohort-note/lock', async (c) => {
    const lesson = lessonId(c);
    requireUser(c);
    const { locked } = await jsonBody(c, cohortNoteLockInput);
    const state = await run(c, async (sql) => {
      await sql.query('select public.set_cohort_note_lock($1, $2)', [lesson, locked]);
      return cohortNote(sql, lesson);
    });
    if (!state) throw lessonNotFound();
    return c.json(state);
  });

  return app;
}
