import { For } from 'solid-js';
import type { WeekCount } from '../../../lib/company-stats.ts';
import { formatCount, plural } from '../../../lib/format.ts';
import { pct } from './SeatChart.tsx';

const H = 170;
const TOP = 18;
const BOTTOM = 22;

/** "Dec 29" for a `YYYY-MM-DD` week start, in UTC. */
export const weekLabel = (start: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${start}T12:00:00Z`),
  );

/** Completions per week as vertical bars (the current week last), with the same numbers as a table. */
export function CompletionsChart(props: { weeks: WeekCount[] }) {
  const max = () => Math.max(1, ...props.weeks.map((w) => w.count));
  const n = () => Math.max(1, props.weeks.length);
  const y = (n: number) => TOP + (H - TOP - BOTTOM) * (1 - n / max());
  const total = () => props.weeks.reduce((a, w) => a + w.count, 0);
  const busiest = () => props.weeks.reduce((a, w) => (w.count > a.count ? w : a), props.weeks[0]!);
  const summary = () =>
    total() === 0
      ? `No course was completed in the last ${props.weeks.length} weeks.`
      : `${plural(total(), 'course completion', 'course completions')} in the last ${props.weeks.length} weeks; the most, ${formatCount(busiest().count)}, in the week of ${weekLabel(busiest().start)}. The table below has every week.`;
  return (
    <figure class="company-chart">
      <svg class="company-svg" height={H} role="img" aria-labelledby="completions-title completions-desc">
        <title id="completions-title">Completions per week, last {props.weeks.length} weeks</title>
        <desc id="completions-desc">{summary()}</desc>
        <line class="chart-axis" x1="0" x2="100%" y1={y(0)} y2={y(0)} />
        <For each={props.weeks}>
          {(w, i) => {
            const centre = () => pct(i() + 0.5, n());
            return (
              <g>
                <rect
                  class="bar-completions"
                  x={pct(i() + 0.15, n())}
                  y={y(w.count)}
                  width={pct(0.7, n())}
                  height={y(0) - y(w.count)}
                />
                <text class="chart-value" x={centre()} y={y(w.count) - 4} text-anchor="middle">
                  {w.count > 0 ? String(w.count) : ''}
                </text>
                {/* Every third week is named under the axis (all of them in the table). */}
                <text class="chart-label" x={centre()} y={H - 5} text-anchor="middle">
                  {(props.weeks.length - 1 - i()) % 3 === 0 ? weekLabel(w.start) : ''}
                </text>
              </g>
            );
          }}
        </For>
      </svg>
      {/* The same words as the chart's description: for the eye only. */}
      <p class="small muted" aria-hidden="true">
        {summary()}
      </p>
      <details class="company-chart-table">
        <summary>Completions per week as a table</summary>
        <div class="table-scroll">
          <table class="company-table">
            <caption class="sr-only">Completions per week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">ISO week</th>
                <th scope="col">Completions</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.weeks}>
                {(w) => (
                  <tr>
                    <th scope="row">{weekLabel(w.start)}</th>
                    <td>{w.isoWeek}</td>
                    <td>{formatCount(w.count)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
