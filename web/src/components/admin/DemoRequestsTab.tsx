import { For, Show } from 'solid-js';
import type { AdminApi } from '../../lib/admin-api.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import { useList } from './use-list.ts';

/** The company page's "Request a demo" leads, newest first. */
export function DemoRequestsTab(props: { admin: AdminApi }) {
  const list = useList(() => props.admin.demoRequests());
  return (
    <section aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo requests</h2>
      <Async
        data={list.data}
        fallback={<SkeletonBlock height={8} label="Loading demo requests…" />}
        retry={list.reload}
      >
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="empty-state">No demo requests yet.</p>}>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Demo requests, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Received</th>
                    <th scope="col">Name</th>
                    <th scope="col">Company</th>
                    <th scope="col">Team size</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().items}>
                    {(d) => (
                      <tr>
                        <td>{formatDateTime(d.createdAt)}</td>
                        <th scope="row">
                          {d.name}
                          <div class="small">
                            <a href={`mailto:${d.email}`}>{d.email}</a>
                          </div>
                        </th>
                        <td>{d.company}</td>
                        <td>{formatCount(d.teamSize)}</td>
                        <td class="demo-message">{d.message || '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Async>
    </section>
  );
}
