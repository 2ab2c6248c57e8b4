import { Hono } from 'hono';
import { z } from 'zod';
import {
  assignmentInput,
  assignmentPatch,
  gradeBody,
  gradingQuery,
  submitAssignmentBody,
} from '../contract/assignments.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, badRequest, forbidden } from '../http/errors.ts';
import { jsonBody, param, queryParams, slug, uuid } from '../http/validate.ts';
import { callerRole } from '../teaching/queries.ts';
import { assignmentDetail, gradebook, listAssignments, submitAssignment } from './queries.ts';
import {
  createAssignment,
  deleteAssignment,
  gradeSubmission,
  gradingQueue,
  gradingSubmission,
  teachAssignments,
  updateAssignment,
  type WriteResult,
} from './teach-queries.ts';

const assignmentNotFound = () => new AppError(404, 'assignment_not_found', 'assignment not found');
const submissionNotFound = () => new AppError(404, 'submission_not_found', 'submission not found');
const courseNotFound = () => new AppError(404, 'not_found', 'course not found');
const notEnrolled = () => new AppError(403, 'not_enrolled', 'enroll in this course first');
const idOf = (c: Parameters<typeof param>[0], name: string, what: string) =>
  param(c, name, uuid, badRequest(`${what} id must be a UUID`));

/** The caller teaches (instructor or admin), else a 403. */
async function teacher(sql: Sql, userId: string): Promise<void> {
  const role = await callerRole(sql, userId);
  if (role !== 'instructor' && role !== 'admin') throw forbidden('only instructors and admins teach courses');
}

/** A rubric's points may not add up to more than the assignment's (the database checks it too). */
function checkRubric(input: { rubric?: { points: number }[]; maxPoints?: number; passingPoints?: number | null }) {
  const max = input.maxPoints;
  if (max === undefined) return;
  if (input.rubric && input.rubric.reduce((sum, r) => sum + r.points, 0) > max) {
    throw badRequest('invalid request body', [
      { path: 'rubric', message: `the rubric's points add up to more than ${max}` },
    ]);
  }
  if (typeof input.passingPoints === 'number' && input.passingPoints > max) {
    throw badRequest('invalid request body', [{ path: 'passingPoints', message: `must be at most ${max}` }]);
  }
}

function written(result: WriteResult) {
  if (result === 'not-found') throw assignmentNotFound();
  if (result === 'bad-lesson') throw badRequest('the lesson is not in this course');
  return result;
}

/** Assignments, submissions, grading and the learner's gradebook (edge/contract/assignments.ts). */
export function assignmentRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();

  app.get('/assignments', async (c) => {
    const userId = requireUser(c);
    const { course } = queryParams(c, z.strictObject({ course: slug }));
    const list = await asCaller(db, c, (sql) => listAssignments(sql, course, userId));
    if (list === 'no-course') throw courseNotFound();
    if (list === 'not-enrolled') throw notEnrolled();
    return c.json(list);
  });

  app.get('/assignments/:id', async (c) => {
    const userId = requireUser(c);
    const id = idOf(c, 'id', 'assignment');
    const detail = await asCaller(db, c, (sql) => assignmentDetail(sql, id, userId));
    if (!detail) throw assignmentNotFound();
    return c.json(detail);
  });

  app.post('/assignments/:id/submissions', async (c) => {
    requireUser(c);
    const id = idOf(c, 'id', 'assignment');
    const body = await jsonBody(c, submitAssignmentBody);
    const text = body.text?.trim() ? body.text : null;
    const submission = await asCaller(db, c, (sql) => submitAssignment(sql, id, text, body.files));
    return c.json({ submission }, 201);
  });

  app.get('/courses/:slug/gradebook', async (c) => {
    const userId = requireUser(c);
    const courseSlug = param(c, 'slug', slug, courseNotFound());
    const book = await asCaller(db, c, (sql) => gradebook(sql, courseSlug, userId));
    if (book === 'no-course') throw courseNotFound();
    if (book === 'not-enrolled') throw notEnrolled();
    return c.json(book);
  });

  // Teaching ----------------------------------------------------------------------------------

  app.get('/teach/courses/:courseId/assignments', async (c) => {
    const userId = requireUser(c);
    const courseId = idOf(c, 'courseId', 'course');
    const list = await asCaller(db, c, async (sql) => {
      await teacher(sql, userId);
      return teachAssignments(sql, courseId);
    });
    if (!list) throw courseNotFound();
    return c.json(list);
  });

  app.post('/teach/courses/:courseId/assignments', async (c) => {
    const userId = requireUser(c);
    const courseId = idOf(c, 'courseId', 'course');
    const input = await jsonBody(c, assignmentInput);
    checkRubric(input);
    const result = await asCaller(db, c, async (sql) => {
      await teacher(sql, userId);
      return createAssignment(sql, courseId, input);
    });
    if (result === 'not-found') throw courseNotFound();
    return c.json(written(result), 201);
  });

  app.patch('/teach/assignments/:id', async (c) => {
    const userId = requireUser(c);
    const id = idOf(c, 'id', 'assignment');
    const patch = await jsonBody(c, assignmentPatch);
    checkRubric(patch);
    const result = await asCaller(db, c, async (sql) => {
      await teacher(sql, userId);
      return updateAssignment(sql, id, patch);
    });
    return c.json(written(result));
  });

  app.delete('/teach/assignments/:id', async (c) => {
    const userId = requireUser(c);
    const id = idOf(c, 'id', 'assignment');
    const result = await asCaller(db, c, async (sql) => {
      await teacher(sql, userId);
      return deleteAssignment(sql, id);
    });
    if (result === 'not-found') throw assignmentNotFound();
    if (result === 'has-submissions') {
      throw new AppError(409, 'assignment_has_submissions', 'learners have handed this in: unpublish it instead');
    }
    return c.body(null, 204);
  });

  app.get('/teach/grading', async (c) => {
    const userId = requireUser(c);
    const query = queryParams(c, gradingQuery);
    const queue = await asCaller(db, c, async (sql) => {
      await teacher(sql, userId);
      return gradingQueue(sql, userId, query.course, query.status);
    });
    return c.json(queue);
  });

  app.get('/teach/submissions/:id', async (c) => {
    requireUser(c);
    const id = idOf(c, 'id', 'submission');
    const found = await asCaller(db, c, (sql) => gradingSubmission(sql, id));
    if (!found) throw submissionNotFound();
    return c.json(found);
  });

  app.post('/teach/submissions/:id/grade', async (c) => {
    requireUser(c);
    const id = idOf(c, 'id', 'submission');
    const body = await jsonBody(c, gradeBody);
    const submission = await asCaller(db, c, (sql) =>
      gradeSubmission(sql, id, body.points ?? null, body.rubricMarks ?? null, body.feedback),
    );
    return c.json({ submission });
  });

  return app;
}
