import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AdminReportGroup, ReportStatus, ReportTargetType, ResolveAction } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ActionNotice, BulkAction, BulkBar } from '../../components/admin/Bulk.tsx';
import { SelectField } from '../../components/admin/Fields.tsx';
import { Pager } from '../../components/admin/Pager.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type ModerationApi, moderationApi, reasonLabel } from '../../lib/moderation-api.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/confirm.css';
import '../../styles/moderation.css';

const STATUSES: { value: ReportStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'actioned', label: 'Actioned (content hidden)' },
  { value: 'dismissed', label: 'Dismissed' },
];
const TYPE_LABELS: Record<ReportTargetType, string> = { review: 'Review', session_question: 'Live Q&A question' };

/** /admin/reports: reported reviews and live-session questions, grouped by the content (docs/admin.md). */
export default function AdminReportsPage() {
  usePageTitle(() => 'Reported content');
  const calls = moderationApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Reported content" class="container section admin admin-reports">
        <Reports calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

type Query = { status: ReportStatus; type: ReportTargetType | ''; page: number };
type Target = { type: ReportTargetType; id: string };
const key = (g: { targetType: string; targetId: string }) => `${g.targetType}:${g.targetId}`;

function Reports(props: { calls: ModerationApi }) {
  const { announce } = useApp();
  const [query, setQuery] = createSignal<Query>({ status: 'open', type: '', page: 1 });
  const [selected, setSelected] = createSignal<string[]>([]);
  const [notice, setNotice] = createSignal<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const list = useList(() => {
    const v = query();
    return props.calls.reports({ status: v.status, type: v.type || undefined, page: v.page });
  });
  const resolve = async (targets: Target[], action: ResolveAction) => {
    setBusy(true);
    try {
      const r = await props.calls.resolve(targets, action);
      const what = targets.length === 1 ? 'The content is' : `${targets.length} items are`;
      const text =
        action === 'hide'
          ? `${what} hidden; ${r.resolved} ${r.resolved === 1 ? 'report' : 'reports'} marked actioned.`
          : `${r.resolved} ${r.resolved === 1 ? 'report' : 'reports'} dismissed.`;
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
  const selectedTargets = (items: AdminReportGroup[]): Target[] =>
    items.filter((g) => selected().includes(key(g))).map((g) => ({ type: g.targetType, id: g.targetId }));
  const change = (next: Partial<Query>) => {
    setSelected([]);
    setQuery({ ...query(), ...next, page: 1 });
  };

  return (
    <>
      <p class="muted">
        What learners reported, grouped by the content. Hiding it takes it off the course page or the session and marks
        its reports actioned; dismissing keeps it. Each decision is kept in the <A href="/admin/audit">audit log</A>.
        All reviews: <A href="/admin/reviews">Reviews</A>.
      </p>
      <form class="admin-form field-row" aria-label="Filter reports" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="reports-status"
          label="Reports"
          value={query().status}
          onValue={(v) => change({ status: v as ReportStatus })}
          options={STATUSES}
        />
        <SelectField
          id="reports-type"
          label="Content"
          value={query().type}
          onValue={(v) => change({ type: v as ReportTargetType | '' })}
          options={[
            { value: '', label: 'Reviews and questions' },
            { value: 'review', label: 'Reviews' },
            { value: 'session_question', label: 'Live Q&A questions' },
          ]}
        />
      </form>
      <ActionNotice notice={notice()} />
      <Async data={list.data} fallback={<SkeletonBlock height={12} label="Loading reports…" />} retry={list.reload}>
        {(page) => (
          <>
            <p class="small muted">{page().openTargets} items have open reports.</p>
            <BulkBar label="Selected items" count={query().status === 'open' ? selected().length : 0}>
              <BulkAction
                label="Hide"
                what="the selected content"
                busy={busy()}
                danger
                onClick={() => resolve(selectedTargets(page().items), 'hide')}
              />
              <button
                type="button"
                class="button button-small button-secondary"
                disabled={busy()}
                onClick={() => resolve(selectedTargets(page().items), 'dismiss')}
              >
                Dismiss<span class="sr-only"> the reports of the selected content</span>
              </button>
            </BulkBar>
            <Show when={page().items.length > 0} fallback={<p class="empty-state">Nothing here.</p>}>
              <ul class="report-list">
                <For each={page().items}>
                  {(g) => (
                    <li class="report-card">
                      <div class="report-head">
                        <Show when={query().status === 'open'}>
                          <input
                            type="checkbox"
                            id={`pick-${g.targetId}`}
                            checked={selected().includes(key(g))}
                            onChange={(e) =>
                              setSelected(
                                e.currentTarget.checked
                                  ? [...selected(), key(g)]
                                  : selected().filter((k) => k !== key(g)),
                              )
                            }
                          />
                          <label for={`pick-${g.targetId}`} class="sr-only">
                            Select this {TYPE_LABELS[g.targetType].toLowerCase()}
                          </label>
                        </Show>
                        <h2 class="h3">
                          {TYPE_LABELS[g.targetType]}
                          <Show when={g.content}>{(c) => <> by {c().author}</>}</Show>
                        </h2>
                        <Show when={g.content?.hidden}>
                          <span class="status-pill state-off">Hidden</span>
                        </Show>
                      </div>
                      <Show when={g.content} fallback={<p class="muted">The content was deleted.</p>}>
                        {(c) => (
                          <>
                            <blockquote class="reported-text">{c().text}</blockquote>
                            <p class="small">
                              <A href={c().where.href}>{c().where.label}</A>
                            </p>
                          </>
                        )}
                      </Show>
                      <ul class="report-reasons" aria-label={`${g.reports.length} reports`}>
                        <For each={g.reports}>
                          {(r) => (
                            <li>
                              <strong>{reasonLabel(r.reason)}</strong>
                              <Show when={r.note}>: {r.note}</Show>{' '}
                              <span class="small muted">
                                {r.reporter.name}, {formatDateTime(r.createdAt)}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                      <Show when={query().status === 'open'}>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="button button-small button-danger"
                            disabled={busy()}
                            onClick={() => resolve([{ type: g.targetType, id: g.targetId }], 'hide')}
                          >
                            Hide and mark actioned
                            <span class="sr-only">
                              {' '}
                              ({TYPE_LABELS[g.targetType].toLowerCase()} by {g.content?.author})
                            </span>
                          </button>
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            disabled={busy()}
                            onClick={() => resolve([{ type: g.targetType, id: g.targetId }], 'dismiss')}
                          >
                            Dismiss
                            <span class="sr-only">
                              {' '}
                              the reports ({TYPE_LABELS[g.targetType].toLowerCase()} by {g.content?.author})
                            </span>
                          </button>
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Pager
                label="Report pages"
                page={page().page}
                pageSize={page().pageSize}
                total={page().total}
                noun={['item', 'items']}
                go={(n) => {
                  setSelected([]);
                  setQuery({ ...query(), page: n });
                }}
              />
            </Show>
          </>
        )}
      </Async>
    </>
  );
}
