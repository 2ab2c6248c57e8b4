import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AuditEntry } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { FilterSubmit, SelectField, TextField } from '../../components/admin/Fields.tsx';
import { Pager } from '../../components/admin/Pager.tsx';
import { useChoices, useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { type AdminPeopleApi, adminPeopleApi } from '../../lib/admin-people-api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/title.ts';
import { ACTION_OPTIONS, actionLabel, describeDetails } from './audit-labels.ts';
import '../../styles/admin.css';

/** The admins' audit log: who changed what and when, newest first, never editable (docs/admin.md). */
export default function AuditPage() {
  usePageTitle(() => 'Audit log');
  // Made once here: a prop is read again on every access, and useApp() only works while rendering.
  const calls = adminPeopleApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="Audit log" class="container section admin audit">
        <Audit calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

type Query = { actor: string; action: string; from: string; to: string; page: number };

/** The entry's details in words: a reason, a role change, an amount. */

function Audit(props: { calls: AdminPeopleApi }) {
  const [query, setQuery] = createSignal<Query>({ actor: '', action: '', from: '', to: '', page: 1 });
  const [actor, setActor] = createSignal('');
  const [action, setAction] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const admins = useChoices(() => props.calls.users({ role: 'admin' }));
  const list = useList(() => {
    const v = query();
    return props.calls.audit({
      actor: v.actor || undefined,
      action: v.action || undefined,
      from: v.from || undefined,
      to: v.to || undefined,
      page: v.page,
    });
  });
  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setQuery({ actor: actor(), action: action(), from: from(), to: to(), page: 1 });
  };
  const target = (e: AuditEntry) =>
    e.targetLabel ?? (e.targetId ? `${e.targetType} ${e.targetId.slice(0, 8)}` : e.targetType);

  return (
    <>
      <p class="muted">
        Every change an admin makes lands here in the same transaction as the change. Entries are never edited. People
        are managed on the <A href="/admin/people">People</A> page.
      </p>
      <form class="admin-form audit-filters" onSubmit={apply} aria-label="Filter the audit log">
        <div class="field-row">
          <SelectField
            id="audit-actor"
            label="Admin"
            value={actor()}
            onValue={setActor}
            options={[
              { value: '', label: 'Any admin' },
              ...(admins() ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <SelectField id="audit-action" label="Action" value={action()} onValue={setAction} options={ACTION_OPTIONS} />
          <TextField id="audit-from" type="date" label="From" value={from()} onValue={setFrom} />
          <TextField id="audit-to" type="date" label="To" value={to()} onValue={setTo} />
          <FilterSubmit label="Apply" />
        </div>
      </form>
      <Async
        data={list.data}
        fallback={<SkeletonBlock height={10} label="Loading the audit log…" />}
        retry={list.reload}
      >
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty-state">No entries match.</p>}>
            {/* Positioned, so the screen-reader-only text inside stays within the scrolling box at 320 px. */}
            <div class="table-scroll" style={{ position: 'relative' }}>
              <table class="data-table audit-table">
                <caption class="sr-only">Audit log, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Admin</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(e) => (
                      <tr>
                        <td>
                          <time datetime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                        </td>
                        <td>{e.actor?.name ?? 'A deleted account'}</td>
                        <th scope="row">{actionLabel(e.action)}</th>
                        <td>{target(e)}</td>
                        <td>{describeDetails(e) || '—'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              label="Audit log pages"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['entry', 'entries']}
              go={(n) => setQuery({ ...query(), page: n })}
            />
          </Show>
        )}
      </Async>
    </>
  );
}
