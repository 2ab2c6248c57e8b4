import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { queryParams, slug } from '../http/validate.ts';
import { adminLabRoutes } from './admin-routes.ts';
import { GradingContextCache } from './context-cache.ts';
import { labsOnError } from './errors.ts';
import { codeBody, labIdParam, requireRunner, testFiles } from './http.ts';
import {
  deleteDraft,
  gradingContext,
  labDetail,
  labNotFound,
  learnerTests,
  listLabs,
  ownSubmissions,
  recordSubmission,
  saveDraft,
} from './queries.ts';
import type { LabRunner } from './runner.ts';
import { labTeachRoutes } from './teach-routes.ts';

export interface LabDeps {
  db: Database;
  /** The sandbox pool (Node host) or a remote runner (Edge Function); absent: 503 labs_unavailable. */
  runner?: LabRunner;
  /** Grading contexts kept per learner and lab (context-cache.ts); a fresh one per app when absent. */
  contexts?: GradingContextCache;
}

const listQuery = z.strictObject({ course: slug });

/**
 * The learner side of code labs (and, mounted here, the editor's and the admin's routes). Reads
 * and drafts run as the caller under RLS. Grading runs as the service role: the definer
 * lab_grading_context decides who may run a lab (404/403/423, no oracle for other courses' labs),
 * the runner executes the code outside this process, record_lab_submission stores the result.
 * Scores come only from the runner: request bodies are `{ code }`, strictly.
 */
export function labRoutes({ db, runner, contexts = new GradingContextCache() }: LabDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.onError(labsOnError);
  const contextFor = async (labId: string, userId: string) => {
    const cached = contexts.get(labId, userId);
    if (cached) return cached;
    const context = await db.asService((sql) => gradingContext(sql, labId, userId));
    contexts.set(labId, userId, context);
    return context;
  };

  app.get('/labs', async (c) => {
    requireUser(c);
    const { course } = queryParams(c, listQuery);
    const list = await asCaller(db, c, (sql) => listLabs(sql, course));
    if (list === 'no-course') throw new AppError(404, 'course_not_found', notFound('course').message);
    if (list === 'not-enrolled') throw new AppError(403, 'not_enrolled', 'enroll in this course to work on its labs');
    return c.json(list);
  });

  app.get('/labs/:id', async (c) => {
    requireUser(c);
    const id = labIdParam(c);
    const lab = await asCaller(db, c, (sql) => labDetail(sql, id));
    if (!lab) throw labNotFound();
    return c.json(lab);
  });

  app.put('/labs/:id/draft', async (c) => {
    requireUser(c);
    const id = labIdParam(c);
    const code = await codeBody(c);
    const updatedAt = await asCaller(db, c, (sql) => saveDraft(sql, id, code));
    return c.json({ updatedAt });
  });

  app.delete('/labs/:id/draft', async (c) => {
    requireUser(c);
    const id = labIdParam(c);
    await asCaller(db, c, (sql) => deleteDraft(sql, id));
    return c.body(null, 204);
  });

  /** The caller's code from the body against the lab's visible tests, and for a grade its hidden ones. */
  const runCallersCode = async (c: Context<Env>, graded: boolean) => {
    const userId = requireUser(c);
    const id = labIdParam(c);
    const code = await codeBody(c);
    const pool = requireRunner(runner);
    const lab = await contextFor(id, userId);
    const result = await pool.run({
      userId,
      language: lab.language,
      code,
      tests: testFiles(lab.visibleTests, graded ? lab.hiddenTests : null),
      timeLimitMs: lab.timeLimitMs,
      memoryLimitMb: lab.memoryLimitMb,
    });
    return { userId, id, code, lab, result };
  };

  // Instant feedback: the visible tests only, nothing stored.
  app.post('/labs/:id/runs', async (c) => {
    const { result } = await runCallersCode(c, false);
    return c.json({
      status: result.status,
      score: result.score,
      tests: learnerTests(result.tests),
      output: result.output,
      durationMs: result.durationMs,
    });
  });

  // A graded submission: visible and hidden tests, stored; a pass moves the course progress.
  app.post('/labs/:id/submissions', async (c) => {
    const { userId, id, code, lab, result } = await runCallersCode(c, true);
    // What is stored is what the learner may read back (they read their own rows through RLS).
    const tests = lab.isManager ? result.tests : learnerTests(result.tests);
    const graded = { ...result, tests };
    const saved = await db.asService((sql) => recordSubmission(sql, id, userId, code, graded));
    return c.json({
      id: saved.id,
      status: result.status,
      score: result.score,
      points: saved.points,
      maxPoints: lab.points,
      tests,
      output: result.output,
      durationMs: result.durationMs,
      createdAt: saved.createdAt,
      progress: saved.progress,
    });
  });

  app.get('/labs/:id/submissions', async (c) => {
    requireUser(c);
    const id = labIdParam(c);
    const list = await asCaller(db, c, (sql) => ownSubmissions(sql, id));
    if (!list) throw labNotFound();
    return c.json(list);
  });

  app.route('/', labTeachRoutes({ db, runner, contexts }));
  app.route('/', adminLabRoutes({ db, runner }));
  return app;
}
