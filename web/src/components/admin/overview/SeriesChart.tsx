import { createEffect, createSignal, For, onCleanup, onMount } from 'solid-js';
import type uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  color: string;
  values: number[];
  /** Dashed, for a series that sits on top of others (net). */
  dash?: boolean;
}

/** "Nov 23" for an ISO date, without shifting it across time zones. */
export const shortDay = (date: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

const HEIGHT = 220;

/**
 * A line chart drawn by uPlot (loaded on first use, so only admin pages pay for it) that follows
 * its container's width, with the same numbers in a table behind a disclosure for anyone the
 * picture does not serve.
 */
export function SeriesChart(props: {
  id: string;
  title: string;
  /** One sentence on what the chart shows, read out instead of the picture. */
  summary: string;
  starts: string[];
  series: ChartSeries[];
  format: (value: number) => string;
  /** The first column's heading in the table. */
  bucketLabel: string;
}) {
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;
  const [failed, setFailed] = createSignal(false);

  const data = (): uPlot.AlignedData => [
    props.starts.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000),
    ...props.series.map((s) => s.values),
  ];

  onMount(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    (async () => {
      const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      if (disposed) return;
      const format = props.format;
      plot = new UPlot(
        {
          width: Math.max(200, host.clientWidth),
          height: HEIGHT,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          axes: [
            { stroke: 'currentColor', grid: { stroke: 'rgba(128,128,128,0.2)' } },
            {
              stroke: 'currentColor',
              grid: { stroke: 'rgba(128,128,128,0.2)' },
              size: 72,
              values: (_u, ticks) => ticks.map((t) => format(t)),
            },
          ],
          series: [
            { label: 'Date' },
            ...props.series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: 2,
              dash: s.dash ? [6, 4] : undefined,
              points: { show: props.starts.length <= 60 },
            })),
          ],
        },
        data(),
        host,
      );
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, host.clientWidth), height: HEIGHT }));
      observer.observe(host);
    })().catch(() => setFailed(true));
    onCleanup(() => {
      disposed = true;
      observer?.disconnect();
      plot?.destroy();
      plot = undefined;
    });
  });

  createEffect(() => {
    const next = data();
    plot?.setData(next);
  });

  return (
    <figure class="overview-chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>
        <strong>{props.title}</strong>
      </figcaption>
      <ul class="overview-legend">
        <For each={props.series}>
          {(s) => (
            <li>
              <span
                class="overview-swatch"
                classList={{ dashed: !!s.dash }}
                style={{ 'border-color': s.color }}
                aria-hidden="true"
              />
              {s.label}
            </li>
          )}
        </For>
      </ul>
      <div
        ref={host}
        class="overview-plot"
        role="img"
        aria-label={`${props.title}. ${props.summary} The table below has every value.`}
        data-testid={`${props.id}-plot`}
      />
      {failed() ? <p class="muted small">The chart could not be drawn; the table has the numbers.</p> : null}
      <details class="overview-table">
        <summary>Show {props.title.toLowerCase()} as a table</summary>
        <div class="table-scroll">
          <table class="data-table">
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.bucketLabel}</th>
                <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.starts}>
                {(start, i) => (
                  <tr>
                    <th scope="row">{shortDay(start)}</th>
                    <For each={props.series}>{(s) => <td>{props.format(s.values[i()] ?? 0)}</td>}</For>
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
