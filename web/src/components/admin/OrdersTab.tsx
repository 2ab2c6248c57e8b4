import { createSignal, For, Show } from 'solid-js';
import type { AdminOrder, AdminRefundResult, OrderStatus } from '../../../../edge/api-types.ts';
import type { AdminApi } from '../../lib/admin-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { FilterSubmit, SelectField, TextField } from './Fields.tsx';
import { formatAmount } from './money.ts';
import { RefundForm } from './RefundForm.tsx';
import { RevenueChart } from './RevenueChart.tsx';
import { useList } from './use-list.ts';

const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};
const PAGE_SIZE = 20;
const refundable = (o: AdminOrder) => o.status === 'paid' || o.status === 'partially_refunded';
const orderName = (o: AdminOrder) => o.number ?? `Order ${o.id.slice(0, 8)}`;

/** Orders of every buyer: revenue per day, a search, a status filter, pages, and refunds. */
export function OrdersTab(props: { admin: AdminApi }) {
  const { announce } = useApp();
  const [query, setQuery] = createSignal<{ q: string; status: OrderStatus | ''; page: number }>({
    q: '',
    status: '',
    page: 1,
  });
  const [q, setQ] = createSignal('');
  const [status, setStatus] = createSignal<OrderStatus | ''>('');
  const [refunding, setRefunding] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const list = useList(() => {
    const v = query();
    return props.admin.orders({ q: v.q, status: v.status || undefined, page: v.page, pageSize: PAGE_SIZE });
  });
  const revenue = useList(() => props.admin.revenue());

  const search = (e: SubmitEvent) => {
    e.preventDefault();
    setRefunding(null);
    setQuery({ q: q(), status: status(), page: 1 });
  };
  const refunded = (result: AdminRefundResult) => {
    const text = `Refunded ${formatAmount(result.refund.amount, result.refund.currency)} of ${orderName(result.order)}. Credit note ${result.creditNote.number}.`;
    setDone(text);
    announce(text);
    setRefunding(null);
    list.reload();
    revenue.reload();
  };

  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders and refunds</h2>
      <Async
        data={revenue.data}
        fallback={<SkeletonBlock height={10} label="Loading revenue…" />}
        retry={revenue.reload}
      >
        {(r) => <RevenueChart revenue={r()} />}
      </Async>
      <form class="admin-form order-search" onSubmit={search}>
        <div class="field-row">
          <TextField
            id="orders-q"
            type="search"
            label="Search orders"
            hint="Buyer name or email, company, invoice or credit note number, or order id."
            value={q()}
            onValue={setQ}
            maxLength={200}
          />
          <SelectField
            id="orders-status"
            label="Status"
            value={status()}
            onValue={(v) => setStatus(v as OrderStatus | '')}
            options={[
              { value: '', label: 'Any status' },
              ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <FilterSubmit />
        </div>
      </form>
      <Show when={done()}>
        <p class="notice notice-success refund-done">{done()}</p>
      </Show>
      <Async data={list.data} fallback={<SkeletonBlock height={10} label="Loading orders…" />} retry={list.reload}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty-state">No orders match.</p>}>
            <div class="table-scroll">
              <table class="data-table orders-table">
                <caption class="sr-only">Orders, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Placed</th>
                    <th scope="col">Buyer</th>
                    <th scope="col">Items</th>
                    <th scope="col">Total</th>
                    <th scope="col">Refunded</th>
                    <th scope="col">Status</th>
                    <th scope="col">Credit notes</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(o) => (
                      <>
                        <tr>
                          <th scope="row">{orderName(o)}</th>
                          <td>{formatDateTime(o.createdAt)}</td>
                          <td>
                            {o.buyer.name}
                            <div class="small muted">{o.buyer.email}</div>
                            <Show when={o.company}>{(c) => <div class="small muted">{c().name}</div>}</Show>
                          </td>
                          <td>{o.items.map((i) => (i.seats > 1 ? `${i.title} × ${i.seats}` : i.title)).join(', ')}</td>
                          <td>{formatAmount(o.total, o.currency)}</td>
                          <td>{o.refunded ? formatAmount(o.refunded, o.currency) : '—'}</td>
                          <td>
                            <span class={`status-pill order-status-${o.status}`}>{STATUS_LABELS[o.status]}</span>
                          </td>
                          <td>{o.creditNotes.map((n) => n.number).join(', ') || '—'}</td>
                          <td class="row-actions">
                            <Show when={refundable(o)}>
                              <button
                                type="button"
                                class="button button-small button-secondary"
                                aria-expanded={refunding() === o.id ? 'true' : 'false'}
                                aria-controls={refunding() === o.id ? `refund-${o.id}-row` : undefined}
                                onClick={() => {
                                  setDone(null);
                                  setRefunding(refunding() === o.id ? null : o.id);
                                }}
                              >
                                Refund<span class="sr-only"> {orderName(o)}</span>
                              </button>
                            </Show>
                          </td>
                        </tr>
                        <Show when={refunding() === o.id}>
                          <tr id={`refund-${o.id}-row`} class="refund-row">
                            <td colSpan={9}>
                              <RefundForm
                                admin={props.admin}
                                order={o}
                                onRefunded={refunded}
                                onCancel={() => setRefunding(null)}
                              />
                            </td>
                          </tr>
                        </Show>
                      </>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              page={page().page}
              pages={Math.max(1, Math.ceil(page().total / page().pageSize))}
              total={page().total}
              go={(n) => setQuery({ ...query(), page: n })}
            />
          </Show>
        )}
      </Async>
    </section>
  );
}

function Pager(props: { page: number; pages: number; total: number; go: (page: number) => void }) {
  return (
    <nav class="pager" aria-label="Order pages">
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page <= 1}
        onClick={() => props.go(props.page - 1)}
      >
        Previous page
      </button>
      <span>
        Page {props.page} of {props.pages} ({props.total} {props.total === 1 ? 'order' : 'orders'})
      </span>
      <button
        type="button"
        class="button button-small button-secondary"
        disabled={props.page >= props.pages}
        onClick={() => props.go(props.page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
