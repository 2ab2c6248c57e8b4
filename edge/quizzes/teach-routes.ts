import { Hono } from 'hono';
import {
  bankQuery,
  bankQuestionInput,
  bankQuestionPatch,
  fromBankRequest,
  questionReorderRequest,
  quizInput,
  quizPatch,
  quizQuestionInput,
  quizQuestionPatch,
} from '../contract/quizzes.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { badRequest } from '../http/errors.ts';
import { jsonBody, param, queryParams, uuid } from '../http/validate.ts';
import {
  addFromBank,
  addQuestion,
  courseQuizzes,
  createBankQuestion,
  createQuiz,
  deleteBankQuestion,
  deleteQuestion,
  deleteQuiz,
  listBank,
  patchBankQuestion,
  patchQuestion,
  patchQuiz,
  quizWithQuestions,
  reorderQuestions,
} from './teach-queries.ts';

type C = Parameters<typeof param>[0];
const id = (c: C, name: string, what: string) => param(c, name, uuid, badRequest(`${what} id must be a UUID`));

/** The quiz builder and the question bank, for course managers; every statement runs as the caller. */
export function quizTeachRoutes(db: Database): Hono<Env> {
  const app = new Hono<Env>();
  const run = <T>(c: C, fn: (sql: Sql) => Promise<T>) => {
    requireUser(c);
    return asCaller(db, c, fn);
  };

  app.get('/teach/courses/:courseId/quizzes', async (c) => {
    const courseId = id(c, 'courseId', 'course');
    return c.json({ items: await run(c, (sql) => courseQuizzes(sql, courseId)) });
  });
  app.post('/teach/courses/:courseId/quizzes', async (c) => {
    requireUser(c);
    const courseId = id(c, 'courseId', 'course');
    const body = await jsonBody(c, quizInput);
    return c.json(await run(c, (sql) => createQuiz(sql, courseId, body)), 201);
  });

  app.get('/teach/quizzes/:id', async (c) => {
    const quiz = id(c, 'id', 'quiz');
    return c.json(await run(c, (sql) => quizWithQuestions(sql, quiz)));
  });
  app.patch('/teach/quizzes/:id', async (c) => {
    requireUser(c);
    const quiz = id(c, 'id', 'quiz');
    const body = await jsonBody(c, quizPatch);
    return c.json(await run(c, (sql) => patchQuiz(sql, quiz, body)));
  });
  app.delete('/teach/quizzes/:id', async (c) => {
    const quiz = id(c, 'id', 'quiz');
    await run(c, (sql) => deleteQuiz(sql, quiz));
    return c.body(null, 204);
  });

  app.post('/teach/quizzes/:id/questions', async (c) => {
    requireUser(c);
    const quiz = id(c, 'id', 'quiz');
    const body = await jsonBody(c, quizQuestionInput);
    return c.json(await run(c, (sql) => addQuestion(sql, quiz, body)), 201);
  });
  app.post('/teach/quizzes/:id/questions/reorder', async (c) => {
    requireUser(c);
    const quiz = id(c, 'id', 'quiz');
    const { ids } = await jsonBody(c, questionReorderRequest);
    return c.json({ items: await run(c, (sql) => reorderQuestions(sql, quiz, ids)) });
  });
  app.post('/teach/quizzes/:id/questions/from-bank', async (c) => {
    requireUser(c);
    const quiz = id(c, 'id', 'quiz');
    const { ids } = await jsonBody(c, fromBankRequest);
    return c.json({ items: await run(c, (sql) => addFromBank(sql, quiz, ids)) }, 201);
  });
  app.patch('/teach/quizzes/:id/questions/:questionId', async (c) => {
    requireUser(c);
    const quiz = id(c, 'id', 'quiz');
    const question = id(c, 'questionId', 'question');
    const body = await jsonBody(c, quizQuestionPatch);
    return c.json(await run(c, (sql) => patchQuestion(sql, quiz, question, body)));
  });
  app.delete('/teach/quizzes/:id/questions/:questionId', async (c) => {
    const quiz = id(c, 'id', 'quiz');
    const question = id(c, 'questionId', 'question');
    await run(c, (sql) => deleteQuestion(sql, quiz, question));
    return c.body(null, 204);
  });

  app.get('/teach/question-bank', async (c) => {
    const filter = queryParams(c, bankQuery);
    return c.json({ items: await run(c, (sql) => listBank(sql, filter)) });
  });
  app.post('/teach/question-bank', async (c) => {
    requireUser(c);
    const body = await jsonBody(c, bankQuestionInput);
    return c.json(await run(c, (sql) => createBankQuestion(sql, body)), 201);
  });
  app.patch('/teach/question-bank/:id', async (c) => {
    requireUser(c);
    const bank = id(c, 'id', 'bank question');
    const body = await jsonBody(c, bankQuestionPatch);
    return c.json(await run(c, (sql) => patchBankQuestion(sql, bank, body)));
  });
  app.delete('/teach/question-bank/:id', async (c) => {
    const bank = id(c, 'id', 'bank question');
    await run(c, (sql) => deleteBankQuestion(sql, bank));
    return c.body(null, 204);
  });

  return app;
}
