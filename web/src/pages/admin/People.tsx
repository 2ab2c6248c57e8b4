import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { AdminUser, AppRole, UserStatus } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ActionNotice, type Notice } from '../../components/admin/Bulk.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { FilterSubmit, SelectField, TextAreaField, TextField } from '../../components/admin/Fields.tsx';
import { Pager } from '../../components/admin/Pager.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { type AdminPeopleApi, adminPeopleApi } from '../../lib/admin-people-api.ts';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';

const ROLE_LABELS: Record<AppRole, string> = { student: 'Student', instructor: 'Instructor', admin: 'Admin' };
const STATUS_LABELS: Record<UserStatus, string> = { active: 'Active', suspended: 'Suspended' };
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** The admin's People screen: search and filter accounts, change roles, suspend and restore (docs/admin.md). */
export default function PeoplePage() {
  usePageTitle(() => 'People');
  // Made once here: a prop is read again on every access, and useApp() only works while rendering.
  const calls = adminPeopleApi(useApp().api);
  return (
    <RequireAuth>
      <AdminGate title="People" class="container section admin people">
        <People calls={calls} />
      </AdminGate>
    </RequireAuth>
  );
}

type Query = { q: string; role: AppRole | ''; status: UserStatus | ''; page: number };

function People(props: { calls: AdminPeopleApi }) {
  const { announce, auth } = useApp();
  const [query, setQuery] = createSignal<Query>({ q: '', role: '', status: '', page: 1 });
  const [q, setQ] = createSignal('');
  const [role, setRole] = createSignal<AppRole | ''>('');
  const [status, setStatus] = createSignal<UserStatus | ''>('');
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [suspending, setSuspending] = createSignal<string | null>(null);
  const list = useList(() => {
    const v = query();
    return props.calls.users({
      q: v.q || undefined,
      role: v.role || undefined,
      status: v.status || undefined,
      page: v.page,
    });
  });

  const tell = (n: Notice) => {
    setNotice(n);
    announce(n.text);
  };
  const changed = (text: string) => {
    tell({ kind: 'success', text });
    setSuspending(null);
    list.reload();
  };
  const search = (e: SubmitEvent) => {
    e.preventDefault();
    setSuspending(null);
    setQuery({ q: q().trim(), role: role(), status: status(), page: 1 });
  };

  return (
    <>
      <p class="muted">
        Find an account by name or email. Suspending an account ends its sessions at once; it cannot sign in until it is
        restored. Every change is kept in the <A href="/admin/audit">audit log</A>.
      </p>
      <form class="admin-form people-search" onSubmit={search} aria-label="Find people">
        <div class="field-row">
          <TextField
            id="people-q"
            type="search"
            label="Search people"
            hint="Name or email."
            value={q()}
            onValue={setQ}
            maxLength={200}
          />
          <SelectField
            id="people-role"
            label="Role"
            value={role()}
            onValue={(v) => setRole(v as AppRole | '')}
            options={[{ value: '', label: 'Any role' }, ...ROLE_OPTIONS]}
          />
          <SelectField
            id="people-status"
            label="Status"
            value={status()}
            onValue={(v) => setStatus(v as UserStatus | '')}
            options={[
              { value: '', label: 'Any status' },
              ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <FilterSubmit />
        </div>
      </form>
      <ActionNotice notice={notice()} />
      <Async data={list.data} fallback={<SkeletonBlock height={10} label="Loading people…" />} retry={list.reload}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p class="empty-state">Nobody matches.</p>}>
            {/* Positioned, so the screen-reader-only text inside stays within the scrolling box at 320 px. */}
            <div class="table-scroll" style={{ position: 'relative' }}>
              <table class="data-table people-table">
                <caption class="sr-only">People, newest accounts first</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
                    <th scope="col">Enrollments</th>
                    <th scope="col">Last sign-in</th>
                    <th scope="col">Joined</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(u) => (
                      <>
                        <PersonRow
                          user={u}
                          me={u.id === auth.state.user?.id}
                          calls={props.calls}
                          suspending={suspending() === u.id}
                          onToggleSuspend={() => {
                            setNotice(null);
                            setSuspending(suspending() === u.id ? null : u.id);
                          }}
                          onChanged={changed}
                          onError={(err) => tell({ kind: 'error', text: errorMessage(err) })}
                        />
                        <Show when={suspending() === u.id}>
                          <tr id={`suspend-${u.id}-row`} class="refund-row">
                            <td colSpan={7}>
                              <SuspendForm
                                user={u}
                                calls={props.calls}
                                onDone={changed}
                                onCancel={() => setSuspending(null)}
                              />
                            </td>
                          </tr>
                        </Show>
                      </>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              label="People pages"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['person', 'people']}
              go={(n) => setQuery({ ...query(), page: n })}
            />
          </Show>
        )}
      </Async>
    </>
  );
}

