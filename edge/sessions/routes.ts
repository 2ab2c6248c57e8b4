import { type Context, Hono } from 'hono';
import {
  SESSION_LIST_MAX,
  type SessionBanResult,
  type SessionQuestion,
  type SessionVoteResult,
  sessionBanInput,
  sessionInput,
  sessionModerationInput,
  sessionPatch,
  sessionQuestionInput,
  sessionQuestionQuery,
} from '../contract/sessions.ts';
import type { Database, Sql } from '../db/port.ts';
import { asCaller, type Env, requireUser } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { jsonBody, param, queryParams, slug, uuid } from '../http/validate.ts';
import { icsFileName, sessionIcs } from './ics.ts';
import { jitsiRoomUrl } from './jitsi.ts';
import {
  call,
  courseNotFound,
  courseSessions,
  createSession,
  deleteSession,
  managedCourse,
  mySessions,
  notModerator,
  patchSession,
  questionNotFound,
  questionSession,
  requireModerator,
  sessionBans,
  sessionDetail,
  sessionNotFound,
  sessionQuestions,
} from './queries.ts';

export interface SessionDeps {
  db: Database;
  now: () => Date;
  /** The site's origin (from configuration, never from the request): the host in .ics UIDs. */
  siteUrl: string;
}

type C = Context<Env>;

/**
 * Live sessions and their Q&A (docs/live-qa.md): the schedule for participants (enrolled
 * learners, the course's instructor, admins), the instructor's scheduling, questions, votes,
 * moderation and bans. Every route runs as its caller in one transaction; writes to questions,
 * votes and bans go through the definer functions, which answer `<4xx>:<code>` hints (strangers:
 * 404 session_not_found / question_not_found, the same as for an id that does not exist).
 */
export function sessionRoutes({ db, now, siteUrl }: SessionDeps): Hono<Env> {
  const app = new Hono<Env>();
  const host = new URL(siteUrl).host;
  const run = <T>(c: C, fn: (sql: Sql) => Promise<T>) => {
    requireUser(c);
    return asCaller(db, c, fn);
  };
  const sessionId = (c: C) => param(c, 'id', uuid, sessionNotFound());
  /** The question in the path, when the caller may read it and it belongs to the session in the path. */
  const questionOf = async (c: C, sql: Sql, session: string) => {
    const question = param(c, 'questionId', uuid, questionNotFound());
    if ((await questionSession(sql, question)) !== session) throw questionNotFound();
    return question;
  };

  app.get('/courses/:slug/sessions', async (c) => {
    const course = param(c, 'slug', slug, courseNotFound());
    const items = await run(c, (sql) => courseSessions(sql, course, now(), SESSION_LIST_MAX));
    if (!items) throw courseNotFound();
    return c.json({ items });
  });

  app.get('/me/sessions', async (c) =>
    c.json({ items: await run(c, (sql) => mySessions(sql, now(), SESSION_LIST_MAX)) }),
  );

  app.get('/sessions/:id', async (c) => {
    const id = sessionId(c);
    return c.json(await run(c, (sql) => sessionDetail(sql, id, now())));
  });

  app.get('/sessions/:id/session.ics', async (c) => {
    const id = sessionId(c);
    const at = now();
    const s = await run(c, (sql) => sessionDetail(sql, id, at));
    const body = sessionIcs({
      id: s.id,
      host,
      title: s.title,
      description: s.description,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      url: s.meetingUrl,
      courseTitle: s.course.title,
      now: at,
    });
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${icsFileName(s.course.slug)}"`,
    });
  });

  // Scheduling (the course's instructor and admins)
  app.post('/teach/courses/:courseId/sessions', async (c) => {
    const courseId = param(c, 'courseId', uuid, courseNotFound());
    const input = await jsonBody(c, sessionInput);
    const created = await run(c, async (sql) => {
      const course = await managedCourse(sql, courseId);
      const id = await createSession(sql, courseId, {
        title: input.title,
        description: input.description ?? '',
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes ?? 60,
        meetingUrl: input.meetingUrl || jitsiRoomUrl(course.slug),
      });
      return sessionDetail(sql, id, now());
    });
    return c.json(created, 201);
  });

  app.patch('/teach/sessions/:id', async (c) => {
    const id = sessionId(c);
    const patch = await jsonBody(c, sessionPatch);
    const saved = await run(c, async (sql) => {
      const { courseSlug } = await requireModerator(sql, id);
      // An emptied meeting link gets a Jitsi room, as when scheduling.
      await patchSession(sql, id, patch.meetingUrl === '' ? { ...patch, meetingUrl: jitsiRoomUrl(courseSlug) } : patch);
      return sessionDetail(sql, id, now());
    });
    return c.json(saved);
  });

  app.delete('/teach/sessions/:id', async (c) => {
    const id = sessionId(c);
    await run(c, async (sql) => {
      await requireModerator(sql, id);
      await deleteSession(sql, id);
    });
    return c.body(null, 204);
  });

  // Questions
  app.get('/sessions/:id/questions', async (c) => {
    const id = sessionId(c);
    const query = queryParams(c, sessionQuestionQuery);
    const list = await run(c, async (sql) => {
      const session = await sessionDetail(sql, id, now());
      if (query.view !== 'live' && session.role !== 'moderator') throw notModerator();
      return sessionQuestions(sql, id, query);
    });
    return c.json(list);
  });

  app.post('/sessions/:id/questions', async (c) => {
    const id = sessionId(c);
    const { body } = await jsonBody(c, sessionQuestionInput);
    return c.json(await run(c, (sql) => call<SessionQuestion>(sql, 'ask_session_question', [id, body])), 201);
  });

  const vote = (up: boolean) => async (c: C) => {
    const id = sessionId(c);
    const result = await run(c, async (sql) =>
      call<SessionVoteResult>(sql, 'vote_session_question', [await questionOf(c, sql, id), up]),
    );
    return c.json(result);
  };
  app.post('/sessions/:id/questions/:questionId/votes', vote(true));
  app.delete('/sessions/:id/questions/:questionId/votes', vote(false));

  app.post('/sessions/:id/questions/:questionId/moderation', async (c) => {
    const id = sessionId(c);
    const input = await jsonBody(c, sessionModerationInput);
    const result = await run(c, async (sql) =>
      call<SessionQuestion>(sql, 'moderate_session_question', [
        await questionOf(c, sql, id),
        input.action,
        input.answer ?? null,
      ]),
    );
    return c.json(result);
  });

  // Bans (moderators)
  app.get('/sessions/:id/bans', async (c) => {
    const id = sessionId(c);
    const items = await run(c, async (sql) => {
      await requireModerator(sql, id);
      return sessionBans(sql, id);
    });
    return c.json({ items });
  });

  app.post('/sessions/:id/bans', async (c) => {
    const id = sessionId(c);
    const input = await jsonBody(c, sessionBanInput);
    const result = await run(c, (sql) =>
      call<SessionBanResult>(sql, 'ban_session_user', [id, input.userId, input.reason ?? '']),
    );
    return c.json(result, 201);
  });

  app.delete('/sessions/:id/bans/:userId', async (c) => {
    const id = sessionId(c);
    const member = param(c, 'userId', uuid, new AppError(404, 'member_not_found', 'user not found'));
    return c.json(await run(c, (sql) => call<SessionBanResult>(sql, 'unban_session_user', [id, member])));
  });

  return app;
}
