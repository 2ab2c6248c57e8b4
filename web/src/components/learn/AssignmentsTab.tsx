import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { assignmentsApi, pointsText, SUBMISSION_STATUS_LABELS } from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { settle } from '../../lib/queries.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import '../../styles/assignments.css';

/** The player's Assignments tab: each assignment with its due date, the learner's status and grade. */
export function AssignmentsTab(props: { courseSlug: string }) {
  const { api } = useApp();
  const calls = assignmentsApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const list = createAsync(() => {
    attempt();
    return settle(calls.list(props.courseSlug));
  });
  return (
    <div class="assignments-tab">
      <Async
        data={list}
        fallback={<SkeletonBlock height={6} label="Loading the assignments…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(l) => (
          <Show when={l().items.length > 0} fallback={<p class="muted">This course has no assignments.</p>}>
            <ul class="assignment-list">
              <For each={l().items}>
                {(a) => (
                  <li class="assignment-row">
                    <A href={`/learn/${props.courseSlug}/assignments/${a.id}`} class="assignment-link">
                      {a.title}
                    </A>
                    <span class="muted small">
                      {a.dueAt ? `Due ${formatDateTime(a.dueAt)}` : 'No due date'}
                      {a.closed ? ' · closed' : ''}
                      {a.status === 'draft' ? ' · draft' : ''}
                    </span>
                    <Show
                      when={a.latest}
                      fallback={<span class="status-pill submission-status-none">Not submitted</span>}
                    >
                      {(s) => (
                        <span class={`status-pill submission-status-${s().status}`}>
                          {SUBMISSION_STATUS_LABELS[s().status]}
                          {s().status === 'graded' ? `: ${pointsText(s().finalPoints, a.maxPoints)}` : ''}
                        </span>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
      <p>
        <A href={`/learn/${props.courseSlug}/grades`}>See all your grades</A>
      </p>
    </div>
  );
}
