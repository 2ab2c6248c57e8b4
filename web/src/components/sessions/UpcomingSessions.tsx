import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { sessionsApi } from '../../lib/sessions-api.ts';
import { SessionList } from './SessionList.tsx';

/** The dashboard's "Upcoming live sessions" (GET /api/me/sessions): shown only when there are some. */
export function UpcomingSessions() {
  const { api } = useApp();
  const calls = sessionsApi(api);
  // A failure leaves the section out: the dashboard's own data is what matters there.
  const list = createAsync(() =>
    calls.mine().then(
      (l) => l.items,
      () => [],
    ),
  );
  return (
    <Show when={(list() ?? []).length > 0}>
      <section aria-labelledby="upcoming-sessions-title" class="upcoming-sessions">
        <h2 id="upcoming-sessions-title">Upcoming live sessions</h2>
        <SessionList sessions={list() ?? []} showCourse />
      </section>
    </Show>
  );
}
