import { A } from '@solidjs/router';
import { type Accessor, For, Show } from 'solid-js';
import type { CourseList } from '../../../edge/api-types.ts';
import type { Result } from '../lib/queries.ts';
import { Async } from './Async.tsx';
import { CourseCard } from './CourseCard.tsx';
import { inChunks, Later } from './Later.tsx';
import { SkeletonCards } from './Skeleton.tsx';

/** Cards in the first screen of a phone or a laptop: rendered with the page, the rest just after. */
const FIRST_SCREEN_CARDS = 3;

/** A titled row of course cards with a link to the full list; `id` names the heading (`${id}-title`). */
export function CourseShelf(props: {
  id: string;
  title: string;
  href: string;
  linkLabel: string;
  courses: Accessor<Result<CourseList> | undefined>;
  retry: () => void;
  loading: string;
  empty: string;
  /** How many cards the skeleton shows while loading (the page size). */
  count: number;
}) {
  const titleId = () => `${props.id}-title`;
  return (
    <section class="container section" aria-labelledby={titleId()}>
      <div class="section-head">
        <h2 id={titleId()}>{props.title}</h2>
        <A href={props.href} class="more-link">
          {props.linkLabel}
        </A>
      </div>
      <Async
        data={props.courses}
        fallback={<SkeletonCards count={props.count} label={props.loading} />}
        retry={props.retry}
      >
        {(list) => (
          <Show when={list().items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
            <div class="card-grid">
              <For each={list().items.slice(0, FIRST_SCREEN_CARDS)}>
                {(course) => <CourseCard course={course} eagerCover />}
              </For>
              {/* The rest after the first screen, a few per task (components/Later.tsx). */}
              <For each={inChunks(list().items.slice(FIRST_SCREEN_CARDS), 3)}>
                {(run) => (
                  <Later>
                    <For each={run}>{(course) => <CourseCard course={course} />}</For>
                  </Later>
                )}
              </For>
            </div>
          </Show>
        )}
      </Async>
    </section>
  );
}
