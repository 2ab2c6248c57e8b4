import type { GoTrueClient as AuthClient } from '@supabase/auth-js';
import { render } from 'solid-js/web';
import type { PublicConfig } from '../../edge/api-types.ts';
import { App } from './App.tsx';
import { BootError } from './components/BootError.tsx';
import { fetchPublicConfig } from './lib/api.ts';
import { createAuthClient } from './lib/supabase.ts';
import './styles/app.css';

/** Reads the public config (preloaded by index.html), creates the auth client, then renders the app. */
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  let config: PublicConfig;
  let authClient: AuthClient;
  try {
    config = await fetchPublicConfig();
    // The session is kept in cookies, so it survives reloads.
    authClient = createAuthClient(config);
  } catch (err) {
    render(() => <BootError error={err} />, root);
    return;
  }
  render(() => <App config={config} authClient={authClient} />, root);
}

void boot();
