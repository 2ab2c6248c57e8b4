import { render } from 'solid-js/web';
import type { PublicConfig } from '../../edge/api-types.ts';
import { App, loadFirstPage } from './App.tsx';
import { BootError } from './components/BootError.tsx';
import { firstRenderDone } from './components/Later.tsx';
import { fetchPublicConfig } from './lib/api.ts';
import { firstDataStore } from './lib/first-data.ts';
import { lazyAuth } from './lib/supabase.ts';
import './styles/app.css';
import './styles/prerender.css';

/**
 * Reads the public config (in the page's first data, which the host writes into index.html, or
 * from the API) and the first page's code, then renders the app. The page's data is in the same
 * block, so the first render shows it; auth-js loads beside it (web/src/lib/supabase.ts).
 */
async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const firstData = firstDataStore(document);
  // A page that fails to load its code shows the router's error boundary, as on any later visit.
  const page = loadFirstPage(location.pathname).catch(() => {});
  let config: PublicConfig;
  try {
    config = await fetchPublicConfig(firstData);
    await page;
  } catch (err) {
    root.replaceChildren();
    render(() => <BootError error={err} />, root);
    return;
  }
  // The session is kept in cookies, so it survives reloads.
  const auth = lazyAuth(config, document, location.href);
  // The host's prerendered content (for crawlers, hidden while scripts run) makes way for the app.
  root.replaceChildren();
  render(() => <App config={config} lazyAuth={auth} firstData={firstData} />, root);
  // The first route's preloads took their answers while rendering; what is left is not for later pages.
  // Later pages render whole (the first page's `Later` blocks have their timers queued before this).
  setTimeout(() => {
    firstData.drop();
    firstRenderDone();
  }, 0);
}

void boot();
