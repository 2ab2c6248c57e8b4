import { createSignal, type JSX, onCleanup, Show } from 'solid-js';

let firstRender = true;

/** Called once the app's first render is done: from then on, `Later` renders its children at once. */
export function firstRenderDone(): void {
  firstRender = false;
}

/**
 * Content below the first screen. During the page's first render it renders in a task of its own,
 * after the content above it: the first screen paints sooner, and no single task holds the main
 * thread for the whole page (a long task delays whatever the visitor does meanwhile). Until then
 * an empty block keeps a screen's height of room, so nothing in view moves when it arrives.
 * After the first render (moving between pages) it renders at once, with the rest.
 */
export function Later(props: { children: JSX.Element }) {
  if (!firstRender) return <>{props.children}</>;
  const [ready, setReady] = createSignal(false);
  const timer = setTimeout(() => setReady(true));
  onCleanup(() => clearTimeout(timer));
  return (
    <Show when={ready()} fallback={<div class="later" aria-hidden="true" />}>
      {props.children}
    </Show>
  );
}

/** `items` in runs of `size`: each run in its own `Later`, so a long list renders a few at a time. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
