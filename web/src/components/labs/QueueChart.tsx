import { For } from 'solid-js';
import type { LabQueueStats } from '../../lib/labs-api.ts';

const W = 600;
const H = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** The chart's points for one series: x by sample index (oldest left), y against the chart's top value. */
export function queuePoints(values: number[], top: number, slots = 60): string {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const offset = slots - values.length;
  return values
    .map((v, i) => {
      const x = PAD.left + ((offset + i) / Math.max(1, slots - 1)) * innerW;
      const y = PAD.top + innerH - (Math.min(v, top) / top) * innerH;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/**
 * Queued and busy runs over the last minute (one sample a second), as an SVG line chart with a
 * title and a description, and the same numbers in a table for those who do not see the chart.
 */
export function QueueChart(props: { stats: LabQueueStats }) {
  const recent = () => props.stats.recent.slice(-60);
  const top = () => Math.max(1, props.stats.workers, ...recent().map((s) => Math.max(s.queued, s.busy)));
  const peak = (key: 'queued' | 'busy') => Math.max(0, ...recent().map((s) => s[key]));
  const desc = () =>
    `Over the last ${recent().length} seconds: at most ${peak('queued')} queued and ${peak('busy')} busy of ${props.stats.workers} workers. Now ${props.stats.queued} queued, ${props.stats.busy} busy.`;
  const time = (iso: string) => new Date(iso).toLocaleTimeString('en', { hour12: false });
  return (
    <figure class="queue-figure">
      <svg
        class="queue-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="queue-chart-title queue-chart-desc"
      >
        <title id="queue-chart-title">Lab runs queued and busy, last minute</title>
        <desc id="queue-chart-desc">{desc()}</desc>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="currentColor" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="currentColor" />
        <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" font-size="12" fill="currentColor">
          {top()}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom} text-anchor="end" font-size="12" fill="currentColor">
          0
        </text>
        <text x={PAD.left} y={H - 8} font-size="12" fill="currentColor">
          60 s ago
        </text>
        <text x={W - PAD.right} y={H - 8} text-anchor="end" font-size="12" fill="currentColor">
          now
        </text>
        <polyline
          class="line-queued"
          fill="none"
          stroke-width="2"
          points={queuePoints(
            recent().map((s) => s.queued),
            top(),
          )}
        />
        <polyline
          class="line-busy"
          fill="none"
          stroke-width="2"
          points={queuePoints(
            recent().map((s) => s.busy),
            top(),
          )}
        />
      </svg>
      <figcaption>
        <ul class="queue-legend">
          <li>
            <span class="swatch" aria-hidden="true" />
            Queued (solid line)
          </li>
          <li>
            <span class="swatch swatch-busy" aria-hidden="true" />
            Busy workers (dashed line)
          </li>
        </ul>
      </figcaption>
      <details>
        <summary>The numbers behind the chart</summary>
        <div class="table-scroll">
          <table class="data-table">
            <caption class="sr-only">Queued and busy runs, one sample a second</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Queued</th>
                <th scope="col">Busy</th>
              </tr>
            </thead>
            <tbody>
              <For each={[...recent()].reverse()}>
                {(s) => (
                  <tr>
                    <th scope="row">{time(s.at)}</th>
                    <td>{s.queued}</td>
                    <td>{s.busy}</td>
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
