import { createSignal, For, Show } from 'solid-js';
import { type BlogApi, type SubscriberFilter, subscribersQuery } from '../../../lib/blog-api.ts';
import { useApp } from '../../../lib/context.ts';
import { DOWNLOAD_FAILED, downloadFile } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { createAction } from '../../../lib/submit.ts';
import { Async } from '../../Async.tsx';
import { SearchForm } from '../../SearchForm.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { FormNotice, SelectField } from '../Fields.tsx';
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
        <SearchForm
          id="subscribers-q"
          label="Search by email"
          placeholder="Email address"
          value={q()}
          onInput={setQ}
          maxLength={100}
          onSearch={(e) => {
            e.preventDefault();
            set({ q: q().trim() });
          }}
        />
        <SelectField
          id="subscribers-status"
          label="Status"
          value={filter().status}
          onValue={(v) => set({ status: v as SubscriberFilter['status'] })}
          options={[
            { value: 'all', label: 'All' },
            { value: 'confirmed', label: 'Confirmed' },
            { value: 'pending', label: 'Waiting for confirmation' },
            { value: 'unsubscribed', label: 'Unsubscribed' },
          ]}
        />
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
