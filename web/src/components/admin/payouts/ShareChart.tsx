import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type uPlot from 'uplot';

const HEIGHT = 220;

/**
 * Each instructor's share of one currency as bars, drawn by uPlot (loaded on first use, as the
 * Overview's charts are). The table beside it holds the same numbers for anyone the picture does
 * not serve; the picture's label sums it up.
 */
export function ShareChart(props: {
  currency: string;
  bars: { name: string; value: number }[];
  format: (minor: number) => string;
}) {
  let host!: HTMLDivElement;
  let plot: uPlot | undefined;
  const [failed, setFailed] = createSignal(false);
  const data = (): uPlot.AlignedData => [props.bars.map((_, i) => i), props.bars.map((b) => Math.max(0, b.value))];
  const summary = () => {
    const top = props.bars[0];
    return top
      ? `${props.bars.length} instructors; the largest share is ${top.name}'s, ${props.format(top.value)}.`
      : 'No instructor earned anything in this period.';
  };

  onMount(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    (async () => {
      const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      if (disposed) return;
      const names = () => props.bars.map((b) => b.name);
      const format = props.format;
      plot = new UPlot(
        {
          width: Math.max(200, host.clientWidth),
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: {
            x: { time: false, range: () => [-0.5, Math.max(0.5, names().length - 0.5)] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
          },
          axes: [
            {
              stroke: 'currentColor',
              grid: { show: false },
              splits: () => names().map((_, i) => i),
              values: (_u, ticks) => ticks.map((t) => (names()[t] ?? '').slice(0, 18)),
            },
            {
              stroke: 'currentColor',
              grid: { stroke: 'rgba(128,128,128,0.2)' },
              size: 72,
              values: (_u, ticks) => ticks.map((t) => format(t)),
            },
          ],
          series: [
            { label: 'Instructor' },
            {
              label: `Instructor share (${props.currency})`,
              stroke: '#2f6fdf',
              fill: 'rgba(47,111,223,0.55)',
              paths: UPlot.paths.bars?.({ size: [0.6, 64] }),
              points: { show: false },
            },
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
    <figure class="overview-chart" aria-labelledby="payout-chart-caption">
      <figcaption id="payout-chart-caption">
        <strong>Instructor shares ({props.currency})</strong>
      </figcaption>
      <div
        ref={host}
        class="overview-plot"
        role="img"
        aria-label={`Instructor shares in ${props.currency}. ${summary()} The table has every value.`}
        data-testid="payout-chart"
      />
      {failed() ? <p class="muted small">The chart could not be drawn; the table has the numbers.</p> : null}
    </figure>
  );
}
