import { type GoTrueClient as AuthClient, AuthClient as GoTrue } from '@supabase/auth-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { PublicConfig } from '../../../edge/api-types.ts';
import { createCookieStorage } from './cookie-storage.ts';

/**
 * Supabase in two parts, so the first page ships only what it uses.
 *
 * Auth (sign-in, sessions, recovery) is needed on every page: @supabase/auth-js, set up as
 * supabase-js and @supabase/ssr's browser client set it up (same endpoint, headers, storage key,
 * PKCE, cookies), so a session saved by either carries over. The rest of supabase-js (realtime,
 * storage, functions, PostgREST) is about 40 KB gzip that no page uses yet: `loadSupabase()`
 * fetches it on first use and hands it this auth client's token, so there is one session and
 * one refresh timer.
 */
export function createAuthClient(config: PublicConfig): AuthClient {
  const base = config.supabaseUrl.replace(/\/+$/, '');
  return new GoTrue({
    url: `${base}/auth/v1`,
    headers: { apikey: config.supabaseAnonKey, Authorization: `Bearer ${config.supabaseAnonKey}` },
    // supabase-js's default key: `sb-<first label of the host>-auth-token`.
    storageKey: `sb-${new URL(base).hostname.split('.')[0]}-auth-token`,
    storage: createCookieStorage(document),
    flowType: 'pkce',
    autoRefreshToken: true,
    persistSession: true,
    detectSessionInUrl: true,
  });
}

/**
 * The full supabase-js client, loaded on first call. Sign-in stays with the AuthClient above (this
 * client's `auth` is disabled); its access token authorises realtime, storage and database calls.
 */
export function lazySupabase(config: PublicConfig, auth: AuthClient): () => Promise<SupabaseClient> {
  let client: Promise<SupabaseClient> | undefined;
  return () =>
    (client ??= import('@supabase/supabase-js').then(({ createClient }) =>
      createClient(config.supabaseUrl, config.supabaseAnonKey, {
        accessToken: async () => (await auth.getSession()).data.session?.access_token ?? null,
      }),
    ));
}
