import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDateTime, formatDuration } from '../../lib/format.ts';
import { PHASE_LABELS, type SessionSummary, sessionHref, sessionPhase } from '../../lib/sessions-api.ts';
import '../../styles/sessions.css';

/** Sessions as a list of links to their pages, with time, duration and state; `showCourse` adds the course. */
export function SessionList(props: { sessions: SessionSummary[]; showCourse?: boolean }) {
  return (
    <ul class="player-list session-list">
      <For each={props.sessions}>
        {(s) => (
          <li class="player-list-item">
            <span class="player-list-title">
              <A href={sessionHref(s.course.slug, s.id)}>{s.title}</A>
            </span>
            <span class="small muted">
              <Show when={props.showCourse}>{s.course.title} · </Show>
              <time datetime={s.startsAt}>{formatDateTime(s.startsAt)}</time> · {formatDuration(s.durationMinutes)}
            </span>
            <span class={`status-pill session-phase-${sessionPhase(s)}`}>{PHASE_LABELS[sessionPhase(s)]}</span>
          </li>
        )}
      </For>
    </ul>
  );
}
