import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { sessionsApi } from '../../lib/sessions-api.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { SessionList } from './SessionList.tsx';

/** The player's "Live sessions" tab: the course's sessions (GET /api/courses/:slug/sessions), linked to each. */
export function SessionsTab(props: { slug: string }) {
  const { api } = useApp();
  const calls = sessionsApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const list = createAsync(() => {
    attempt();
    return settle(calls.forCourse(props.slug));
  });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Live sessions</h2>
      <Async
        data={list}
        fallback={<SkeletonBlock height={6} label="Loading the sessions…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(l) => (
          <Show
            when={l().items.length > 0}
            fallback={<p class="muted">No live sessions are scheduled for this course.</p>}
          >
            <SessionList sessions={l().items} />
          </Show>
        )}
      </Async>
    </section>
  );
}
