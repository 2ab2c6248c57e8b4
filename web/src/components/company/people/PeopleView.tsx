import { createAsync, createAsyncStore, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Show, startTransition } from 'solid-js';
import type { CompanyInvitation, CompanyMemberRow } from '../../../../../edge/api-types.ts';
import { ApiError } from '../../../lib/api.ts';
import {
  displayName,
  isFiltered,
  type MemberSort,
  memberQuery,
  nextState,
  type PeopleState,
  pageCount,
  paramsFromState,
  stateFromParams,
  toggleSort,
} from '../../../lib/company-people.ts';
import { plural } from '../../../lib/format.ts';
import { settle } from '../../../lib/queries.ts';
import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { useCompany } from '../CompanyArea.tsx';
import { AddPerson } from './AddPerson.tsx';
import { InviteLink, type ShownLink } from './InviteLink.tsx';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PeoplePager } from './PeoplePager.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { SelectionBar } from './SelectionBar.tsx';
import '../../../styles/company-people.css';

/**
 * /company/people: the company's employees and pending invitees, searched, filtered, sorted and
 * paged by the server (GET members), with the state in the URL query so the back button and a
 * reload keep it. Add a person, remove one, resend or revoke an invitation, move the selected
 * people to a group or assign them learning.
 */
export function PeopleView() {
  const { company, api, version, changed, href } = useCompany();
  // In a transition, the lists read again behind the current ones instead of a loading skeleton.
  const refresh = () => void startTransition(changed);
  const [params, setParams] = useSearchParams();
  const state = createMemo(() => stateFromParams(params));
  const [attempt, setAttempt] = createSignal(0);
  const [selected, setSelected] = createSignal<string[]>([]);
  const [status, setStatus] = createSignal('');
  const [link, setLink] = createSignal<ShownLink | null>(null);
  const groups = createAsync(() => {
    version();
    attempt();
    return settle(api.groups(company().id).then((r) => r.items));
  });
  // A store reconciled by id: a row read again keeps its elements (and the focus in them).
  const members = createAsyncStore(
    () => {
      version();
      attempt();
      return settle(api.members(company().id, memberQuery(state())));
    },
    { reconcile: { key: 'id' } },
  );
  const retry = () => setAttempt((n) => n + 1);
  const update = (patch: Partial<PeopleState>) => setParams(paramsFromState(nextState(state(), patch)));
  const sortBy = (sort: MemberSort) => update(toggleSort(state(), sort));
  const announce = (message: string) => {
    // Cleared first so the same message is announced again.
    setStatus('');
    queueMicrotask(() => setStatus(message));
  };
  const showLink = (inv: CompanyInvitation, resent: boolean) => {
    const mailed = (inv as CompanyInvitation & { mailed?: boolean }).mailed;
    setLink({ email: inv.email, link: inv.inviteLink, expiresAt: inv.expiresAt, resent, mailed });
    announce(
      `${resent ? 'Invitation sent again' : 'Invitation created'} for ${inv.email}.${mailed ? ' We emailed the link.' : ''} The link is shown above the table.`,
    );
    refresh();
  };
  const resend = async (invitationId: string) => showLink(await api.resendInvitation(company().id, invitationId), true);
  const resendTo = async (email: string) => {
    const found = await api.members(company().id, { q: email, pageSize: 200 });
    const row = found.items.find((r) => r.kind === 'invitation' && r.email.toLowerCase() === email.toLowerCase());
    if (!row) throw new ApiError(404, 'invitation_not_found', `No open invitation for ${email} was found.`);
    await resend(row.id);
  };
  const actions = {
    remove: async (row: CompanyMemberRow) => {
      const answer = await api.removeMember(company().id, row.id);
      setSelected((s) => s.filter((id) => id !== row.id));
      announce(
        `${displayName(row)} was removed. ${plural(answer.unassigned, 'seat was', 'seats were')} freed; their records stay in your reports.`,
      );
      refresh();
    },
    resend: (row: CompanyMemberRow) => resend(row.id),
    revoke: async (row: CompanyMemberRow) => {
      const answer = await api.revokeInvitation(company().id, row.id);
      announce(
        `The invitation to ${row.email} was revoked.${answer.unassigned ? ` ${plural(answer.unassigned, 'seat was', 'seats were')} freed.` : ''}`,
      );
      refresh();
    },
  };
  return (
    <section class="people" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <p class="people-status" role="status">
        {status()}
      </p>
      <Show when={link()}>{(shown) => <InviteLink shown={shown()} onDone={() => setLink(null)} />}</Show>
      <Async data={groups} retry={retry} fallback={<SkeletonBlock height={12} label="Loading people…" />}>
        {(groupList) => (
          <>
            <AddPerson
              groups={groupList()}
              invite={(input) => api.invite(company().id, input)}
              onInvited={(inv) => showLink(inv, false)}
              resendTo={resendTo}
            />
            <PeopleFilters state={state()} groups={groupList()} onChange={update} />
            <Show when={selected().length > 0}>
              <SelectionBar
                selected={selected()}
                groups={groupList()}
                assignmentsHref={href('/company/assignments')}
                onClear={() => setSelected([])}
                onMove={async (groupId) => {
                  const answer = await api.moveMembers(company().id, selected(), groupId);
                  const to = groupId ? (groupList().find((g) => g.id === groupId)?.name ?? 'the group') : 'no group';
                  setSelected([]);
                  announce(`Moved ${plural(answer.moved, 'person', 'people')} to ${to}.`);
                  refresh();
                }}
              />
            </Show>
            <Async data={members} retry={retry} fallback={<SkeletonBlock height={12} label="Loading people…" />}>
              {(list) => (
                <Show
                  when={list().items.length > 0}
                  fallback={
                    <div class="empty-state">
                      <Show
                        when={list().total > 0}
                        fallback={
                          <p>{isFiltered(state()) ? 'No people match this search.' : 'No people yet: add someone.'}</p>
                        }
                      >
                        <p>There are no people on this page.</p>
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => update({ page: pageCount(list().total, list().pageSize) })}
                        >
                          Go to the last page
                        </button>
                      </Show>
                      <Show when={isFiltered(state())}>
                        <button
                          type="button"
                          class="button button-secondary"
                          onClick={() => update({ q: '', group: '', status: '' })}
                        >
                          Clear search and filters
                        </button>
                      </Show>
                    </div>
                  }
                >
                  <PeopleTable
                    rows={list().items}
                    state={state()}
                    selected={selected()}
                    onSelect={setSelected}
                    onSort={sortBy}
                    actions={actions}
                  />
                  <PeoplePager
                    page={list().page}
                    pageSize={list().pageSize}
                    total={list().total}
                    onPage={(page) => update({ page })}
                    onPageSize={(pageSize) => update({ pageSize })}
                  />
                </Show>
              )}
            </Async>
          </>
        )}
      </Async>
    </section>
  );
}
