import { For, type JSX } from 'solid-js';
import type { FaqItem } from '../pages/faq.ts';

/** Questions that open to show their answers (plain text, or as `answer` renders them, e.g. markdown). */
export function FaqList(props: { items: FaqItem[]; answer?: (a: string) => JSX.Element }) {
  return (
    <For each={props.items}>
      {(item) => (
        <details class="faq-item">
          <summary>{item.q}</summary>
          {props.answer ? props.answer(item.a) : <p>{item.a}</p>}
        </details>
      )}
    </For>
  );
}
