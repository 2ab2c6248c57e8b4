import { z } from 'zod';
import { isoDateTime, uuid } from './primitives.ts';

/**
 * Shared notes (docs/collab-notes.md): the lock state of a lesson's cohort note
 * (GET /api/lessons/:lessonId/cohort-note) and the instructor's lock switch
 * (PUT /api/lessons/:lessonId/cohort-note/lock). The notes themselves travel over the Yjs
 * server at /yjs/<document>, not this API.
 */

export const cohortNoteState = z.object({
  lessonId: uuid,
  locked: z.boolean(),
  lockedAt: isoDateTime.nullable(),
  /** Whether the caller manages the course (its instructor, an admin): they lock and unlock. */
  canLock: z.boolean(),
});
export type CohortNoteState = z.infer<typeof cohortNoteState>;

export const cohortNoteLockInput = z.strictObject({ locked: z.boolean() });
export type CohortNoteLockInput = z.infer<typeof cohortNoteLockInput>;
