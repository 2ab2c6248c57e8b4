import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext, useContext, type Accessor } from 'solid-js';
import type { PublicConfig } from '../../../edge/api-types.ts';
import type { Api } from './api.ts';
import type { Auth } from './auth.ts';

export interface AppServices {
  config: PublicConfig;
  supabase: SupabaseClient;
  api: Api;
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
