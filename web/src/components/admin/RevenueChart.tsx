import { createSignal, For, Show } from 'solid-js';
import type { AdminRevenue } from '../../../../edge/api-types.ts';
import { formatAmount } from './money.ts';

const W = 640;
const H = 180;
const PAD = { top: 8, right: 0, bottom: 1, left: 0 };

/** "Nov 23" for an ISO date, without shifting it across time zones. */
const shortDay = (date: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

/**
 * Paid and refunded per day over the last 30 days, as bars side by side (one currency at a time),
 * with the same numbers as a table for anyone the picture does not serve.
 */
export function RevenueChart(props: { revenue: AdminRevenue }) {
  const [currency, setCurrency] = createSignal<string | null>(null);
  const series = () => props.revenue.series.find((s) => s.currency === currency()) ?? props.revenue.series[0];
  const money = (amount: number) => formatAmount(amount, series()?.currency ?? 'USD');

  return (
    <figure class="revenue" aria-labelledby="revenue-caption">
      <figcaption id="revenue-caption">
        <strong>Paid and refunded per day</strong>, last 30 days ({shortDay(props.revenue.from)} to{' '}
        {shortDay(props.revenue.to)})
      </figcaption>
      <Show when={series()} fallback={<p class="muted">No payments or refunds in the last 30 days.</p>}>
        {(s) => {
          const days = () => s().days;
          const max = () => Math.max(1, ...days().map((d) => Math.max(d.paid, d.refunded)));
          const slot = () => (W - PAD.left - PAD.right) / days().length;
          const bar = () => Math.max(1, slot() / 2 - 1);
          const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / max());
          const busiest = () => days().reduce((a, b) => (b.paid > a.paid ? b : a), days()[0]!);
          return (
            <>
              <Show when={props.revenue.series.length > 1}>
                <div class="field revenue-currency">
                  <label for="revenue-currency">Currency</label>
                  <select
                    id="revenue-currency"
                    value={s().currency}
                    onChange={(e) => setCurrency(e.currentTarget.value)}
                  >
                    <For each={props.revenue.series}>{(o) => <option value={o.currency}>{o.currency}</option>}</For>
                  </select>
                </div>
              </Show>
              <p class="revenue-totals">
                <span class="legend-item">
                  <span class="legend legend-paid" aria-hidden="true" /> Paid {money(s().paid)}
                </span>
                <span class="legend-item">
                  <span class="legend legend-refunded" aria-hidden="true" /> Refunded {money(s().refunded)}
                </span>
              </p>
              <svg
                class="revenue-chart"
                viewBox={`0 0 ${W} ${H}`}
                role="img"
                aria-labelledby="revenue-title revenue-summary"
                preserveAspectRatio="none"
              >
                <title id="revenue-title">Paid and refunded per day, last 30 days</title>
                <desc id="revenue-summary">
                  {`In ${s().currency}: ${money(s().paid)} paid and ${money(s().refunded)} refunded over 30 days; the busiest day was ${shortDay(busiest().date)} with ${money(busiest().paid)} paid. The table below has every day.`}
                </desc>
                <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
                <For each={days()}>
                  {(d, i) => {
                    const x = () => PAD.left + i() * slot();
                    return (
                      <g>
                        <rect class="bar-paid" x={x()} y={y(d.paid)} width={bar()} height={y(0) - y(d.paid)} />
                        <rect
                          class="bar-refunded"
                          x={x() + bar() + 1}
                          y={y(d.refunded)}
                          width={bar()}
                          height={y(0) - y(d.refunded)}
                        />
                      </g>
                    );
                  }}
                </For>
              </svg>
              <p class="revenue-axis small muted" aria-hidden="true">
                <span>{shortDay(props.revenue.from)}</span>
                <span>{shortDay(props.revenue.to)}</span>
              </p>
              <details class="revenue-table">
                <summary>Show the numbers as a table</summary>
                <div class="table-scroll">
                  <table class="data-table">
                    <caption class="sr-only">Paid and refunded per day in {s().currency}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Day</th>
                        <th scope="col">Paid</th>
                        <th scope="col">Refunded</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={days()}>
                        {(d) => (
                          <tr>
                            <th scope="row">{shortDay(d.date)}</th>
                            <td>{money(d.paid)}</td>
                            <td>{money(d.refunded)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          );
        }}
      </Show>
    </figure>
  );
}
