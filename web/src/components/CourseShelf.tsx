import { A } from '@solidjs/router';
import { type Accessor, For, Show } from 'solid-js';
import type { CourseList } from '../../../edge/api-types.ts';
import type { Result } from '../lib/queries.ts';
import { Async } from './Async.tsx';
import { CourseCard } from './CourseCard.tsx';
import { SkeletonCards } from './Skeleton.tsx';

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
              <For each={list().items}>{(course) => <CourseCard course={course} />}</For>
            </div>
          </Show>
        )}
      </Async>
    </section>
  );
}
