import { For, Show } from 'solid-js';
import type { CompanySeats } from '../../../../../edge/api-types.ts';
import type { BundleSeats } from '../../../lib/company-stats.ts';
import { formatCount } from '../../../lib/format.ts';

const ROW = 40;

/** A share of the bar's full width as an SVG length (the chart has no viewBox: text keeps its size). */
export const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;

/**
 * Seats per course as stacked horizontal bars (assigned, remaining, revoked by a refund) on one
 * scale, the largest purchase filling the row; the table below has the same numbers, and one
 * more table the seats per bundle the company assigned.
 */
export function SeatChart(props: { seats: CompanySeats[]; bundles: BundleSeats[] }) {
  const max = () => Math.max(1, ...props.seats.map((s) => s.bought));
  const used = () => props.seats.reduce((a, s) => a + s.assigned, 0);
  const bought = () => props.seats.reduce((a, s) => a + s.bought - s.revoked, 0);
  return (
    <>
      <figure class="company-chart">
        <svg
          class="company-svg"
          height={props.seats.length * ROW}
          role="img"
          aria-labelledby="seat-chart-title seat-chart-desc"
        >
          <title id="seat-chart-title">Seats used and bought per course</title>
          <desc id="seat-chart-desc">
            {`${formatCount(used())} of ${formatCount(bought())} seats in ${formatCount(props.seats.length)} courses are assigned. The table below lists every course.`}
          </desc>
          <For each={props.seats}>
            {(s, i) => {
              const y = () => i() * ROW;
              return (
                <g>
                  <text class="chart-label" x="0" y={y() + 14}>
                    {clip(s.courseTitle, 30)}
                  </text>
                  <text class="chart-value" x="100%" y={y() + 14} text-anchor="end">
                    {`${s.assigned} / ${s.bought - s.revoked}`}
                  </text>
                  <rect class="bar-track" x="0" y={y() + 19} width="100%" height={14} rx={3} />
                  <rect class="bar-assigned" x="0" y={y() + 19} width={pct(s.assigned, max())} height={14} />
                  <rect
                    class="bar-remaining"
                    x={pct(s.assigned, max())}
                    y={y() + 19}
                    width={pct(s.remaining, max())}
                    height={14}
                  />
                  <rect
                    class="bar-revoked"
                    x={pct(s.assigned + s.remaining, max())}
                    y={y() + 19}
                    width={pct(s.revoked, max())}
                    height={14}
                  />
                </g>
              );
            }}
          </For>
        </svg>
        <figcaption class="chart-legend">
          <span class="legend-key legend-assigned">Assigned</span>
          <span class="legend-key legend-remaining">Remaining to assign</span>
          <span class="legend-key legend-revoked">Revoked by a refund</span>
        </figcaption>
      </figure>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Seats per course</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Bought</th>
              <th scope="col">Assigned</th>
              <th scope="col">Remaining</th>
              <th scope="col">Revoked</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.seats}>
              {(s) => (
                <tr>
                  <th scope="row">
                    <Show when={s.courseSlug} fallback={s.courseTitle}>
                      {(slug) => <a href={`/courses/${encodeURIComponent(slug())}`}>{s.courseTitle}</a>}
                    </Show>
                  </th>
                  <td>{formatCount(s.bought)}</td>
                  <td>{formatCount(s.assigned)}</td>
                  <td>{formatCount(s.remaining)}</td>
                  <td>{formatCount(s.revoked)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.bundles.length > 0}>
        <h4 class="company-subhead">Seats per bundle</h4>
        <p class="small muted">
          A bundle takes one seat in each of its courses: it has as many as its scarcest course.
        </p>
        <div class="table-scroll">
          <table class="company-table">
            <caption class="sr-only">Seats per bundle</caption>
            <thead>
              <tr>
                <th scope="col">Bundle</th>
                <th scope="col">Courses</th>
                <th scope="col">Bought</th>
                <th scope="col">Assigned</th>
                <th scope="col">Remaining</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.bundles}>
                {(b) => (
                  <tr>
                    <th scope="row">
                      <Show when={b.slug} fallback={b.title}>
                        {(slug) => <a href={`/bundles/${encodeURIComponent(slug())}`}>{b.title}</a>}
                      </Show>
                    </th>
                    <td>{formatCount(b.courses)}</td>
                    <td>{formatCount(b.bought)}</td>
                    <td>{formatCount(b.assigned)}</td>
                    <td>{formatCount(b.remaining)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}

/** A label that fits the chart's label column (the table has the full title). */
export function clip(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
