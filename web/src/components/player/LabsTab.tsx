import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { LANGUAGE_LABELS, labHref, labStanding, labsApi } from '../../lib/labs-api.ts';
import { settle } from '../../lib/queries.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import type { Lesson } from './LessonView.tsx';

/** The player's Labs tab: the course's code labs (GET /api/labs?course=) with the learner's standing, linked to each lab. */
export function LabsTab(props: { slug: string; lessons?: Lesson[] }) {
  const { api } = useApp();
  const calls = labsApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const list = createAsync(() => {
    attempt();
    return settle(calls.list(props.slug));
  });
  const lessonTitle = (id: string | null) => (id ? props.lessons?.find((l) => l.id === id)?.title : undefined);
  return (
    <section aria-labelledby="labs-title" class="labs-tab">
      <h2 id="labs-title">Code labs</h2>
      <Async
        data={list}
        fallback={<SkeletonBlock height={6} label="Loading the labs…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(labs) => (
          <Show when={labs().length > 0} fallback={<p class="muted">This course has no code labs.</p>}>
            <ul class="player-list lab-list">
              <For each={labs()}>
                {(lab) => (
                  <li class="player-list-item">
                    <span class="player-list-title">
                      <A href={labHref(props.slug, lab.slug)}>{lab.title}</A>
                    </span>
                    <span class="small muted">
                      {LANGUAGE_LABELS[lab.language]} · {lab.points} points
                      {lab.attempts > 0
                        ? ` · ${lab.attempts} ${lab.attempts === 1 ? 'submission' : 'submissions'}`
                        : ''}
                      {lab.isRequired ? '' : ' · optional'}
                      {lab.status === 'draft' ? ' · draft' : ''}
                      {lessonTitle(lab.lessonId) ? ` · in “${lessonTitle(lab.lessonId)}”` : ''}
                    </span>
                    <span class={`status-pill lab-standing-${labStanding(lab).tone}`}>{labStanding(lab).label}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
    </section>
  );
}
