import { For, Match, Switch } from 'solid-js';
import { inlineSegments } from '../../lib/quizzes-api.ts';

/**
 * Short instructor text on one line (a quiz option, a matching item): `code`, **strong** and
 * *emphasis* as elements, everything else as text. No HTML is ever parsed from it.
 */
export function InlineText(props: { text: string }) {
  return (
    <For each={inlineSegments(props.text)}>
      {(s) => (
        <Switch fallback={s.text}>
          <Match when={s.kind === 'code'}>
            <code>{s.text}</code>
          </Match>
          <Match when={s.kind === 'strong'}>
            <strong>{s.text}</strong>
          </Match>
          <Match when={s.kind === 'em'}>
            <em>{s.text}</em>
          </Match>
        </Switch>
      )}
    </For>
  );
}
