import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { lessonHref } from './Curriculum.tsx';
import type { Lesson } from './LessonView.tsx';

/** The course's code labs: its lab lessons with their state. */
export function LabsTab(props: { slug: string; lessons: Lesson[] }) {
  const labs = () => props.lessons.filter((l) => l.type === 'lab');
  return (
    <section aria-labelledby="labs-title">
      <h2 id="labs-title">Code labs</h2>
      <Show when={labs().length > 0} fallback={<p>This course has no code labs.</p>}>
        <p class="muted">
          Each lab opens in the lab editor once that ships; until then, open the lab's lesson for its instructions.
        </p>
        <ul class="player-list">
          <For each={labs()}>
            {(lab) => (
              <li class="player-list-item">
                <span class="player-list-title">
                  <Show when={lab.available} fallback={lab.title}>
                    <A href={lessonHref(props.slug, lab.id)}>{lab.title}</A>
                  </Show>
                </span>
                <span class="small muted">{lab.sectionTitle}</span>
                <span class={`status-pill status-${labState(lab).key}`}>{labState(lab).label}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function labState(l: Lesson): { key: string; label: string } {
  if (l.completed) return { key: 'done', label: 'Passed' };
  if (!l.available) return { key: 'locked', label: l.availableAt ? `Opens ${formatDate(l.availableAt)}` : 'Locked' };
  return { key: 'open', label: 'Not started' };
}
