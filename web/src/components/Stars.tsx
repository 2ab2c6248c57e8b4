import { Show } from 'solid-js';
import { plural } from '../lib/format.ts';

/** An average rating as five stars, read out as text ("Rated 4.6 out of 5, 120 ratings"). */
export function Stars(props: { average: number; count: number }) {
  const avg = () => Math.max(0, Math.min(5, props.average));
  const rounded = () => Math.round(avg() * 10) / 10;
  return (
    <Show
      when={props.count > 0}
      fallback={<span class="rating rating-none">No ratings yet</span>}
    >
      <span class="rating">
        <span class="rating-value" aria-hidden="true">
          {rounded().toFixed(1)}
        </span>
        <span class="stars" aria-hidden="true" style={{ '--rating': String(avg()) }}>
          ★★★★★
        </span>
        <span class="rating-count" aria-hidden="true">
          ({props.count.toLocaleString('en-US')})
        </span>
        <span class="sr-only">
          Rated {rounded().toFixed(1)} out of 5, {plural(props.count, 'rating', 'ratings')}
        </span>
      </span>
    </Show>
  );
}
