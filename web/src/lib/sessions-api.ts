import type {
  SessionBanList,
  SessionBanResult,
  SessionDetail,
  SessionInput,
  SessionList,
  SessionModerationAction,
  SessionPatch,
  SessionQuestion,
  SessionQuestionList,
  SessionQuestionSort,
  SessionQuestionView,
  SessionStatus,
  SessionSummary,
  SessionVoteResult,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import { downloadFile } from './download.ts';
import { jsonInit } from './json-init.ts';

/**
 * Live sessions and their Q&A (docs/live-qa.md): the schedule, the instructor's scheduling,
 * questions, votes, moderation and bans, as calls to the data API (edge/sessions/).
 */

export type {
  SessionDetail,
  SessionInput,
  SessionModerationAction,
  SessionQuestion,
  SessionQuestionSort,
  SessionQuestionView,
  SessionStatus,
  SessionSummary,
};

export function sessionsApi(api: Api) {
  const seg = encodeURIComponent;
  const q = (session: string, question: string) => `/api/sessions/${seg(session)}/questions/${seg(question)}`;
  return {
    forCourse: (slug: string) => api.getJson<SessionList>(`/api/courses/${seg(slug)}/sessions`),
    mine: () => api.getJson<SessionList>('/api/me/sessions'),
    detail: (id: string) => api.getJson<SessionDetail>(`/api/sessions/${seg(id)}`),
    schedule: (courseId: string, input: SessionInput) =>
      api.postJson<SessionDetail>(`/api/teach/courses/${seg(courseId)}/sessions`, input),
    update: (id: string, patch: SessionPatch) =>
      api.send<SessionDetail>(`/api/teach/sessions/${seg(id)}`, jsonInit('PATCH', patch)),
    remove: (id: string) => api.send<void>(`/api/teach/sessions/${seg(id)}`, { method: 'DELETE' }),
    questions: (id: string, sort: SessionQuestionSort, view: SessionQuestionView) =>
      api.getJson<SessionQuestionList>(`/api/sessions/${seg(id)}/questions?sort=${sort}&view=${view}`),
    ask: (id: string, body: string) => api.postJson<SessionQuestion>(`/api/sessions/${seg(id)}/questions`, { body }),
    vote: (id: string, question: string, up: boolean) =>
      api.send<SessionVoteResult>(`${q(id, question)}/votes`, { method: up ? 'POST' : 'DELETE' }),
    moderate: (id: string, question: string, action: SessionModerationAction, answer?: string) =>
      api.postJson<SessionQuestion>(
        `${q(id, question)}/moderation`,
        answer === undefined ? { action } : { action, answer },
      ),
    bans: (id: string) => api.getJson<SessionBanList>(`/api/sessions/${seg(id)}/bans`),
    ban: (id: string, userId: string) => api.postJson<SessionBanResult>(`/api/sessions/${seg(id)}/bans`, { userId }),
    unban: (id: string, userId: string) =>
      api.send<SessionBanResult>(`/api/sessions/${seg(id)}/bans/${seg(userId)}`, { method: 'DELETE' }),
    /** Saves the session's .ics (the token goes along: the route is for participants). */
    calendar: (s: Pick<SessionSummary, 'id' | 'course'>) =>
      downloadFile(api, `/api/sessions/${seg(s.id)}/session.ics`, `${s.course.slug}.ics`, (code, status) =>
        status === 404 ? 'We could not find that session.' : `The calendar file could not be downloaded (${code}).`,
      ),
  };
}

export type SessionsApi = ReturnType<typeof sessionsApi>;

/** The session page's address. */
export function sessionHref(courseSlug: string, sessionId: string): string {
  return `/learn/${encodeURIComponent(courseSlug)}/sessions/${encodeURIComponent(sessionId)}`;
}

export type SessionPhase = 'live' | 'upcoming' | 'ended';

/** Where a session stands now: live (the API's `live`), ended (status ended, or past its end) or upcoming. */
export function sessionPhase(s: Pick<SessionSummary, 'live' | 'status' | 'endsAt'>, now = new Date()): SessionPhase {
  if (s.live) return 'live';
  if (s.status === 'ended' || new Date(s.endsAt).getTime() <= now.getTime()) return 'ended';
  return 'upcoming';
}

export const PHASE_LABELS: Record<SessionPhase, string> = { live: 'Live now', upcoming: 'Upcoming', ended: 'Ended' };

/**
 * A `datetime-local` value (local wall time, "2026-05-01T17:00") as an ISO instant, or null when
 * it is not a valid date.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An ISO instant as a `datetime-local` value in local time (minutes). */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Who is here, from a supabase-js presenceState(): one name per presence key (a person in two tabs counts once). */
export function presentNames(state: Record<string, unknown[]>): string[] {
  const names: string[] = [];
  for (const metas of Object.values(state)) {
    const first = metas.find((m) => typeof (m as { name?: unknown })?.name === 'string') as
      | { name: string }
      | undefined;
    names.push(first?.name.trim() || 'Someone');
  }
  return names.sort((a, b) => a.localeCompare(b));
}
