import { createUniqueId, For } from 'solid-js';
import { plural } from '../../lib/format.ts';
import { distributionBars } from '../../lib/reviews-api.ts';

/** The rating distribution as a bar chart (SVG with a title and a description that reads out every count). */
export function RatingChart(props: { distribution: number[] }) {
  const id = createUniqueId();
  const bars = () => distributionBars(props.distribution);
  const desc = () =>
    bars()
      .map((b) => `${plural(b.stars, 'star', 'stars')}: ${b.count}`)
      .join(', ');
  const ROW = 22;
  return (
    <svg
      class="rating-chart"
      viewBox={`0 0 300 ${ROW * 5}`}
      width="300"
      height={ROW * 5}
      role="img"
      aria-labelledby={`rc-title-${id} rc-desc-${id}`}
    >
      <title id={`rc-title-${id}`}>How learners rated this course</title>
      <desc id={`rc-desc-${id}`}>{desc()}</desc>
      <For each={bars()}>
        {(b, i) => (
          <g transform={`translate(0 ${i() * ROW})`}>
            <text x="0" y="15" class="rating-chart-label">
              {b.stars} ★
            </text>
            <rect x="40" y="5" width="200" height="12" rx="3" class="rating-chart-track" />
            <rect x="40" y="5" width={Math.round(200 * b.share)} height="12" rx="3" class="rating-chart-bar" />
            <text x="250" y="15" class="rating-chart-count">
              {Math.round(b.share * 100)}%
            </text>
          </g>
        )}
      </For>
    </svg>
  );
}
