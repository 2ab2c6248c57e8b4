import type { GoTrueClient as AuthClient } from '@supabase/auth-js';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { onCleanup } from 'solid-js';

/**
 * Live updates: one private Realtime channel per topic, through supabase-js's
 * `supabase.channel()`, the same in the embedded mode and on Supabase.
 *
 * - The token goes first: `supabase.realtime.setAuth()` before every join, since a private
 *   channel is authorized by the Realtime policies as the user (realtime.messages RLS).
 * - A refreshed token is handed over at once (the joined channel gets an `access_token` push).
 * - A channel that fails, times out or is closed by the server (access lost, server restart) is
 *   dropped and joined again after a backoff (about 1 s, doubling to 30 s, with jitter); going
 *   back online retries at once. After a rejoin, `onRejoin` lets the caller fetch what it may
 *   have missed meanwhile.
 * - Nothing here imports supabase-js itself: the client comes from `load()` (the app's lazy
 *   `services.supabase`), so Realtime stays out of the entry chunk.
 */

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveOptions {
  /** The channel name without the `realtime:` prefix, e.g. `user:<uid>`. */
  topic: string;
  /** Handlers for broadcast events, by event name; each gets the message's payload. */
  on: Record<string, (payload: unknown) => void>;
  onStatus?: (status: LiveStatus) => void;
  /** Joined again after a drop: fetch whatever may have been missed. */
  onRejoin?: () => void;
  /** Presence on the same channel: `track()` is sent on every join, `onSync` gets presenceState(). */
  presence?: {
    key: string;
    track: () => Record<string, unknown>;
    onSync: (state: Record<string, unknown[]>) => void;
  };
}

export interface LiveConnection {
  close(): void;
}

const MAX_DELAY_MS = 30_000;

/** How long to wait before attempt number `attempt` (0-based): 1 s doubling to 30 s, half of it random. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(attempt, 15));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Joins `opts.topic` on `client` and keeps it joined until close(). */
export function connectLive(client: SupabaseClient, auth: AuthClient, opts: LiveOptions): LiveConnection {
  let closed = false;
  let channel: RealtimeChannel | null = null;
  let attempt = 0;
  let joinedOnce = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const status = (s: LiveStatus) => {
    if (!closed) opts.onStatus?.(s);
  };

  const drop = () => {
    const old = channel;
    channel = null;
    if (old) void client.removeChannel(old);
  };

  const retryLater = (delay = backoffDelay(attempt++)) => {
    if (closed) return;
    drop();
    status('offline');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void join(), delay);
  };

  async function join() {
    if (closed) return;
    status('connecting');
    try {
      await client.realtime.setAuth();
    } catch {
      retryLater();
      return;
    }
    if (closed) return;
    drop();
    const presence = opts.presence;
    const ch = client.channel(opts.topic, {
      config: presence ? { private: true, presence: { key: presence.key } } : { private: true },
    });
    if (presence) ch.on('presence', { event: 'sync' }, () => presence.onSync(ch.presenceState()));
    for (const [event, handler] of Object.entries(opts.on)) {
      ch.on('broadcast', { event }, (message: { payload?: unknown }) => handler(message.payload));
    }
    channel = ch;
    ch.subscribe((state) => {
      if (closed || channel !== ch) return;
      if (state === 'SUBSCRIBED') {
        attempt = 0;
        status('live');
        if (presence) void ch.track(presence.track());
        if (joinedOnce) opts.onRejoin?.();
        joinedOnce = true;
      } else {
        // CHANNEL_ERROR, TIMED_OUT or CLOSED (the server closed it: a restart, or access lost).
        retryLater();
      }
    });
  }

  // Refreshed or new tokens reach Realtime at once. Deferred: the auth callback must not call
  // Supabase itself (setAuth asks the auth client for the session).
  const { data: authListener } = auth.onAuthStateChange((event) => {
    if (event !== 'TOKEN_REFRESHED' && event !== 'SIGNED_IN') return;
    setTimeout(() => {
      if (closed) return;
      client.realtime.setAuth().catch(() => retryLater());
    }, 0);
  });

  const online = () => {
    if (closed || channel?.state === 'joined') return;
    attempt = 0;
    retryLater(0);
  };
  globalThis.addEventListener?.('online', online);

  void join();

  return {
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      globalThis.removeEventListener?.('online', online);
      authListener.subscription.unsubscribe();
      drop();
    },
  };
}

/**
 * connectLive for a component: starts once the lazy client has loaded, and closes with the
 * component (onCleanup), even if that comes first.
 */
export function useLive(load: () => Promise<SupabaseClient>, auth: AuthClient, opts: LiveOptions): void {
  let connection: LiveConnection | undefined;
  let disposed = false;
  onCleanup(() => {
    disposed = true;
    connection?.close();
  });
  opts.onStatus?.('connecting');
  load().then(
    (client) => {
      if (!disposed) connection = connectLive(client, auth, opts);
    },
    () => {
      if (!disposed) opts.onStatus?.('offline');
    },
  );
}
