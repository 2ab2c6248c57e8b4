import type { GoTrueClient as AuthClient } from '@supabase/auth-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import { type Accessor, createContext, useContext } from 'solid-js';
import type { PublicConfig } from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import type { Auth } from './auth.ts';
import type { Queries } from './queries.ts';

export interface AppServices {
  config: PublicConfig;
  /** Supabase Auth (sign-in, sign-up, recovery): the part of supabase-js every page needs. */
  authClient: AuthClient;
  /** The full supabase-js client (realtime, storage), downloaded on first use. */
  supabase: () => Promise<SupabaseClient>;
  api: Api;
  /** The pages' data, cached and preloaded with their routes. */
  queries: Queries;
  auth: Auth;
  /** Says a short message to screen readers through the page's polite live region. */
  announce: (message: string) => void;
  /** The current live-region text (rendered once, by the layout). */
  liveMessage: Accessor<string>;
}

export const AppContext = createContext<AppServices>();

export function useApp(): AppServices {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp() outside <AppContext.Provider>');
  return ctx;
}
