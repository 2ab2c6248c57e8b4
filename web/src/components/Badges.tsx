import { For, Show } from 'solid-js';
import type { Badge } from '../../../edge/api-types.ts';

const LABELS: Record<Badge, string> = { popular: 'Popular', new: 'New', free: 'Free' };

export function Badges(props: { badges: Badge[] }) {
  return (
    <Show when={props.badges.length > 0}>
      <ul class="badges" aria-label="Highlights">
        <For each={props.badges}>{(b) => <li class={`badge badge-${b}`}>{LABELS[b]}</li>}</For>
      </ul>
    </Show>
  );
}
