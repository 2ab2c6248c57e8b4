import { createSignal, onCleanup, Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { type LiveStatus, useLive } from '../../lib/live.ts';

/** How long to gather progress messages before reading again (a bulk change sends several). */
export const LIVE_REFRESH_MS = 600;

/**
 * The company area's live updates: joins the private topic `company:<id>` (its active admins
 * only) and calls `onProgress` once things settle after employees' progress moved (a lesson, a
 * quiz, a certificate in an assigned course), and after a rejoin (what happened meanwhile). The
 * messages only say what to read again; the pages read the report through the API. Shows whether
 * the views are live.
 */
export function LiveCompany(props: { companyId: string; onProgress: () => void }) {
  const { authClient, supabase } = useApp();
  const [status, setStatus] = createSignal<LiveStatus>('connecting');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => props.onProgress(), LIVE_REFRESH_MS);
  };
  onCleanup(() => clearTimeout(timer));
  useLive(supabase, authClient, {
    topic: `company:${props.companyId}`,
    on: { progress: soon },
    onStatus: setStatus,
    onRejoin: soon,
  });
  return (
    <p class={`company-live company-live-${status()}`} role="status">
      <Show when={status() === 'live'} fallback={status() === 'offline' ? 'Live updates paused: reconnecting…' : ''}>
        <span class="company-live-dot" aria-hidden="true" /> Live: progress updates as your people learn
      </Show>
    </p>
  );
}