function PersonRow(props: {
  user: AdminUser;
  me: boolean;
  calls: AdminPeopleApi;
  suspending: boolean;
  onToggleSuspend: () => void;
  onChanged: (text: string) => void;
  onError: (err: unknown) => void;
}) {
  const u = () => props.user;
  const [role, setRole] = createSignal<AppRole>(props.user.role);
  const [busy, setBusy] = createSignal(false);
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    try {
      props.onChanged(await run());
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveRole = (e: SubmitEvent) => {
    e.preventDefault();
    void act(async () => {
      const r = await props.calls.setRole(u().id, role());
      return `${u().name} is now ${ROLE_LABELS[r.role].toLowerCase()}.`;
    });
  };
  return (
    <tr>
      <th scope="row">
        {u().name}
        <Show when={props.me}>
          <span class="small muted"> (you)</span>
        </Show>
        <div class="small muted">{u().email}</div>
      </th>
      <td>
        <form class="role-form" onSubmit={saveRole}>
          <label class="sr-only" for={`role-${u().id}`}>
            Role of {u().name}
          </label>
          <select
            id={`role-${u().id}`}
            value={role()}
            disabled={busy()}
            onChange={(e) => setRole(e.currentTarget.value as AppRole)}
          >
            <For each={ROLE_OPTIONS}>
              {(o) => (
                <option value={o.value} selected={o.value === role()}>
                  {o.label}
                </option>
              )}
            </For>
          </select>{' '}
          <button type="submit" class="button button-small button-secondary" disabled={busy() || role() === u().role}>
            Save<span class="sr-only"> the role of {u().name}</span>
          </button>
        </form>
      </td>
      <td>
        <span class={`status-pill user-status-${u().status}`}>{STATUS_LABELS[u().status]}</span>
        <Show when={u().suspendedReason}>{(r) => <div class="small muted">{r()}</div>}</Show>
      </td>
      <td>{u().enrollments}</td>
      <td>{u().lastSignInAt ? formatDateTime(u().lastSignInAt!) : 'Never'}</td>
      <td>{formatDate(u().createdAt)}</td>
      <td class="row-actions">
        <Show
          when={u().status === 'suspended'}
          fallback={
            <Show when={!props.me}>
              <button
                type="button"
                class="button button-small button-secondary"
                aria-expanded={props.suspending ? 'true' : 'false'}
                aria-controls={props.suspending ? `suspend-${u().id}-row` : undefined}
                onClick={() => props.onToggleSuspend()}
              >
                Suspend<span class="sr-only"> {u().name}</span>
              </button>
            </Show>
          }
        >
          <ConfirmButton
            label="Restore"
            what={u().name}
            busy={busy()}
            question={`${u().name} will be able to sign in again.`}
            onConfirm={() =>
              act(async () => {
                await props.calls.restore(u().id);
                return `${u().name} is restored.`;
              })
            }
          />
        </Show>
      </td>
    </tr>
  );
}

function SuspendForm(props: {
  user: AdminUser;
  calls: AdminPeopleApi;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();
  const [busy, setBusy] = createSignal(false);
  const id = `suspend-reason-${props.user.id}`;
  const confirm = async () => {
    if (!reason().trim()) {
      setError('Say why the account is suspended.');
      document.getElementById(id)?.focus();
      return false;
    }
    setBusy(true);
    try {
      await props.calls.suspend(props.user.id, reason().trim());
      props.onDone(`${props.user.name} is suspended. Their sessions have ended.`);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="admin-form suspend-form">
      <TextAreaField
        id={id}
        label={`Why is ${props.user.name} suspended?`}
        hint="Kept in the audit log. At most 500 characters."
        value={reason()}
        onValue={(v) => {
          setReason(v);
          setError(undefined);
        }}
        maxLength={500}
        error={error()}
      />
      <div class="row-actions">
        <ConfirmButton
          label="Suspend account"
          what={props.user.name}
          confirmLabel="Yes, suspend"
          busy={busy()}
          question="Their sessions end at once and they cannot sign in until restored."
          onConfirm={confirm}
        />
        <button type="button" class="button button-small button-ghost" onClick={() => props.onCancel()}>
          Close<span class="sr-only"> the suspension form of {props.user.name}</span>
        </button>
      </div>
    </div>
  );
}
