import { A, createAsync, useLocation, useParams } from '@solidjs/router';
import { createSignal, createUniqueId, For, onCleanup, onMount, Show } from 'solid-js';
import type { OrderDetail, OrderInvoice } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorMessage } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { isApiError } from '../lib/api.ts';
import {
  amountText,
  commerceApi,
  ORDER_KIND_LABELS,
  ORDER_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  refusalMessage,
} from '../lib/commerce-api.ts';
import { useApp } from '../lib/context.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { revalidateUserData, settle } from '../lib/queries.ts';
import { createAction } from '../lib/submit.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/checkout.css';

/**
 * One order (/orders/:id): its items and totals, payments, invoices and credit notes to download,
 * refunds, and the learner's refund request while the policy allows it (else why not). After a
 * gateway sends the buyer back (`?confirm=1`), it waits until the payment shows as received.
 */
export default function OrderDetailPage() {
  usePageTitle(() => 'Order');
  return (
    <RequireAuth>
      <OrderView />
    </RequireAuth>
  );
}

function OrderView() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const { api } = useApp();
  const shop = commerceApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const order = createAsync(() => {
    attempt();
    return settle(shop.order(params.id));
  });
  const confirm = () => new URLSearchParams(location.search).get('confirm') === '1';
  return (
    <div class="container section order-detail">
      <p class="breadcrumb-link">
        <A href="/orders">← All orders</A>
      </p>
      <Async
        data={order}
        fallback={
          <>
            <h1>Order</h1>
            <SkeletonBlock height={16} label="Loading the order…" />
          </>
        }
        retry={() => setAttempt((n) => n + 1)}
        error={(err) => (
          <>
            <h1>Order</h1>
            <Show
              when={isApiError(err, 'not_found', 'bad_request')}
              fallback={<ErrorMessage message={refusalMessage(err)} />}
            >
              <p>We could not find this order among yours.</p>
            </Show>
          </>
        )}
      >
        {(o) => <OrderBody initial={o()} confirm={confirm()} />}
      </Async>
    </div>
  );
}

