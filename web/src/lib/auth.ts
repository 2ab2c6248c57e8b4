import type { Session, User } from '@supabase/auth-js';
import { createStore } from 'solid-js/store';
import type { LazyAuth } from './supabase.ts';

export interface AuthUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface AuthState {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: AuthUser | null;
}

export interface Auth {
  readonly state: AuthState;
  signOut(): Promise<void>;
}

function metaString(user: User, key: string): string {
  const v = (user.user_metadata as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim() : '';
}

export function toAuthUser(user: User): AuthUser {
  const email = user.email ?? '';
  return {
    id: user.id,
    email,
    firstName: metaString(user, 'first_name') || email.split('@')[0] || '',
    lastName: metaString(user, 'last_name'),
  };
}

/**
 * The signed-in user as a Solid store, kept in step with Supabase Auth. The session itself
 * stays in the auth client (in cookies, so it survives reloads); the API client reads
 * the access token from there on every call.
 *
 * Without a session in the cookies the visitor is signed out from the first render, and auth-js
 * loads when a page calls it (sign-in, sign-up) or when another tab has signed in; with one, it
 * loads at once and the state is 'loading' until it has read the session.
 */
export function createAuth(lazy: Pick<LazyAuth, 'client' | 'load' | 'sessionLikely' | 'hasStoredSession'>): Auth {
  const client = lazy.client;
  const [state, setState] = createStore<AuthState>({
    status: lazy.sessionLikely ? 'loading' : 'signed-out',
    user: null,
  });

  const apply = (session: Session | null) => {
    const user = session ? toAuthUser(session.user) : null;
    const same =
      (state.user === null && user === null) ||
      (state.user !== null &&
        user !== null &&
        state.user.id === user.id &&
        state.user.email === user.email &&
        state.user.firstName === user.firstName &&
        state.user.lastName === user.lastName);
    const status = session ? 'signed-in' : 'signed-out';
    if (same && state.status === status) return;
    setState({ status, user });
  };

  // Fires INITIAL_SESSION once the stored session is read, then on every sign-in, sign-out,
  // refresh and user update. The callback must not await Supabase calls itself.
  client.onAuthStateChange((_event, session) => apply(session));
  if (lazy.sessionLikely) void lazy.load().catch(() => apply(null));
  else whenSessionAppears(lazy, () => void lazy.load().catch(() => {}));

  return {
    state,
    async signOut() {
      const { error } = await client.signOut();
      if (error) {
        // The server could not revoke the session; forget it locally all the same.
        await client.signOut({ scope: 'local' });
      }
      apply(null);
    },
  };
}

/**
 * Runs `load` when another tab signs in while this one has not loaded auth-js: checked when the
 * visitor comes back to this tab (the session cookie is shared), which is when it matters.
 */
function whenSessionAppears(lazy: Pick<LazyAuth, 'hasStoredSession'>, load: () => void): void {
  const check = () => {
    if (document.visibilityState !== 'visible' || !lazy.hasStoredSession()) return;
    document.removeEventListener('visibilitychange', check);
    removeEventListener('focus', check);
    load();
  };
  document.addEventListener('visibilitychange', check);
  addEventListener('focus', check);
}
