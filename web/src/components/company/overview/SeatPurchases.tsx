import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CompanyDashboard } from '../../../../../edge/api-types.ts';
import { formatCount, formatDate } from '../../../lib/format.ts';

type SeatPurchase = CompanyDashboard['seatPurchases'][number];

/** Every seat purchase, newest first: from an order (linked), or added by the platform's admins (with their note). */
export function SeatPurchases(props: { purchases: SeatPurchase[] }) {
  return (
    <Show when={props.purchases.length > 0} fallback={<p>No seats bought yet.</p>}>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Seat purchases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Course</th>
              <th scope="col">Seats</th>
              <th scope="col">Revoked</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.purchases}>
              {(p) => (
                <tr>
                  <td>{formatDate(p.createdAt)}</td>
                  <th scope="row">{p.courseTitle}</th>
                  <td>{formatCount(p.seats)}</td>
                  <td>{formatCount(p.seatsRevoked)}</td>
                  <td>
                    <Show
                      when={p.orderId}
                      fallback={
                        <>
                          Added by the platform
                          <Show when={p.note}>{(note) => <span class="small muted">: {note()}</span>}</Show>
                        </>
                      }
                    >
                      {(orderId) => (
                        <A href={`/orders/${encodeURIComponent(orderId())}`}>
                          {p.orderNumber ?? `Order ${orderId().slice(0, 8)}`}
                        </A>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
