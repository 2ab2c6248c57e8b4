import { createUniqueId, For } from 'solid-js';
import type { Score } from '../../lib/assignments-api.ts';

const BAR = 22;
const GAP = 10;
const LABEL_WIDTH = 220;
const CHART_WIDTH = 300;

/**
 * Horizontal bars of scores in percent, as inline SVG with a title and a description that
 * reads out every value (the tables beside it hold the same figures).
 */
export function ScoreChart(props: { scores: Score[]; title: string }) {
  const id = createUniqueId();
  const height = () => props.scores.length * (BAR + GAP) + GAP;
  const desc = () => props.scores.map((s) => `${s.label}: ${Math.round(s.percent)}%`).join('; ');
  const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);
  return (
    <svg
      class="score-chart"
      viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 50} ${height()}`}
      role="img"
      aria-labelledby={`chart-title-${id} chart-desc-${id}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`chart-title-${id}`}>{props.title}</title>
      <desc id={`chart-desc-${id}`}>{desc()}</desc>
      <For each={props.scores}>
        {(s, i) => {
          const y = () => GAP + i() * (BAR + GAP);
          const pct = () => Math.max(0, Math.min(100, s.percent));
          return (
            <g>
              <text x={0} y={y() + BAR * 0.7} class="score-label">
                {short(s.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y()} width={CHART_WIDTH} height={BAR} class="score-track" rx={3} />
              <rect
                x={LABEL_WIDTH}
                y={y()}
                width={(CHART_WIDTH * pct()) / 100}
                height={BAR}
                class={`score-bar score-bar-${s.kind}`}
                rx={3}
              />
              <text x={LABEL_WIDTH + CHART_WIDTH + 6} y={y() + BAR * 0.7} class="score-value">
                {Math.round(pct())}%
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}
