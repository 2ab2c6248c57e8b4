import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { OrderSummary } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { amountText, commerceApi, ORDER_KIND_LABELS, ORDER_STATUS_LABELS } from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { formatDate } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/checkout.css';

/** The buyer's orders (and their companies'): status, totals and the invoice of each paid one. */
export default function OrdersPage() {
  usePageTitle(() => 'Orders');
  return (
    <RequireAuth>
      <OrdersView />
    </RequireAuth>
  );
}

function OrdersView() {
  const { api } = useApp();
  const shop = commerceApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const orders = createAsync(() => {
    attempt();
    return settle(shop.orders());
  });
  return (
    <div class="container section orders">
      <h1>Orders</h1>
      <p class="muted">Your purchases and invoices.</p>
      <Async
        data={orders}
        fallback={<SkeletonBlock height={12} label="Loading your orders…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(list) => (
          <Show
            when={list().items.length > 0}
            fallback={
              <div class="empty-state">
                <p>You have no orders yet.</p>
                <A href="/courses" class="button button-primary">
                  Browse courses
                </A>
              </div>
            }
          >
            <div class="table-scroll">
              <table class="order-table">
                <caption class="sr-only">Your orders</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Items</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="num">
                      Total
                    </th>
                    <th scope="col">Invoice</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list().items}>{(order) => <OrderRow order={order} />}</For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Async>
    </div>
  );
}

function statusPill(status: OrderSummary['status']) {
  return <span class={`status-pill order-status-${status}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

function OrderRow(props: { order: OrderSummary }) {
  const { api } = useApp();
  const shop = commerceApi(api);
  const o = () => props.order;
  const download = createAction(async () => {
    await shop.downloadInvoice({ orderId: o().id }, `${o().number}.pdf`);
  });
  return (
    <tr>
      <th scope="row">
        <A href={`/orders/${o().id}`}>Order of {formatDate(o().createdAt)}</A>
        <span class="muted small block">{ORDER_KIND_LABELS[o().kind]}</span>
      </th>
      <td>
        {o()
          .items.map((i) => (i.seats > 1 ? `${i.title} (${i.seats} seats)` : i.title))
          .join(', ')}
      </td>
      <td>{statusPill(o().status)}</td>
      <td class="num">{amountText(o().total, o().currency)}</td>
      <td>
        <Show when={o().number} fallback={<span class="muted">—</span>}>
          {(number) => (
            <>
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => download.run()}
                disabled={download.busy()}
              >
                Download invoice {number()}
              </button>
              <ErrorMessage message={download.error()} />
            </>
          )}
        </Show>
      </td>
    </tr>
  );
}
