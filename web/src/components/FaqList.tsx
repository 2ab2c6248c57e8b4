import { For } from 'solid-js';
import type { FaqItem } from '../pages/faq.ts';

/** Questions that open to show their answers. */
export function FaqList(props: { items: FaqItem[] }) {
  return (
    <For each={props.items}>
      {(item) => (
        <details class="faq-item">
          <summary>{item.q}</summary>
          <p>{item.a}</p>
        </details>
      )}
    </For>
  );
}
