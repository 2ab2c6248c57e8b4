import { For } from 'solid-js';

/**
 * Placeholders that take the space of what is loading, so nothing below them moves when the
 * data arrives (layout shift). Hidden from assistive technology; the label is said once.
 */
export function SkeletonCards(props: { count: number; label?: string }) {
  return (
    <div class="skeleton-wrap">
      {props.label ? (
        <p class="sr-only" role="status">
          {props.label}
        </p>
      ) : null}
      <div class="card-grid" aria-hidden="true">
        <For each={Array.from({ length: props.count })}>
          {() => (
            <div class="course-card skeleton-card">
              <div class="cover skeleton" />
              <div class="course-card-body">
                <div class="skeleton skeleton-line skeleton-title" />
                <div class="skeleton skeleton-line" />
                <div class="skeleton skeleton-line skeleton-short" />
              </div>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}

/** A block of a fixed height (in rem), e.g. for a list whose rows are known to be about that tall. */
export function SkeletonBlock(props: { height: number; label?: string; class?: string }) {
  return (
    <div class={`skeleton-wrap ${props.class ?? ''}`}>
      {props.label ? (
        <p class="sr-only" role="status">
          {props.label}
        </p>
      ) : null}
      <div class="skeleton" aria-hidden="true" style={{ height: `${props.height}rem` }} />
    </div>
  );
}