function OrderBody(props: { initial: OrderDetail; confirm: boolean }) {
  const { api, announce } = useApp();
  const shop = commerceApi(api);
  const [order, setOrder] = createSignal(props.initial);
  const o = () => order();
  const money = (n: number) => amountText(n, o().currency);
  usePageTitle(() => (o().number ? `Order ${o().number}` : 'Order'));

  // Back from a payment gateway: wait (a little) for its confirmation to arrive.
  const [confirming, setConfirming] = createSignal(props.confirm && o().status === 'pending');
  let stopped = false;
  onCleanup(() => {
    stopped = true;
  });
  onMount(() => {
    if (!confirming()) return;
    void (async () => {
      for (let i = 0; i < 60 && !stopped; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        try {
          const next = await shop.order(o().id);
          if (next.status !== 'pending') {
            setOrder(next);
            if (next.status === 'paid') {
              await revalidateUserData();
              announce('Payment received.');
            }
            break;
          }
        } catch {
          // Retried on the next tick.
        }
      }
      setConfirming(false);
    })();
  });

  return (
    <>
      <h1>{o().number ? `Order ${o().number}` : `Order of ${formatDate(o().createdAt)}`}</h1>
      <p class="order-facts">
        <span class={`status-pill order-status-${o().status}`}>{ORDER_STATUS_LABELS[o().status]}</span>
        <span>{ORDER_KIND_LABELS[o().kind]}</span>
        <span>Placed {formatDateTime(o().createdAt)}</span>
        <Show when={o().paidAt}>{(paid) => <span>Paid {formatDateTime(paid())}</span>}</Show>
      </p>
      <Show when={confirming()}>
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          Confirming your payment…
        </p>
      </Show>
      <Show when={props.confirm && o().status === 'paid'}>
        <p class="notice notice-success" role="status">
          Payment received. <A href={o().kind === 'corporate' ? '/company' : '/dashboard'}>Go on to your courses</A>
        </p>
      </Show>
      <Show when={o().status === 'pending' && !confirming()}>
        <p class="notice notice-info">This order is waiting for its payment.</p>
      </Show>

      <section aria-labelledby="items-title">
        <h2 id="items-title">Items</h2>
        <div class="table-scroll">
          <table class="order-table">
            <caption class="sr-only">Items of this order</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" class="num">
                  Seats
                </th>
                <th scope="col" class="num">
                  Price
                </th>
                <th scope="col" class="num">
                  Discount
                </th>
                <th scope="col" class="num">
                  Tax
                </th>
                <th scope="col" class="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={o().items}>
                {(item) => (
                  <tr>
                    <th scope="row">{item.title}</th>
                    <td class="num">{item.seats}</td>
                    <td class="num">{money(item.listAmount)}</td>
                    <td class="num">{item.discountAmount > 0 ? `−${money(item.discountAmount)}` : '—'}</td>
                    <td class="num">{money(item.taxAmount)}</td>
                    <td class="num">{money(item.totalAmount)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <dl class="quote-totals order-totals">
          <div>
            <dt>List price</dt>
            <dd>{money(o().subtotal)}</dd>
          </div>
          <Show when={o().discount > 0}>
            <div class="quote-saving">
              <dt>Savings</dt>
              <dd>−{money(o().discount)}</dd>
            </div>
          </Show>
          <div>
            <dt>Tax</dt>
            <dd>{money(o().tax)}</dd>
          </div>
          <div class="quote-total">
            <dt>Total</dt>
            <dd>{money(o().total)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="payments-title">
        <h2 id="payments-title">Payments</h2>
        <ul class="record-list">
          <For each={o().payments}>
            {(p) => (
              <li>
                {PAYMENT_METHOD_LABELS[p.method]}, {money(p.amount)}: {p.status.replace('_', ' ')}
                <Show when={p.failureMessage}>{(why) => <span class="muted"> ({why()})</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">Invoices and credit notes</h2>
        <Show
          when={o().invoices.length > 0}
          fallback={<p class="muted">The invoice is issued once the order is paid.</p>}
        >
          <ul class="record-list">
            <For each={o().invoices}>{(doc) => <DocumentRow doc={doc} currency={o().currency} />}</For>
          </ul>
        </Show>
      </section>

      <section aria-labelledby="refunds-title">
        <h2 id="refunds-title">Refunds</h2>
        <Show when={o().refunds.length > 0}>
          <ul class="record-list">
            <For each={o().refunds}>
              {(r) => (
                <li>
                  {money(r.amount)} on {formatDate(r.createdAt)}: {r.status}
                  <Show when={r.reason}>
                    <span class="muted"> (“{r.reason}”)</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show
          when={o().refundable.allowed}
          fallback={
            <Show when={o().refundable.reason}>
              <p class="muted">{o().refundable.reason}</p>
            </Show>
          }
        >
          <RefundForm
            orderId={o().id}
            onRefunded={(next) => {
              setOrder(next);
              announce('Your refund is on its way. A credit note has been issued.');
            }}
          />
        </Show>
      </section>
    </>
  );
}

function DocumentRow(props: { doc: OrderInvoice; currency: string }) {
  const { api } = useApp();
  const shop = commerceApi(api);
  const label = () => (props.doc.kind === 'invoice' ? 'Invoice' : 'Credit note');
  const download = createAction(async () => {
    await shop.downloadInvoice({ invoiceId: props.doc.id }, `${props.doc.number}.pdf`);
  });
  return (
    <li>
      {label()} {props.doc.number}, {amountText(props.doc.total, props.currency)}, issued{' '}
      {formatDate(props.doc.issuedAt)}{' '}
      <button
        type="button"
        class="button button-small button-secondary"
        onClick={() => download.run()}
        disabled={download.busy()}
      >
        Download {label().toLowerCase()} {props.doc.number}
      </button>
      <ErrorMessage message={download.error()} />
    </li>
  );
}

function RefundForm(props: { orderId: string; onRefunded: (order: OrderDetail) => void }) {
  const { api } = useApp();
  const shop = commerceApi(api);
  const id = createUniqueId();
  const [reason, setReason] = createSignal('');
  const request = createAction(async () => {
    const text = reason().trim();
    if (!text) return 'Tell us briefly why you want a refund.';
    props.onRefunded(await shop.requestRefund(props.orderId, text));
  }, refusalMessage);
  return (
    <form
      class="refund-form"
      aria-label="Request a refund"
      onSubmit={(e) => {
        e.preventDefault();
        void request.run();
      }}
    >
      <p>You can ask for your money back: the course will be removed from your learning.</p>
      <div class="field">
        <label for={id}>Why are you asking for a refund?</label>
        <textarea
          id={id}
          rows="3"
          maxlength="1000"
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-describedby={request.error() ? 'refund-error' : undefined}
        />
      </div>
      <ErrorMessage message={request.error()} id="refund-error" />
      <button type="submit" class="button button-secondary" disabled={request.busy()}>
        {request.busy() ? 'Requesting…' : 'Request a refund'}
      </button>
    </form>
  );
}
