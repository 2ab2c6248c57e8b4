import { createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { TeachPayouts } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';
import { payoutsApi } from '../../lib/payouts-api.ts';
import { settle } from '../../lib/queries.ts';
import { Async } from '../Async.tsx';
import { formatAmount } from '../admin/money.ts';
import { percent } from '../admin/payouts/period.ts';
import { SkeletonBlock } from '../Skeleton.tsx';
import '../../styles/payouts.css';

const monthName = (start: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${start}T12:00:00Z`),
  );

/**
 * Teaching → Earnings & payouts: the instructor's own earnings by month over the last 12 months
 * (gross, refunds, the platform's share, theirs, paid and due) and the payouts made to them.
 */
export function PayoutsSection() {
  const calls = payoutsApi(useApp().api);
  const [attempt, setAttempt] = createSignal(0);
  const data = createAsync(() => {
    attempt();
    return settle(calls.mine());
  });
  return (
    <section aria-labelledby="payouts-heading" class="teach-payouts">
      <h2 id="payouts-heading">Earnings &amp; payouts</h2>
      <Async
        data={data}
        fallback={<SkeletonBlock height={8} label="Loading your earnings…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(d) => <Payouts data={d()} />}
      </Async>
    </section>
  );
}

function Payouts(props: { data: TeachPayouts }) {
  const rows = () => props.data.months.flatMap((m) => m.items.map((r) => ({ start: m.start, ...r })));
  return (
    <>
      <Show when={rows().length > 0} fallback={<p class="muted">No sales or refunds in the last 12 months.</p>}>
        {/* Focusable: the table may scroll sideways, and keyboard users must reach all of it. */}
        <section class="table-scroll" tabindex="0" aria-label="Your earnings by month (scrolls sideways)">
          <table class="data-table payouts-table">
            <caption class="sr-only">Your earnings by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Gross</th>
                <th scope="col">Refunds</th>
                <th scope="col">Platform share</th>
                <th scope="col">Your share</th>
                <th scope="col">Paid</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => {
                  const money = (v: number) => formatAmount(v, r.currency);
                  return (
                    <tr>
                      <th scope="row">
                        {monthName(r.start)} <span class="muted small">({r.currency})</span>
                      </th>
                      <td>{money(r.gross)}</td>
                      <td>{money(r.refunds)}</td>
                      <td>
                        {money(r.platformFee)} <span class="muted small">({percent(r.platformShareBps)})</span>
                      </td>
                      <td>{money(r.instructorShare)}</td>
                      <td>{money(r.paid)}</td>
                      <td>{money(r.due)}</td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
      <h3>Payouts</h3>
      <Show when={props.data.payouts.length > 0} fallback={<p class="muted">No payouts yet.</p>}>
        {/* Focusable: the table may scroll sideways, and keyboard users must reach all of it. */}
        <section class="table-scroll" tabindex="0" aria-label="Your payouts (scrolls sideways)">
          <table class="data-table" data-testid="my-payouts">
            <caption class="sr-only">Payouts made to you</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.data.payouts}>
                {(p) => (
                  <tr>
                    <th scope="row">
                      {p.periodStart} to {p.periodEnd}
                    </th>
                    <td>{formatAmount(p.amount, p.currency)}</td>
                    <td>{p.paidAt ? `Paid ${p.paidAt.slice(0, 10)}` : 'Pending'}</td>
                    <td>{p.reference ?? '—'}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      </Show>
    </>
  );
}
