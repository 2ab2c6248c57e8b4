import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CompanyDashboard, CompanyOrder } from '../../../../../edge/api-types.ts';
import { formatCount, formatDate, formatMoney } from '../../../lib/format.ts';

export const ORDER_STATUS_LABELS: Record<CompanyOrder['status'], string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

/** Per currency, what the company's paid orders cost and what was refunded. */
export function BillingTotals(props: { totals: CompanyDashboard['totals'] }) {
  return (
    <ul class="stat-grid company-stats" aria-label="Totals">
      <li class="stat">
        <span class="stat-value">{formatCount(props.totals.orders)}</span>
        <span class="stat-label">Orders</span>
      </li>
      <For each={props.totals.spent}>
        {(s) => (
          <>
            <li class="stat">
              <span class="stat-value">{formatMoney({ amount: s.paid, currency: s.currency })}</span>
              <span class="stat-label">Paid ({s.currency})</span>
            </li>
            <li class="stat">
              <span class="stat-value">{formatMoney({ amount: s.refunded, currency: s.currency })}</span>
              <span class="stat-label">Refunded ({s.currency})</span>
            </li>
          </>
        )}
      </For>
    </ul>
  );
}

/** The company's orders, newest first; each opens its order page, where invoices and credit notes download as PDFs. */
export function CompanyOrders(props: { orders: CompanyOrder[] }) {
  return (
    <Show when={props.orders.length > 0} fallback={<p>No orders yet.</p>}>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Your company's orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Items</th>
              <th scope="col">Seats</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.orders}>
              {(o) => (
                <tr>
                  <th scope="row">
                    <A href={`/orders/${encodeURIComponent(o.id)}`}>{o.number ?? `Order ${o.id.slice(0, 8)}`}</A>
                  </th>
                  <td>{formatDate(o.createdAt)}</td>
                  <td>{o.title}</td>
                  <td>{formatCount(o.seats)}</td>
                  <td>
                    <span class={`status-pill order-status-${o.status}`}>{ORDER_STATUS_LABELS[o.status]}</span>
                  </td>
                  <td>{formatMoney({ amount: o.total, currency: o.currency })}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
