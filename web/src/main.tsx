import { createBrowserClient } from '@supabase/ssr';
import { render } from 'solid-js/web';
import type { PublicConfig } from '../../edge/api-types.ts';
import { App } from './App.tsx';
import { BootError } from './components/BootError.tsx';
import { fetchPublicConfig } from './lib/api.ts';
import './styles/app.css';

/** Reads the public config, creates the Supabase client, then renders the app. */
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  let config: PublicConfig;
  let supabase: ReturnType<typeof createBrowserClient>;
  try {
    config = await fetchPublicConfig();
    // The session is kept in cookies, so it survives reloads.
    supabase = createBrowserClient(config.supabaseUrl, config.supabaseAnonKey);
  } catch (err) {
    render(() => <BootError error={err} />, root);
    return;
  }
  render(() => <App config={config} supabase={supabase} />, root);
}

void boot();
