import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AdminReviewFilter } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ActionNotice, BulkAction, BulkBar, type Notice } from '../../components/admin/Bulk.tsx';
import { FilterSubmit, SelectField, TextField } from '../../components/admin/Fields.tsx';
import { Pager } from '../../components/admin/Pager.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate } from '../../lib/format.ts';
import { type ModerationApi, moderationApi } from '../../lib/moderation-api.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/moderation.css';

const FILTERS: { value: AdminReviewFilter; label: string }[] = [
  { value: 'all', label: 'All reviews' },
  { value: 'visible', label: 'Visible' },
  { value: 'hidden', label: 'Hidden' },
  { value: 'reported', label: 'Reported' },
];

/** /admin/reviews: every review on the platform; hide and restore, one by one or in bulk (docs/admin.md). */
export default function AdminReviewsPage() {
  usePageTitle(() => 'Reviews');
  const calls = moderationApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Reviews" class="container section admin admin-reviews">
        <Reviews calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

type Query = { q: string; status: AdminReviewFilter; course: string; page: number };

function Reviews(props: { calls: ModerationApi }) {
  const { announce } = useApp();
  const [query, setQuery] = createSignal<Query>({ q: '', status: 'all', course: '', page: 1 });
  const [form, setForm] = createSignal<Query>(query());
  const [selected, setSelected] = createSignal<string[]>([]);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [busy, setBusy] = createSignal(false);
  const list = useList(() => {
    const v = query();
    return props.calls.reviews({ q: v.q || undefined, status: v.status, course: v.course || undefined, page: v.page });
  });
  const setHidden = async (ids: string[], hidden: boolean) => {
    setBusy(true);
    try {
      const r = await props.calls.setReviewsHidden(ids, hidden);
      const text = `${r.updated === 1 ? 'One review' : `${r.updated} reviews`} ${hidden ? 'hidden' : 'restored'}.`;
      setNotice({ kind: 'success', text });
      announce(text);
      setSelected([]);
      list.reload();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setSelected(on ? [...selected().filter((x) => x !== id), id] : selected().filter((x) => x !== id));

  return (
    <>
      <p class="muted">
        A hidden review leaves the course page and its rating. Reports about reviews are in the{' '}
        <A href="/admin/reports">reports queue</A>; each change is kept in the <A href="/admin/audit">audit log</A>.
      </p>
      <form
        class="admin-form"
        aria-label="Find reviews"
        onSubmit={(e) => {
          e.preventDefault();
          setSelected([]);
          setQuery({ ...form(), q: form().q.trim(), page: 1 });
        }}
      >
        <div class="field-row">
          <TextField
            id="reviews-q"
            type="search"
            label="Search reviews"
            hint="Comment, author or course."
            value={form().q}
            onValue={(v) => setForm({ ...form(), q: v })}
            maxLength={200}
          />
          <SelectField
            id="reviews-status"
            label="Show"
            value={form().status}
            onValue={(v) => setForm({ ...form(), status: v as AdminReviewFilter })}
            options={FILTERS}
          />
          <Async data={list.data} fallback={null} error={() => null}>
            {(page) => (
              <SelectField
                id="reviews-course"
                label="Course"
                value={form().course}
                onValue={(v) => setForm({ ...form(), course: v })}
                options={[
                  { value: '', label: 'Any course' },
                  ...page().courses.map((c) => ({ value: c.id, label: c.title })),
                ]}
              />
            )}
          </Async>
          <FilterSubmit />
        </div>
      </form>
      <ActionNotice notice={notice()} />
      <BulkBar label="Selected reviews" count={selected().length} onClear={() => setSelected([])}>
        <BulkAction
          label="Hide"
          what="the selected reviews"
          busy={busy()}
          onClick={() => setHidden(selected(), true)}
        />
        <BulkAction
          label="Restore"
          what="the selected reviews"
          busy={busy()}
          onClick={() => setHidden(selected(), false)}
        />
      </BulkBar>
      <Async data={list.data} fallback={<SkeletonBlock height={10} label="Loading reviews…" />} retry={list.reload}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty-state">No review matches.</p>}>
            <div class="table-scroll" style={{ position: 'relative' }}>
              <table class="data-table reviews-admin-table">
                <caption class="sr-only">Reviews, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select every review on this page"
                        checked={page().items.every((r) => selected().includes(r.id))}
                        onChange={(e) => setSelected(e.currentTarget.checked ? page().items.map((r) => r.id) : [])}
                      />
                    </th>
                    <th scope="col">Review</th>
                    <th scope="col">Course</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(r) => (
                      <tr>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Select the review by ${r.author}`}
                            checked={selected().includes(r.id)}
                            onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                          />
                        </td>
                        <th scope="row" class="review-cell">
                          <span class="small">
                            {r.rating} of 5 stars · {r.author} · {formatDate(r.createdAt)}
                          </span>
                          <p class="review-text">{r.comment || <span class="muted">No comment</span>}</p>
                        </th>
                        <td>
                          <A href={`/courses/${r.course.slug}`}>{r.course.title}</A>
                        </td>
                        <td>
                          <span class={`status-pill ${r.hidden ? 'state-off' : 'state-on'}`}>
                            {r.hidden ? 'Hidden' : 'Visible'}
                          </span>
                          <Show when={r.openReports > 0}>
                            <div class="small">
                              <A href="/admin/reports">
                                {r.openReports} open {r.openReports === 1 ? 'report' : 'reports'}
                              </A>
                            </div>
                          </Show>
                        </td>
                        <td class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            disabled={busy()}
                            onClick={() => setHidden([r.id], !r.hidden)}
                          >
                            {r.hidden ? 'Restore' : 'Hide'}
                            <span class="sr-only"> the review by {r.author}</span>
                          </button>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              label="Review pages"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['review', 'reviews']}
              go={(n) => {
                setSelected([]);
                setQuery({ ...query(), page: n });
              }}
            />
          </Show>
        )}
      </Async>
    </>
  );
}
