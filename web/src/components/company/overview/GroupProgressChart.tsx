import { For, Show } from 'solid-js';
import type { GroupProgress } from '../../../lib/company-stats.ts';
import { formatCount } from '../../../lib/format.ts';
import { clip, pct } from './SeatChart.tsx';

const ROW = 40;

/** Mean progress per group as horizontal bars on a 0–100% scale, with the same numbers as a table. */
export function GroupProgressChart(props: { groups: GroupProgress[] }) {
  const summary = () => {
    const rated = props.groups.filter((g) => g.progress !== null);
    if (rated.length === 0) return 'No group has assigned courses yet.';
    const best = rated.reduce((a, g) => (g.progress! > a.progress! ? g : a), rated[0]!);
    return `Mean progress of assigned courses in ${formatCount(props.groups.length)} groups; the highest is ${best.name} at ${best.progress}%. The table below lists every group.`;
  };
  return (
    <figure class="company-chart">
      <svg
        class="company-svg"
        height={props.groups.length * ROW}
        role="img"
        aria-labelledby="group-progress-title group-progress-desc"
      >
        <title id="group-progress-title">Mean progress by group</title>
        <desc id="group-progress-desc">{summary()}</desc>
        <For each={props.groups}>
          {(g, i) => {
            const y = () => i() * ROW;
            return (
              <g>
                <text class="chart-label" x="0" y={y() + 14}>
                  {clip(g.name, 30)}
                </text>
                <text class="chart-value" x="100%" y={y() + 14} text-anchor="end">
                  {g.progress === null ? '–' : `${g.progress}%`}
                </text>
                <rect class="bar-track" x="0" y={y() + 19} width="100%" height={14} rx={3} />
                <rect class="bar-progress" x="0" y={y() + 19} width={pct(g.progress ?? 0, 100)} height={14} />
              </g>
            );
          }}
        </For>
      </svg>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Mean progress by group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">People</th>
              <th scope="col">Assigned courses</th>
              <th scope="col">Mean progress</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.groups}>
              {(g) => (
                <tr>
                  <th scope="row">{g.name}</th>
                  <td>{formatCount(g.people)}</td>
                  <td>{formatCount(g.assignments)}</td>
                  <td>
                    <Show when={g.progress !== null} fallback={<span class="muted">No assignments</span>}>
                      {g.progress}%
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
