import { createSignal, For, Show } from 'solid-js';
import type { CourseEarnings } from '../../../../edge/api-types.ts';
import { formatAmount } from '../admin/money.ts';

const ROW = 14;
const W = 640;

/**
 * Net earnings per course as horizontal bars (one currency at a time), with the same numbers in a
 * table: the picture has a title and a description, the table serves anyone it does not.
 */
export function EarningsChart(props: { items: CourseEarnings[] }) {
  const currencies = () => [...new Set(props.items.map((i) => i.currency))];
  const [picked, setPicked] = createSignal<string | null>(null);
  const currency = () => picked() ?? currencies()[0] ?? 'USD';
  const rows = () => props.items.filter((i) => i.currency === currency());
  const max = () => Math.max(1, ...rows().map((r) => r.netMinor));
  const money = (n: number) => formatAmount(n, currency());
  const total = () => rows().reduce((s, r) => s + r.netMinor, 0);

  return (
    <figure class="earnings" aria-labelledby="earnings-caption">
      <figcaption id="earnings-caption">
        <strong>Earnings by course</strong> (net of refunds, before fees)
      </figcaption>
      <Show when={props.items.length > 0} fallback={<p class="muted">No sales yet.</p>}>
        <Show when={currencies().length > 1}>
          <div class="field earnings-currency">
            <label for="earnings-currency">Currency</label>
            <select id="earnings-currency" value={currency()} onChange={(e) => setPicked(e.currentTarget.value)}>
              <For each={currencies()}>{(c) => <option value={c}>{c}</option>}</For>
            </select>
          </div>
        </Show>
        <svg class="sr-only" role="img" aria-labelledby="earnings-title earnings-desc">
          <title id="earnings-title">Net earnings per course in {currency()}</title>
          <desc id="earnings-desc">
            {`${rows().length} ${rows().length === 1 ? 'course' : 'courses'} earned ${money(total())} in all; the most, ${money(rows()[0]?.netMinor ?? 0)}, came from ${rows()[0]?.courseTitle ?? 'none'}. The table below has every course.`}
          </desc>
        </svg>
        <ol class="earnings-rows" aria-hidden="true">
          <For each={rows()}>
            {(r) => (
              <li>
                <span class="earnings-label">
                  <span>{r.courseTitle}</span> <strong>{money(r.netMinor)}</strong>
                </span>
                <svg class="earnings-bar" viewBox={`0 0 ${W} ${ROW}`} preserveAspectRatio="none">
                  <title>{r.courseTitle}</title>
                  <rect x="0" y="0" width={Math.max(2, (W * Math.max(0, r.netMinor)) / max())} height={ROW} rx="4" />
                </svg>
              </li>
            )}
          </For>
        </ol>
        <details class="earnings-table">
          <summary>Show the numbers as a table</summary>
          <div class="table-scroll">
            <table class="data-table">
              <caption class="sr-only">Earnings by course in {currency()}</caption>
              <thead>
                <tr>
                  <th scope="col">Course</th>
                  <th scope="col">Orders</th>
                  <th scope="col">Gross</th>
                  <th scope="col">Refunded</th>
                  <th scope="col">Net</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(r) => (
                    <tr>
                      <th scope="row">{r.courseTitle}</th>
                      <td>{r.orders}</td>
                      <td>{money(r.grossMinor)}</td>
                      <td>{money(r.refundedMinor)}</td>
                      <td>{money(r.netMinor)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </details>
      </Show>
    </figure>
  );
}
