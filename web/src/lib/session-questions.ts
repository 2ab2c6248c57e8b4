import type { SessionQuestion, SessionQuestionSort } from '../../../edge/api-types.ts';

/**
 * The session page's question list, kept by id: what a live `question` or `question_removed`
 * message does to it, the two orders, and the caller's votes. Pure, so it is tested alone.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A broadcast's payload as a question, or null when it is not one (never trust the wire). */
export function toQuestion(payload: unknown): SessionQuestion | null {
  if (!isRecord(payload)) return null;
  const p = payload;
  if (
    typeof p.id !== 'string' ||
    typeof p.sessionId !== 'string' ||
    typeof p.body !== 'string' ||
    typeof p.status !== 'string' ||
    typeof p.votes !== 'number' ||
    typeof p.createdAt !== 'string' ||
    !['pending', 'visible', 'hidden'].includes(p.status)
  ) {
    return null;
  }
  const author = isRecord(p.author) && typeof p.author.id === 'string' ? p.author : null;
  return {
    id: p.id,
    sessionId: p.sessionId,
    author: author ? { id: String(author.id), name: typeof author.name === 'string' ? author.name : '' } : null,
    body: p.body,
    status: p.status as SessionQuestion['status'],
    pinned: p.pinned === true,
    answered: p.answered === true,
    answer: typeof p.answer === 'string' ? p.answer : null,
    answeredAt: typeof p.answeredAt === 'string' ? p.answeredAt : null,
    votes: p.votes,
    createdAt: p.createdAt,
    mine: p.mine === true,
  };
}

/** The id of a `question_removed` payload, or null. */
export function removedId(payload: unknown): string | null {
  return isRecord(payload) && typeof payload.id === 'string' ? payload.id : null;
}

/**
 * Applies a question message to a list: replaces the question with the same id (keeping `mine`
 * from what we had: broadcasts say false), adds a new one, or drops it when `keep` says it no
 * longer belongs in this view (e.g. the live view keeps visible questions and my own pending ones).
 */
export function applyQuestion(
  list: SessionQuestion[],
  incoming: SessionQuestion,
  keep: (q: SessionQuestion) => boolean,
): SessionQuestion[] {
  const old = list.find((q) => q.id === incoming.id);
  const merged = old ? { ...incoming, mine: old.mine || incoming.mine } : incoming;
  const rest = list.filter((q) => q.id !== incoming.id);
  return keep(merged) ? [...rest, merged] : rest;
}

/** Removes a question by id (a `question_removed` message). */
export function removeQuestion(list: SessionQuestion[], id: string): SessionQuestion[] {
  return list.some((q) => q.id === id) ? list.filter((q) => q.id !== id) : list;
}

const newest = (a: SessionQuestion, b: SessionQuestion) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/** votes: pinned first, then most votes, then newest (as the API sorts); newest: newest first. */
export function sortQuestions(list: SessionQuestion[], sort: SessionQuestionSort): SessionQuestion[] {
  const out = [...list];
  if (sort === 'newest') return out.sort(newest);
  return out.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || newest(a, b));
}

/** The caller's votes after voting (`voted`) or taking a vote back on `id`. */
export function withVote(votes: ReadonlySet<string>, id: string, voted: boolean): Set<string> {
  const next = new Set(votes);
  if (voted) next.add(id);
  else next.delete(id);
  return next;
}

/** Which questions a view lists: live = visible (and my own pending ones), queue = pending, hidden = hidden. */
export function belongsTo(view: 'live' | 'queue' | 'hidden', q: SessionQuestion): boolean {
  if (view === 'queue') return q.status === 'pending';
  if (view === 'hidden') return q.status === 'hidden';
  return q.status === 'visible' || (q.mine && q.status === 'pending');
}

/** The ask form's counter: "12 of 500 characters". */
export function charCount(text: string, max: number): string {
  return `${text.length} of ${max} characters`;
}

/** The longest question and answer (edge/contract/sessions.ts; the web imports types only). */
export const QUESTION_MAX = 500;
export const ANSWER_MAX = 2000;
