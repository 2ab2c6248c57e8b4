import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { CompanyDashboard, CompanyOrder, CompanySeats } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { ErrorNotice } from '../components/Notices.tsx';
import { RequireAuth } from '../components/RequireAuth.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { isApiError } from '../lib/api.ts';
import { bundlesApi, setCompanyAdminOf } from '../lib/bundles-api.ts';
import { useApp } from '../lib/context.ts';
import { formatCount, formatDate, formatMoney } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/bundles.css';

/** /company: a company admin's first view of their company: seats per course and the company's orders. */
export default function CompanyPage() {
  usePageTitle(() => 'Company');
  return (
    <RequireAuth>
      <CompanyView />
    </RequireAuth>
  );
}

const STATUS_LABELS: Record<CompanyOrder['status'], string> = {
  pending: 'Pending',
  paid: 'Paid',
  failed: 'Failed',
  expired: 'Expired',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

function CompanyView() {
  const { api, auth } = useApp();
  const [attempt, setAttempt] = createSignal(0);
  const retry = () => setAttempt((n) => n + 1);
  const dashboard = createAsync(() => {
    attempt();
    const userId = auth.state.user!.id;
    return settle(
      bundlesApi(api)
        .company()
        .then(
          (d) => {
            setCompanyAdminOf(userId, true);
            return d;
          },
          (err: unknown) => {
            if (isApiError(err, 'not_a_company_admin')) setCompanyAdminOf(userId, false);
            throw err;
          },
        ),
    );
  });

  return (
    <div class="container section company-page">
      <Async
        data={dashboard}
        fallback={
          <>
            <h1>Company</h1>
            <SkeletonBlock height={20} label="Loading your company…" />
          </>
        }
        error={(err) => (
          <>
            <h1>Company</h1>
            <Show when={isApiError(err, 'not_a_company_admin')} fallback={<ErrorNotice error={err} retry={retry} />}>
              <div class="empty-state">
                <p>This page is for company admins. Buy seats for your team to manage them here.</p>
                <A href="/for-companies" class="button button-primary">
                  See company packages
                </A>
              </div>
            </Show>
          </>
        )}
      >
        {(d) => <Dashboard data={d()} />}
      </Async>
    </div>
  );
}

function Dashboard(props: { data: CompanyDashboard }) {
  const d = () => props.data;
  usePageTitle(() => `${d().company.name}: company`);
  return (
    <>
      <p class="eyebrow">Company</p>
      <h1>{d().company.name}</h1>
      <p class="muted">The seats your company bought and its orders. Assigning seats to your team comes next.</p>

      <section class="company-section" aria-labelledby="seats-title">
        <h2 id="seats-title">Seats</h2>
        <Show
          when={d().seats.length > 0}
          fallback={
            <div class="empty-state">
              <p>Your company has no seats yet.</p>
              <A href="/for-companies" class="button button-primary">
                Buy seats for your team
              </A>
            </div>
          }
        >
          <SeatChart seats={d().seats} />
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
                <For each={d().seats}>
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
        </Show>
      </section>

      <section class="company-section" aria-labelledby="orders-title">
        <h2 id="orders-title">Orders</h2>
        <Show when={d().totals.spent.length > 0}>
          <ul class="company-totals">
            <li>
              <span class="company-total-label">Orders</span> {formatCount(d().totals.orders)}
            </li>
            <For each={d().totals.spent}>
              {(s) => (
                <>
                  <li>
                    <span class="company-total-label">Paid</span>{' '}
                    {formatMoney({ amount: s.paid, currency: s.currency })}
                  </li>
                  <Show when={s.refunded > 0}>
                    <li>
                      <span class="company-total-label">Refunded</span>{' '}
                      {formatMoney({ amount: s.refunded, currency: s.currency })}
                    </li>
                  </Show>
                </>
              )}
            </For>
          </ul>
        </Show>
        <Show when={d().orders.length > 0} fallback={<p>No orders yet.</p>}>
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
                <For each={d().orders}>
                  {(o) => (
                    <tr>
                      <th scope="row">
                        <a href={`/orders/${encodeURIComponent(o.id)}`}>{o.number ?? `Order ${o.id.slice(0, 8)}`}</a>
                      </th>
                      <td>{formatDate(o.createdAt)}</td>
                      <td>{o.title}</td>
                      <td>{formatCount(o.seats)}</td>
                      <td>
                        <span class={`status-pill order-status-${o.status}`}>{STATUS_LABELS[o.status]}</span>
                      </td>
                      <td>{formatMoney({ amount: o.total, currency: o.currency })}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>
    </>
  );
}

/**
 * Seats per course as stacked bars (assigned, remaining, revoked), on one scale: the largest
 * purchase fills the row. Decorative for assistive technology: the table below has the numbers.
 */
function SeatChart(props: { seats: CompanySeats[] }) {
  const max = () => Math.max(1, ...props.seats.map((s) => s.bought));
  const pct = (n: number) => `${((n * 100) / max()).toFixed(2)}%`;
  return (
    <figure class="seat-chart">
      <div aria-hidden="true">
        <For each={props.seats}>
          {(s) => (
            <div class="seat-chart-row">
              <span class="seat-chart-label">{s.courseTitle}</span>
              <span class="seat-chart-bar">
                <span class="seat-bar seat-bar-assigned" style={{ width: pct(s.assigned) }} />
                <span class="seat-bar seat-bar-remaining" style={{ width: pct(s.remaining) }} />
                <span class="seat-bar seat-bar-revoked" style={{ width: pct(s.revoked) }} />
              </span>
              <span class="seat-chart-value">
                {s.assigned} / {s.bought - s.revoked}
              </span>
            </div>
          )}
        </For>
      </div>
      <figcaption>
        <span class="seat-legend seat-legend-assigned">Assigned</span>
        <span class="seat-legend seat-legend-remaining">Remaining to assign</span>
        <span class="seat-legend seat-legend-revoked">Revoked by a refund</span>
        <span class="sr-only">The table below lists the same numbers.</span>
      </figcaption>
    </figure>
  );
}
