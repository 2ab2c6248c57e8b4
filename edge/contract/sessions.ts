import { z } from 'zod';
import { isoDateTime, slug, uuid } from './primitives.ts';

/**
 * Live sessions and their moderated Q&A (docs/live-qa.md): the schedule (GET /api/courses/:slug/sessions,
 * GET /api/me/sessions, GET /api/sessions/:id and its .ics), the instructor's scheduling
 * (/api/teach/...), questions, votes, moderation and bans. Every change to a question is also
 * broadcast by the database on the private Realtime topic `session:<id>` (event `question`, the
 * Question shape with `mine: false`; `question_removed` {id} when it leaves the live list) and on
 * `session-mod:<id>` for moderators; the web replaces questions by id.
 */

/** How many sessions a list answers. */
export const SESSION_LIST_MAX = 50;
export const SESSION_TITLE_MAX = 200;
export const SESSION_DESCRIPTION_MAX = 2000;
export const SESSION_MEETING_URL_MAX = 500;
export const SESSION_QUESTION_MAX = 500;
export const SESSION_ANSWER_MAX = 2000;
export const SESSION_BAN_REASON_MAX = 500;

/** Mirrors the Postgres enum public.live_session_status. */
export const sessionStatus = z.enum(['scheduled', 'live', 'ended']);
export const sessionQuestionStatus = z.enum(['pending', 'visible', 'hidden']);
export const sessionRole = z.enum(['moderator', 'participant']);
export const sessionModerationAction = z.enum([
  'approve',
  'hide',
  'restore',
  'pin',
  'unpin',
  'answer',
  'mark_answered',
  'mark_unanswered',
]);
export const sessionQuestionSort = z.enum(['votes', 'newest']);
export const sessionQuestionView = z.enum(['live', 'queue', 'hidden']);

