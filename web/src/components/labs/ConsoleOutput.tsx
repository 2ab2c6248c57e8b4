import { Show } from 'solid-js';

/** What the code printed (console.log and friends) during the last run, as the runner captured it. */
export function ConsoleOutput(props: { output: string | undefined; id?: string }) {
  const id = () => `${props.id ?? 'lab'}-console-title`;
  return (
    <section class="lab-console" aria-labelledby={id()}>
      <h3 id={id()}>Console output</h3>
      <Show when={props.output} fallback={<p class="muted small">Nothing printed yet.</p>}>
        {/* Focusable: the output scrolls, and keyboard users must reach all of it. */}
        <pre class="lab-console-text" tabindex="0">
          {props.output}
        </pre>
      </Show>
    </section>
  );
}
