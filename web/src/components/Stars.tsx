import { createUniqueId, Show } from 'solid-js';
import { formatCount, plural } from '../lib/format.ts';

/** Five stars side by side as one path (a star every 20 units), one element per rating. */
const FIVE_STARS = [0, 20, 40, 60, 80]
  .map((x) => `M${10 + x} 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L${10 + x} 14.9l-5.2 2.8 1-5.9L${1.5 + x} 7.7l5.9-.8z`)
  .join('');

/** An average rating as five stars (a drawing), read out as text ("Rated 4.6 out of 5, 120 ratings"). */
export function Stars(props: { average: number; count: number }) {
  const id = createUniqueId();
  const avg = () => Math.max(0, Math.min(5, props.average));
  const rounded = () => (Math.round(avg() * 10) / 10).toFixed(1);
  const fill = () => `${(avg() / 5) * 100}%`;
  return (
    <Show when={props.count > 0} fallback={<span class="rating rating-none">No ratings yet</span>}>
      <span class="rating">
        <span class="rating-value" aria-hidden="true">
          {rounded()}
        </span>
        <svg class="stars" viewBox="0 0 100 20" width="80" height="16" aria-hidden="true">
          <defs>
            <linearGradient id={`stars-${id}`} gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="100" y2="0">
              <stop offset={fill()} stop-color="#b45309" />
              <stop offset={fill()} stop-color="#c4c9d2" />
            </linearGradient>
          </defs>
          <path d={FIVE_STARS} fill={`url(#stars-${id})`} />
        </svg>
        <span class="rating-count" aria-hidden="true">
          ({formatCount(props.count)})
        </span>
        <span class="sr-only">
          Rated {rounded()} out of 5, {plural(props.count, 'rating', 'ratings')}
        </span>
      </span>
    </Show>
  );
}
