import type { GoTrueClient as AuthClient, Session } from '@supabase/auth-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { PublicConfig } from '../../../edge/api-types.ts';
import { type CookieJar, createCookieStorage } from './cookie-storage.ts';

/**
 * Supabase in parts, so a page ships only what it uses.
 *
 * Auth (sign-in, sessions, recovery) is @supabase/auth-js, set up as supabase-js and @supabase/ssr's
 * browser client set it up (same endpoint, headers, storage key, PKCE, cookies), so a session saved
 * by either carries over. It is about 25 KB gzip that a visitor without a session does not need to
 * see a page: it downloads at once when the cookies hold a session (or the URL carries an auth
 * redirect), else when a page calls it (web/src/lib/auth.ts has the details). The rest of supabase-js (realtime,
 * storage, functions, PostgREST) loads on first use, with this auth client's token, so there is
 * one session and one refresh timer.
 */

/** supabase-js's default storage key: `sb-<first label of the host>-auth-token`. */
export function authStorageKey(config: Pick<PublicConfig, 'supabaseUrl'>): string {
  return `sb-${new URL(config.supabaseUrl).hostname.split('.')[0]}-auth-token`;
}

/** Parameters an auth redirect leaves in the URL for auth-js to pick up (detectSessionInUrl). */
const AUTH_REDIRECT = /[?&#](code|access_token|refresh_token|error_description)=/;

export interface LazyAuth {
  /**
   * The auth client for pages. Its methods (and those of `mfa`, `admin`…) return promises that
   * load auth-js first; `onAuthStateChange` subscribes at once and hears events from the load on.
   */
  client: AuthClient;
  /** Loads auth-js (once) and resolves with the client. */
  load(): Promise<AuthClient>;
  /** Whether a session may exist: stored in the cookies, or arriving in the URL. */
  readonly sessionLikely: boolean;
  /** Whether the cookies hold a session now (another tab may have signed in). */
  hasStoredSession(): boolean;
  /** The access token for API calls: null without loading auth-js when there is no session. */
  accessToken(): Promise<string | null>;
}

type AuthListener = Parameters<AuthClient['onAuthStateChange']>[0];

export function lazyAuth(config: PublicConfig, jar: CookieJar, url: string): LazyAuth {
  const base = config.supabaseUrl.replace(/\/+$/, '');
  const storageKey = authStorageKey(config);
  const storage = createCookieStorage(jar);
  const hasStoredSession = () => storage.getItem(storageKey) !== null;
  const sessionLikely = hasStoredSession() || AUTH_REDIRECT.test(url);

  let loading: Promise<AuthClient> | undefined;
  let loaded: AuthClient | undefined;
  const waiting = new Set<AuthListener>();
  const load = (): Promise<AuthClient> =>
    (loading ??= import('@supabase/auth-js').then(
      ({ AuthClient: GoTrue }) => {
        const client = new GoTrue({
          url: `${base}/auth/v1`,
          headers: { apikey: config.supabaseAnonKey, Authorization: `Bearer ${config.supabaseAnonKey}` },
          storageKey,
          storage,
          flowType: 'pkce',
          autoRefreshToken: true,
          persistSession: true,
          detectSessionInUrl: true,
        });
        loaded = client;
        for (const listener of waiting) subscribe(client, listener);
        waiting.clear();
        return client;
      },
      (err: unknown) => {
        loading = undefined; // a failed download may be retried
        throw err;
      },
    ));

  const subscribers = new Map<AuthListener, () => void>();
  const subscribe = (client: AuthClient, listener: AuthListener) => {
    const { data } = client.onAuthStateChange(listener);
    subscribers.set(listener, () => data.subscription.unsubscribe());
  };
  const onAuthStateChange = (listener: AuthListener) => {
    if (loaded) subscribe(loaded, listener);
    else waiting.add(listener);
    const unsubscribe = () => {
      waiting.delete(listener);
      subscribers.get(listener)?.();
      subscribers.delete(listener);
    };
    return { data: { subscription: { id: '', callback: listener, unsubscribe } } };
  };

  return {
    client: deferredClient(load, onAuthStateChange),
    load,
    sessionLikely,
    hasStoredSession,
    async accessToken() {
      if (!loading && !sessionLikely) return null;
      const { data } = await (await load()).getSession();
      return (data.session as Session | null)?.access_token ?? null;
    },
  };
}

/**
 * An AuthClient whose methods wait for the real one: `client.signUp(...)`, `client.mfa.enroll(...)`
 * load auth-js, then call it. Everything on GoTrueClient that pages call returns a promise, so the
 * wait does not show; `onAuthStateChange` (synchronous) is given separately.
 */
function deferredClient(
  load: () => Promise<AuthClient>,
  onAuthStateChange: (listener: AuthListener) => unknown,
  path: string[] = [],
): AuthClient {
  const call = async (args: unknown[]) => {
    let owner: unknown = await load();
    for (const key of path.slice(0, -1)) owner = (owner as Record<string, unknown>)[key];
    const method = (owner as Record<string, unknown>)[path[path.length - 1]!];
    if (typeof method !== 'function') throw new TypeError(`auth client has no method ${path.join('.')}`);
    return method.apply(owner, args);
  };
  return new Proxy(() => {}, {
    get(_target, key) {
      // Not a thenable (await on it must not wait for a `then` that is not there).
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (path.length === 0 && key === 'onAuthStateChange') return onAuthStateChange;
      return deferredClient(load, onAuthStateChange, [...path, key]);
    },
    apply(_target, _this, args: unknown[]) {
      return call(args);
    },
  }) as unknown as AuthClient;
}

/**
 * The full supabase-js client, loaded on first call. Sign-in stays with the auth client above (this
 * client's `auth` is disabled); its access token authorises realtime, storage and database calls.
 */
export function lazySupabase(config: PublicConfig, auth: Pick<LazyAuth, 'accessToken'>): () => Promise<SupabaseClient> {
  let client: Promise<SupabaseClient> | undefined;
  return () =>
    (client ??= import('@supabase/supabase-js').then(({ createClient }) =>
      createClient(config.supabaseUrl, config.supabaseAnonKey, { accessToken: () => auth.accessToken() }),
    ));
}
