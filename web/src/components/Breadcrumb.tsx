import { A } from '@solidjs/router';
import { For } from 'solid-js';

/** A page's trail: links to the pages above it, then the page itself (aria-current). */
export function Breadcrumb(props: { links: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        <For each={props.links}>
          {(link) => (
            <li>
              <A href={link.href}>{link.label}</A>
            </li>
          )}
        </For>
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}
