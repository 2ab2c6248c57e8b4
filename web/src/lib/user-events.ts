/**
 * Events on the signed-in user's own topic (`user:<uid>`) other than notifications, handed on to
 * whichever page cares. The topic has one channel (the notification bell's): supabase-js gives a
 * second `channel()` of the same topic the same object, so a page cannot join it again.
 *
 * `session_ban` {sessionId, banned}: a moderator banned or unbanned this user in a live session.
 */

export interface SessionBanEvent {
  sessionId: string;
  banned: boolean;
}

type Listener = (e: SessionBanEvent) => void;
const listeners = new Set<Listener>();

/** The event in a `session_ban` payload, or null if it is not one (it came over a socket). */
export function toSessionBan(payload: unknown): SessionBanEvent | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.sessionId !== 'string' || typeof p.banned !== 'boolean') return null;
  return { sessionId: p.sessionId, banned: p.banned };
}

/** Called by the channel's owner with a `session_ban` payload. */
export function emitSessionBan(payload: unknown): void {
  const e = toSessionBan(payload);
  if (e) for (const l of listeners) l(e);
}

/** Listens until the returned function is called. */
export function onSessionBan(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
