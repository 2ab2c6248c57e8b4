import type { Context } from 'hono';
import { Hono } from 'hono';
import { type LabPatch, labInput, labPatch } from '../contract/labs.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { jsonBody, param, uuid } from '../http/validate.ts';
import type { GradingContextCache } from './context-cache.ts';
import { referenceFails } from './errors.ts';
import { labIdParam, optionalCodeBody, requireRunner, testFiles } from './http.ts';
import type { LabLanguage, LabRunner, LabRunResult } from './runner.ts';
import { courseLabs, createLab, deleteLab, patchLab, teachLab } from './teach-queries.ts';

type C = Context<Env>;

/** What a run of a lab needs, from the editor's view of it (defaults as the table's). */
interface Runnable {
  language?: LabLanguage;
  visibleTests?: string;
  hiddenTests?: string;
  referenceSolution?: string;
  timeLimitMs?: number;
  memoryLimitMb?: number;
}

/** Fields whose change can turn a passing reference solution into a failing one. */
const GRADED_FIELDS: (keyof LabPatch)[] = [
  'language',
  'visibleTests',
  'hiddenTests',
  'referenceSolution',
  'timeLimitMs',
  'memoryLimitMb',
];

/**
 * The lab editor (/api/teach/...), for course managers; every statement runs as the caller
 * (RLS on labs and lab_secrets). Trying code against all tests answers every message, hidden
 * tests' too: the manager wrote them. A lab is published only when its reference solution
 * passes (409 reference_fails with the run otherwise).
 */
export function labTeachRoutes({
  db,
  runner,
  contexts,
}: {
  db: Database;
  runner?: LabRunner;
  /** The learner routes' grading contexts: an edited or deleted lab is forgotten there at once. */
  contexts?: GradingContextCache;
}): Hono<Env> {
  const app = new Hono<Env>();
  const courseIdParam = (c: C) => param(c, 'courseId', uuid, badRequest('course id must be a UUID'));
  const run = <T>(c: C, fn: (sql: Sql) => Promise<T>) => {
    requireUser(c);
    return asCaller(db, c, fn);
  };
  /** The code against every test, as the manager sees it: the hidden tests keep their messages. */
  const check = (userId: string, lab: Runnable, code: string): Promise<LabRunResult> =>
    requireRunner(runner).run({
      userId,
      language: lab.language ?? 'javascript',
      code,
      tests: testFiles(lab.visibleTests ?? '', lab.hiddenTests ?? ''),
      timeLimitMs: lab.timeLimitMs ?? 1000,
      memoryLimitMb: lab.memoryLimitMb ?? 32,
      revealHidden: true,
    });
  const requirePassing = async (userId: string, lab: Runnable) => {
    const result = await check(userId, lab, lab.referenceSolution ?? '');
    if (result.status !== 'passed') throw referenceFails(result);
  };

  app.get('/teach/courses/:courseId/labs', async (c) => {
    const courseId = courseIdParam(c);
    return c.json({ items: await run(c, (sql) => courseLabs(sql, courseId)) });
  });

  app.post('/teach/courses/:courseId/labs', async (c) => {
    const userId = requireUser(c);
    const courseId = courseIdParam(c);
    const body = await jsonBody(c, labInput);
    if (body.status === 'published') {
      // Who may create here is checked first: a learner learns nothing from a reference run.
      await run(c, (sql) => courseLabs(sql, courseId));
      await requirePassing(userId, body);
    }
    return c.json(await run(c, (sql) => createLab(sql, courseId, body)), 201);
  });

  app.get('/teach/labs/:id', async (c) => {
    const id = labIdParam(c);
    return c.json(await run(c, (sql) => teachLab(sql, id)));
  });

  app.patch('/teach/labs/:id', async (c) => {
    const userId = requireUser(c);
    const id = labIdParam(c);
    const patch = await jsonBody(c, labPatch);
    const current = await run(c, (sql) => teachLab(sql, id));
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as LabPatch;
    const next = { ...current, ...defined };
    const publishing = patch.status === 'published' && current.status !== 'published';
    const regraded = next.status === 'published' && GRADED_FIELDS.some((f) => f in defined);
    if (publishing || regraded) await requirePassing(userId, next);
    const saved = await run(c, (sql) => patchLab(sql, id, patch));
    contexts?.forgetLab(id);
    return c.json(saved);
  });

  app.delete('/teach/labs/:id', async (c) => {
    const id = labIdParam(c);
    await run(c, (sql) => deleteLab(sql, id));
    contexts?.forgetLab(id);
    return c.body(null, 204);
  });

  // The reference solution (or the code given) against visible and hidden tests.
  app.post('/teach/labs/:id/check', async (c) => {
    const userId = requireUser(c);
    const id = labIdParam(c);
    const code = await optionalCodeBody(c);
    const lab = await run(c, (sql) => teachLab(sql, id));
    return c.json(await check(userId, lab, code ?? lab.referenceSolution));
  });

  return app;
}
