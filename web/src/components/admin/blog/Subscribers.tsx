import { createSignal, For, Show } from 'solid-js';
import { type BlogApi, type SubscriberFilter, subscribersQuery } from '../../../lib/blog-api.ts';
import { useApp } from '../../../lib/context.ts';
import { DOWNLOAD_FAILED, downloadFile } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { createAction } from '../../../lib/submit.ts';
import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { FormNotice } from '../Fields.tsx';
import { Pager } from '../Pager.tsx';
import { useList } from '../use-list.ts';

const STATUS_LABEL = { confirmed: 'Confirmed', pending: 'Waiting for confirmation', unsubscribed: 'Unsubscribed' };

/** The newsletter's subscribers: search, status filter, pages, and the filtered list as CSV. */
export function Subscribers(props: { blog: BlogApi }) {
  const { api } = useApp();
  const [filter, setFilter] = createSignal<SubscriberFilter>({ q: '', status: 'all', page: 1 });
  const [q, setQ] = createSignal('');
  const list = useList(() => props.blog.subscribers(filter()));
  const set = (next: Partial<SubscriberFilter>) => {
    setFilter({ ...filter(), page: 1, ...next });
    list.reload();
  };
  const csv = createAction(() =>
    downloadFile(
      api,
      `/api/admin/newsletter.csv${subscribersQuery(filter(), false)}`,
      `newsletter-${filter().status}.csv`,
      () => DOWNLOAD_FAILED,
    ),
  );
  return (
    <section id="subscribers" aria-labelledby="subscribers-title" tabindex="-1">
      <h2 id="subscribers-title">Newsletter subscribers</h2>
      <div class="admin-toolbar">
        {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is the search landmark */}
        <form
          role="search"
          class="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: q().trim() });
          }}
        >
          <label for="subscribers-q">Search by email</label>
          <input
            id="subscribers-q"
            type="search"
            value={q()}
            maxLength={100}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit" class="button button-secondary">
            Search
          </button>
        </form>
        <div class="field">
          <label for="subscribers-status">Status</label>
          <select
            id="subscribers-status"
            value={filter().status}
            onChange={(e) => set({ status: e.currentTarget.value as SubscriberFilter['status'] })}
          >
            <option value="all">All</option>
            <option value="confirmed">Confirmed</option>
            <option value="pending">Waiting for confirmation</option>
            <option value="unsubscribed">Unsubscribed</option>
          </select>
        </div>
        <button type="button" class="button button-secondary" disabled={csv.busy()} onClick={() => void csv.run()}>
          Download CSV
        </button>
      </div>
      <FormNotice id="subscribers-error" error={csv.error()} />
      <Async data={list.data} fallback={<SkeletonBlock height={20} label="Loading subscribers…" />} retry={list.reload}>
        {(page) => (
          <>
            <Show when={page().items.length} fallback={<p class="empty-state">No subscribers match.</p>}>
              <table class="admin-table">
                <caption class="sr-only">Newsletter subscribers</caption>
                <thead>
                  <tr>
                    <th scope="col">Email</th>
                    <th scope="col">Status</th>
                    <th scope="col">Signed up</th>
                    <th scope="col">Confirmed</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(s) => (
                      <tr>
                        <th scope="row">{s.email}</th>
                        <td>{STATUS_LABEL[s.status]}</td>
                        <td>{formatDateTime(s.createdAt)}</td>
                        <td>{s.confirmedAt ? formatDateTime(s.confirmedAt) : '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Pager
              label="Pages of subscribers"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['subscriber', 'subscribers']}
              go={(n) => {
                setFilter({ ...filter(), page: n });
                list.reload();
              }}
            />
          </>
        )}
      </Async>
    </section>
  );
}
