import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CoursePlayer } from '../../../../edge/api-types.ts';
import { formatDate, formatDuration, LESSON_TYPE_LABELS } from '../../lib/format.ts';
import { CheckIcon, CircleIcon, LockIcon } from '../Icons.tsx';

export const lessonHref = (slug: string, id: string) => `/learn/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`;

/** The course outline: sections, lessons with their completion marks, locked ones with the date they open. */
export function Curriculum(props: { player: CoursePlayer; currentId: string | null; open: boolean }) {
  const sections = () => [...props.player.sections].sort((a, b) => a.position - b.position);
  return (
    <nav
      id="course-outline"
      class="curriculum"
      aria-label="Course curriculum"
      data-open={props.open ? 'true' : 'false'}
    >
      <For each={sections()}>
        {(section) => {
          const titleId = `curriculum-section-${section.id}`;
          const done = () => section.lessons.filter((l) => l.completed).length;
          return (
            <div class="curriculum-section">
              <p class="curriculum-section-title" id={titleId}>
                {section.title}
                <span class="curriculum-section-count">
                  {done()}/{section.lessons.length}
                  <span class="sr-only"> lessons done</span>
                </span>
              </p>
              <ol aria-labelledby={titleId}>
                <For each={[...section.lessons].sort((a, b) => a.position - b.position)}>
                  {(l) => (
                    <li
                      class="curriculum-lesson"
                      classList={{ current: l.id === props.currentId, completed: l.completed, locked: !l.available }}
                    >
                      <span class="mark">
                        {l.completed ? <CheckIcon /> : !l.available ? <LockIcon /> : <CircleIcon />}
                      </span>
                      <Show
                        when={l.available}
                        fallback={
                          <span class="curriculum-locked">
                            <span class="curriculum-lesson-title">{l.title}</span>
                            <span class="small">
                              Locked{l.availableAt ? ` until ${formatDate(l.availableAt)}` : ''}
                            </span>
                          </span>
                        }
                      >
                        <A
                          href={lessonHref(props.player.course.slug, l.id)}
                          aria-current={l.id === props.currentId ? 'page' : undefined}
                        >
                          <span class="curriculum-lesson-title">{l.title}</span>
                          <span class="sr-only">{l.completed ? ', done' : ''}</span>
                          <span class="small muted-on-nav">
                            {LESSON_TYPE_LABELS[l.type]}
                            {l.durationMinutes > 0 ? ` · ${formatDuration(l.durationMinutes)}` : ''}
                          </span>
                        </A>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </div>
          );
        }}
      </For>
    </nav>
  );
}