/** '' (a Jitsi room is made up when scheduling) or an https:// URL. */
export const sessionMeetingUrl = z.union([
  z.literal(''),
  z
    .string()
    .max(SESSION_MEETING_URL_MAX)
    .regex(/^https:\/\/[^\s/?#]+[^\s]*$/, 'must be an https:// URL'),
]);

const sessionTitle = z.string().trim().min(1).max(SESSION_TITLE_MAX);
const durationMinutes = z.int().min(5).max(600);

export const sessionCourse = z.strictObject({ id: uuid, slug, title: z.string() });

export const sessionSummary = z.strictObject({
  id: uuid,
  course: sessionCourse,
  title: z.string(),
  startsAt: isoDateTime,
  /** startsAt + durationMinutes. */
  endsAt: isoDateTime,
  durationMinutes,
  status: sessionStatus,
  /** Now is between startsAt and endsAt and the session has not ended. */
  live: z.boolean(),
});

export const sessionDetail = sessionSummary.extend({
  description: z.string(),
  meetingUrl: z.string(),
  slowModeSeconds: z.int().min(0).max(3600),
  preModeration: z.boolean(),
  /** Moderators: the course's instructor and platform admins. */
  role: sessionRole,
  /** Whether the caller is banned from asking and voting in this session. */
  banned: z.boolean(),
});

/** GET /api/courses/:slug/sessions (upcoming first, then past) and GET /api/me/sessions (upcoming). */
export const sessionList = z.strictObject({ items: z.array(sessionSummary).max(SESSION_LIST_MAX) });

/** POST /api/teach/courses/:courseId/sessions. An empty or absent meetingUrl gets a Jitsi room. */
export const sessionInput = z.strictObject({
  title: sessionTitle,
  description: z.string().max(SESSION_DESCRIPTION_MAX).optional(),
  startsAt: isoDateTime,
  durationMinutes: durationMinutes.optional(),
  meetingUrl: sessionMeetingUrl.optional(),
});

/** PATCH /api/teach/sessions/:id: any of these, at least one. */
export const sessionPatch = z
  .strictObject({
    title: sessionTitle.optional(),
    description: z.string().max(SESSION_DESCRIPTION_MAX).optional(),
    startsAt: isoDateTime.optional(),
    durationMinutes: durationMinutes.optional(),
    meetingUrl: sessionMeetingUrl.optional(),
    slowModeSeconds: z.int().min(0).max(3600).optional(),
    preModeration: z.boolean().optional(),
    status: sessionStatus.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'change at least one field');

export const sessionQuestionAuthor = z.strictObject({ id: uuid, name: z.string() });

/** A question, as every route and every broadcast answers it (broadcasts: `mine` false). */
export const sessionQuestion = z.strictObject({
  id: uuid,
  sessionId: uuid,
  /** null once the author's profile is deleted. */
  author: sessionQuestionAuthor.nullable(),
  body: z.string(),
  status: sessionQuestionStatus,
  pinned: z.boolean(),
  answered: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
  votes: z.int().min(0),
  createdAt: isoDateTime,
  /** The caller wrote it. */
  mine: z.boolean(),
});

/**
 * GET /api/sessions/:id/questions. view: live (visible questions, and the caller's own pending
 * ones), queue (pending) and hidden: moderators only. sort: votes (pinned first, then votes, then
 * newest) or newest.
 */
export const sessionQuestionQuery = z.strictObject({
  sort: sessionQuestionSort.default('votes'),
  view: sessionQuestionView.default('live'),
});

export const sessionQuestionList = z.strictObject({
  items: z.array(sessionQuestion),
  /** The ids of the listed questions the caller has voted for. */
  myVotes: z.array(uuid),
});

/** POST /api/sessions/:id/questions. */
export const sessionQuestionInput = z.strictObject({ body: z.string().trim().min(1).max(SESSION_QUESTION_MAX) });

/** POST (voted: true) and DELETE (voted: false) /api/sessions/:id/questions/:questionId/votes. */
export const sessionVoteResult = z.strictObject({ questionId: uuid, votes: z.int().min(0), voted: z.boolean() });

/** POST /api/sessions/:id/questions/:questionId/moderation; `answer` goes with action 'answer'. */
export const sessionModerationInput = z.strictObject({
  action: sessionModerationAction,
  answer: z.string().max(SESSION_ANSWER_MAX).optional(),
});

export const sessionBan = z.strictObject({
  userId: uuid,
  name: z.string(),
  reason: z.string(),
  createdAt: isoDateTime,
});
/** GET /api/sessions/:id/bans (moderators). */
export const sessionBanList = z.strictObject({ items: z.array(sessionBan) });
/** POST /api/sessions/:id/bans. */
export const sessionBanInput = z.strictObject({
  userId: uuid,
  reason: z.string().max(SESSION_BAN_REASON_MAX).optional(),
});
/** POST /api/sessions/:id/bans (201) and DELETE /api/sessions/:id/bans/:userId. */
export const sessionBanResult = z.strictObject({ sessionId: uuid, userId: uuid, banned: z.boolean() });

export type SessionStatus = z.infer<typeof sessionStatus>;
export type SessionQuestionStatus = z.infer<typeof sessionQuestionStatus>;
export type SessionRole = z.infer<typeof sessionRole>;
export type SessionModerationAction = z.infer<typeof sessionModerationAction>;
export type SessionQuestionSort = z.infer<typeof sessionQuestionSort>;
export type SessionQuestionView = z.infer<typeof sessionQuestionView>;
export type SessionCourse = z.infer<typeof sessionCourse>;
export type SessionSummary = z.infer<typeof sessionSummary>;
export type SessionDetail = z.infer<typeof sessionDetail>;
export type SessionList = z.infer<typeof sessionList>;
export type SessionInput = z.infer<typeof sessionInput>;
export type SessionPatch = z.infer<typeof sessionPatch>;
export type SessionQuestionAuthor = z.infer<typeof sessionQuestionAuthor>;
export type SessionQuestion = z.infer<typeof sessionQuestion>;
export type SessionQuestionQuery = z.infer<typeof sessionQuestionQuery>;
export type SessionQuestionList = z.infer<typeof sessionQuestionList>;
export type SessionQuestionInput = z.infer<typeof sessionQuestionInput>;
export type SessionVoteResult = z.infer<typeof sessionVoteResult>;
export type SessionModerationInput = z.infer<typeof sessionModerationInput>;
export type SessionBan = z.infer<typeof sessionBan>;
export type SessionBanList = z.infer<typeof sessionBanList>;
export type SessionBanInput = z.infer<typeof sessionBanInput>;
export type SessionBanResult = z.infer<typeof sessionBanResult>;
