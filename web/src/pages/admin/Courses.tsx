import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AdminCourse, AdminCourseSort, CourseStatus } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ActionNotice, BulkAction, BulkBar, type Notice } from '../../components/admin/Bulk.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { FilterSubmit, SelectField, TextAreaField, TextField } from '../../components/admin/Fields.tsx';
import { Pager } from '../../components/admin/Pager.tsx';
import { useChoices, useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate } from '../../lib/format.ts';
import { type ModerationApi, moderationApi } from '../../lib/moderation-api.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/moderation.css';

const STATUS_LABELS: Record<CourseStatus, string> = {
  draft: 'Draft',
  pending_review: 'In review',
  published: 'Published',
  archived: 'Archived',
};
const SORTS: { value: AdminCourseSort; label: string }[] = [
  { value: 'updated', label: 'Last changed' },
  { value: 'newest', label: 'Newest' },
  { value: 'title', label: 'Title' },
  { value: 'enrollments', label: 'Most enrollments' },
  { value: 'rating', label: 'Best rated' },
];

/** /admin/courses: every course with search, filters and sort; feature, unpublish, archive and restore (docs/admin.md). */
export default function AdminCoursesPage() {
  usePageTitle(() => 'Courses');
  const calls = moderationApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Courses" class="container section admin admin-courses">
        <Courses calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

type Query = {
  q: string;
  status: CourseStatus | '';
  category: string;
  instructor: string;
  featured: '' | 'true' | 'false';
  sort: AdminCourseSort;
  page: number;
};
const EMPTY: Query = { q: '', status: '', category: '', instructor: '', featured: '', sort: 'updated', page: 1 };

function Courses(props: { calls: ModerationApi }) {
  const { announce } = useApp();
  const [query, setQuery] = createSignal<Query>(EMPTY);
  const [form, setForm] = createSignal<Query>(EMPTY);
  const [selected, setSelected] = createSignal<string[]>([]);
  const [unpublishing, setUnpublishing] = createSignal<AdminCourse[] | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [busy, setBusy] = createSignal(false);
  const categories = useChoices(() => props.calls.categories());
  const list = useList(() => {
    const v = query();
    return props.calls.courses({
      q: v.q || undefined,
      status: v.status || undefined,
      category: v.category || undefined,
      instructor: v.instructor || undefined,
      featured: v.featured === '' ? undefined : v.featured === 'true',
      sort: v.sort,
      page: v.page,
    });
  });
  const field =
    <K extends keyof Query>(key: K) =>
    (value: Query[K]) =>
      setForm({ ...form(), [key]: value });
  const tell = (n: Notice) => {
    setNotice(n);
    announce(n.text);
  };
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    try {
      tell({ kind: 'success', text: await run() });
      setSelected([]);
      setUnpublishing(null);
      list.reload();
      return true;
    } catch (err) {
      tell({ kind: 'error', text: errorMessage(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const search = (e: SubmitEvent) => {
    e.preventDefault();
    setSelected([]);
    setQuery({ ...form(), q: form().q.trim(), page: 1 });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected(on ? [...selected().filter((x) => x !== id), id] : selected().filter((x) => x !== id));
  const feature = (ids: string[], featured: boolean) =>
    act(async () => {
      await props.calls.feature(ids, featured);
      const n = ids.length === 1 ? 'The course is' : `${ids.length} courses are`;
      return featured ? `${n} featured on the home page.` : `${n} no longer featured.`;
    });
  const setStatus = (ids: string[], action: 'archive' | 'restore', title: string) =>
    act(async () => {
      const r = await props.calls.setStatus(ids, action);
      return `${title} ${action === 'archive' ? 'archived' : `restored (${STATUS_LABELS[r.items[0]!.status].toLowerCase()})`}.`;
    });

  return (
    <>
      <Async data={list.data} fallback={null} error={() => null}>
        {(page) => (
          <p class="muted">
            Every course on the platform, whatever its status.{' '}
            <A href="/admin/courses/review">Approval queue ({page().pendingReview} waiting)</A> ·{' '}
            <A href="/admin/courses/categories">Categories and tags</A> · Featured on the home page:{' '}
            {page().featuredCount} of {page().featuredLimit}. Every change is kept in the{' '}
            <A href="/admin/audit">audit log</A>.
          </p>
        )}
      </Async>
      <form class="admin-form" onSubmit={search} aria-label="Find courses">
        <div class="field-row">
          <TextField
            id="courses-q"
            type="search"
            label="Search courses"
            hint="Title, slug or instructor."
            value={form().q}
            onValue={field('q')}
            maxLength={200}
          />
          <SelectField
            id="courses-status"
            label="Status"
            value={form().status}
            onValue={(v) => field('status')(v as CourseStatus | '')}
            options={[
              { value: '', label: 'Any status' },
              ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <SelectField
            id="courses-category"
            label="Category"
            value={form().category}
            onValue={field('category')}
            options={[
              { value: '', label: 'Any category' },
              ...(categories() ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Async data={list.data} fallback={null} error={() => null}>
            {(page) => (
              <SelectField
                id="courses-instructor"
                label="Instructor"
                value={form().instructor}
                onValue={field('instructor')}
                options={[
                  { value: '', label: 'Any instructor' },
                  ...page().instructors.map((i) => ({ value: i.id, label: i.displayName })),
                ]}
              />
            )}
          </Async>
          <SelectField
            id="courses-featured"
            label="Home page"
            value={form().featured}
            onValue={(v) => field('featured')(v as Query['featured'])}
            options={[
              { value: '', label: 'Featured or not' },
              { value: 'true', label: 'Featured' },
              { value: 'false', label: 'Not featured' },
            ]}
          />
          <SelectField
            id="courses-sort"
            label="Sort by"
            value={form().sort}
            onValue={(v) => field('sort')(v as AdminCourseSort)}
            options={SORTS}
          />
          <FilterSubmit />
        </div>
      </form>
      <ActionNotice notice={notice()} />
      <BulkBar label="Selected courses" count={selected().length} onClear={() => setSelected([])}>
        <BulkAction
          label="Feature"
          what="the selected courses"
          busy={busy()}
          onClick={() => feature(selected(), true)}
        />
        <BulkAction
          label="Unfeature"
          what="the selected courses"
          busy={busy()}
          onClick={() => feature(selected(), false)}
        />
        <Async data={list.data} fallback={null} error={() => null}>
          {(page) => (
            <BulkAction
              label="Unpublish"
              what="the selected courses"
              busy={busy()}
              onClick={() => setUnpublishing(page().items.filter((c) => selected().includes(c.id)))}
            />
          )}
        </Async>
      </BulkBar>
      <Show when={unpublishing()}>
        {(courses) => (
          <UnpublishForm
            courses={courses()}
            busy={busy()}
            onCancel={() => setUnpublishing(null)}
            onConfirm={(reason) =>
              act(async () => {
                const r = await props.calls.setStatus(
                  courses().map((c) => c.id),
                  'unpublish',
                  reason,
                );
                return `${r.items.length === 1 ? r.items[0]!.title : `${r.items.length} courses`} unpublished; the instructor is told why.`;
              })
            }
          />
        )}
      </Show>
      <Async data={list.data} fallback={<SkeletonBlock height={10} label="Loading courses…" />} retry={list.reload}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty-state">No course matches.</p>}>
            <div class="table-scroll" style={{ position: 'relative' }}>
              <table class="data-table courses-table">
                <caption class="sr-only">Courses</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select every course on this page"
                        checked={page().items.every((c) => selected().includes(c.id))}
                        onChange={(e) => setSelected(e.currentTarget.checked ? page().items.map((c) => c.id) : [])}
                      />
                    </th>
                    <th scope="col">Course</th>
                    <th scope="col">Status</th>
                    <th scope="col">Enrollments</th>
                    <th scope="col">Rating</th>
                    <th scope="col">Home page</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(c) => (
                      <tr>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Select ${c.title}`}
                            checked={selected().includes(c.id)}
                            onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                          />
                        </td>
                        <th scope="row">
                          <Show when={c.status === 'published'} fallback={c.title}>
                            <A href={`/courses/${c.slug}`}>{c.title}</A>
                          </Show>
                          <div class="small muted">
                            {c.instructor.displayName}
                            {c.category ? ` · ${c.category.name}` : ''} · changed {formatDate(c.updatedAt)}
                          </div>
                          <A class="small" href={`/teach/courses/${c.id}/edit`}>
                            Preview<span class="sr-only"> {c.title}</span> in Teaching
                          </A>
                        </th>
                        <td>
                          <span class={`status-pill course-status-${c.status}`}>{STATUS_LABELS[c.status]}</span>
                        </td>
                        <td>{c.enrollments}</td>
                        <td>{c.ratingCount > 0 ? `${c.ratingAverage.toFixed(1)} (${c.ratingCount})` : '–'}</td>
                        <td>{c.featured ? 'Featured' : '–'}</td>
                        <td class="row-actions">
                          <Show when={c.status === 'published' || c.featured}>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              disabled={busy()}
                              onClick={() => feature([c.id], !c.featured)}
                            >
                              {c.featured ? 'Unfeature' : 'Feature'}
                              <span class="sr-only"> {c.title}</span>
                            </button>
                          </Show>
                          <Show when={c.status === 'published'}>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              disabled={busy()}
                              onClick={() => setUnpublishing([c])}
                            >
                              Unpublish<span class="sr-only"> {c.title}</span>
                            </button>
                          </Show>
                          <Show
                            when={c.status === 'archived'}
                            fallback={
                              <ConfirmButton
                                label="Archive"
                                what={c.title}
                                busy={busy()}
                                question="It leaves the catalog; its learners keep what they have."
                                onConfirm={() => setStatus([c.id], 'archive', c.title)}
                              />
                            }
                          >
                            <ConfirmButton
                              label="Restore"
                              what={c.title}
                              busy={busy()}
                              onConfirm={() => setStatus([c.id], 'restore', c.title)}
                            />
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              label="Course pages"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['course', 'courses']}
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

function UnpublishForm(props: {
  courses: AdminCourse[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<boolean>;
}) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const published = () => props.courses.filter((c) => c.status === 'published');
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!reason().trim()) {
      setError('Say why: the instructor is told.');
      document.getElementById('unpublish-reason')?.focus();
      return;
    }
    await props.onConfirm(reason().trim());
  };
  return (
    <form class="admin-form unpublish-form" onSubmit={submit} aria-labelledby="unpublish-title">
      <h2 id="unpublish-title" class="h3">
        Unpublish {published().length === 1 ? published()[0]!.title : `${published().length} courses`}
      </h2>
      <Show when={published().length < props.courses.length}>
        <p class="notice notice-error" role="alert">
          Only published courses can be unpublished: clear the others from the selection.
        </p>
      </Show>
      <TextAreaField
        id="unpublish-reason"
        label="Why? The instructor gets this in a notification."
        value={reason()}
        onValue={(v) => {
          setReason(v);
          setError(undefined);
        }}
        maxLength={2000}
        error={error()}
      />
      <div class="form-actions">
        <button
          type="submit"
          class="button button-primary"
          disabled={props.busy || published().length < props.courses.length}
        >
          Unpublish
        </button>
        <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
