import { createSignal, For, type JSX, Show } from 'solid-js';
import type { FaqItem } from '../pages/faq.ts';

/**
 * Questions that open to show their answers (plain text, or as `answer` renders them, e.g. markdown).
 * An answer is rendered the first time its question opens: a page with a few questions (the home
 * page's teaser) then loads no Markdown renderer until someone reads an answer. Crawlers get every
 * answer in the server's HTML (server/seo).
 */
export function FaqList(props: { items: FaqItem[]; answer?: (a: string) => JSX.Element }) {
  return <For each={props.items}>{(item) => <FaqEntry item={item} answer={props.answer} />}</For>;
}

function FaqEntry(props: { item: FaqItem; answer?: (a: string) => JSX.Element }) {
  const [opened, setOpened] = createSignal(false);
  return (
    <details class="faq-item" on:toggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{props.item.q}</summary>
      <Show when={opened()}>{props.answer ? props.answer(props.item.a) : <p>{props.item.a}</p>}</Show>
    </details>
  );
}
