import { createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { QueueChart } from '../../components/labs/QueueChart.tsx';
import { ErrorNotice, Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { type LabQueueStats, labsApi } from '../../lib/labs-api.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/labs.css';

/** How often the page asks again while it is visible. */
export const QUEUE_POLL_MS = 2_000;

/** The code-lab runner for admins: workers, queue depth and totals, and the last minute as a chart; refreshed every 2 s. */
export default function LabsQueuePage() {
  usePageTitle(() => 'Lab runner queue');
  return (
    <RequireAuth>
      <AdminGate title="Lab runner queue" class="container section admin labs-queue">
        <Queue />
      </AdminGate>
    </RequireAuth>
  );
}

function Queue() {
  const calls = labsApi(useApp().api);
  const [stats, setStats] = createSignal<LabQueueStats | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  let inFlight = false;
  const load = async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      setStats(await calls.queue());
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      inFlight = false;
    }
  };
  void load();
  // Poll only while the page is visible: a hidden tab asks nothing, and asks at once when shown again.
  const tick = () => {
    if (document.visibilityState === 'visible') void load();
  };
  const timer = setInterval(tick, QUEUE_POLL_MS);
  document.addEventListener('visibilitychange', tick);
  onCleanup(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', tick);
  });
  return (
    <>
      <p class="muted">
        Code-lab runs wait here for a worker process. The page refreshes every {QUEUE_POLL_MS / 1000} seconds.
      </p>
      <Switch fallback={<Loading label="Loading the queue…" />}>
        <Match when={stats()}>
          {(s) => (
            <>
              <Show when={error()}>
                <p class="notice notice-error" role="alert">
                  The last refresh failed ({errorMessage(error())}); these numbers may be out of date.
                </p>
              </Show>
              <QueueView stats={s()} />
            </>
          )}
        </Match>
        <Match when={error()}>
          <ErrorNotice error={error()} retry={() => void load()} />
        </Match>
      </Switch>
    </>
  );
}

function QueueView(props: { stats: LabQueueStats }) {
  const s = () => props.stats;
  const items = (): [string, string | number][] => [
    ['Workers', s().workers],
    ['Busy', s().busy],
    ['Queued', `${s().queued} of ${s().maxQueue}`],
    ['Completed', s().completed],
    ['Rejected', s().rejected],
    ['Crashed', s().crashed],
    ['Restarts', s().restarts],
  ];
  return (
    <>
      <dl class="queue-numbers">
        <For each={items()}>
          {([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          )}
        </For>
      </dl>
      <h2>The last minute</h2>
      <QueueChart stats={s()} />
    </>
  );
}
