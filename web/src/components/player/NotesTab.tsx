import { For, Show } from 'solid-js';
import type { PlayerLiveSession } from '../../../../edge/api-types.ts';
import { formatDateTime } from '../../lib/format.ts';

const STATUS: Record<PlayerLiveSession['status'], string> = {
  scheduled: 'Scheduled',
  live: 'Live now',
  ended: 'Ended',
};

/** Notes and Q&A: the course's live sessions; joining, chat and questions come with the live module. */
export function NotesTab(props: { sessions: PlayerLiveSession[] }) {
  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Live sessions and Q&amp;A</h2>
      <p class="muted">
        Ask your questions during the course's live sessions. Joining a session and the Q&amp;A board open here with the
        live module.
      </p>
      <Show when={props.sessions.length > 0} fallback={<p>No live sessions are scheduled for this course.</p>}>
        <ul class="player-list">
          <For each={props.sessions}>
            {(s) => (
              <li class="player-list-item">
                <span class="player-list-title">{s.title}</span>
                <span class="small">
                  <time datetime={s.startsAt}>{formatDateTime(s.startsAt)}</time>
                  <Show when={s.endsAt}>
                    {(end) => (
                      <>
                        {' '}
                        to <time datetime={end()}>{formatDateTime(end())}</time>
                      </>
                    )}
                  </Show>
                </span>
                <span class={`status-pill status-${s.status}`}>{STATUS[s.status]}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
