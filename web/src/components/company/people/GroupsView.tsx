import { createAsyncStore } from '@solidjs/router';
import { createSignal, For, Show, startTransition } from 'solid-js';
import type { CompanyGroup } from '../../../../../edge/api-types.ts';
import { settle } from '../../../lib/queries.ts';
import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { useCompany } from '../CompanyArea.tsx';
import { GroupRow } from './GroupRow.tsx';
import { NewGroupForm } from './NewGroupForm.tsx';
import '../../../styles/company-people.css';

/**
 * /company/groups: the company's groups (departments) with their people; create, rename and
 * delete them; links to their people and to assigning them learning.
 */
export function GroupsView() {
  const { company, api, version, changed, href } = useCompany();
  // In a transition, the lists read again behind the current ones instead of a loading skeleton.
  const refresh = () => void startTransition(changed);
  const [attempt, setAttempt] = createSignal(0);
  const [status, setStatus] = createSignal('');
  // A store reconciled by id: a row read again keeps its elements (and the focus in them).
  const groups = createAsyncStore(
    () => {
      version();
      attempt();
      return settle(api.groups(company().id).then((r) => r.items));
    },
    { reconcile: { key: 'id' } },
  );
  const announce = (message: string) => {
    setStatus('');
    queueMicrotask(() => setStatus(message));
  };
  const create = async (name: string) => {
    const saved = await api.createGroup(company().id, name);
    announce(`Group ${saved.name} created.`);
    refresh();
  };
  const rename = async (group: CompanyGroup, name: string) => {
    const saved = await api.renameGroup(company().id, group.id, name);
    announce(`Group ${group.name} renamed to ${saved.name}.`);
    refresh();
  };
  const remove = async (group: CompanyGroup) => {
    await api.deleteGroup(company().id, group.id);
    announce(`Group ${group.name} deleted; its people are now in no group.`);
    refresh();
  };
  return (
    <section class="groups" aria-labelledby="groups-heading">
      <h2 id="groups-heading">Groups</h2>
      <p class="muted">
        Groups are your departments or teams: filter people by group, move people between groups and assign learning to
        a whole group at once.
      </p>
      <p class="people-status" role="status">
        {status()}
      </p>
      <NewGroupForm create={create} />
      <Async
        data={groups}
        retry={() => setAttempt((n) => n + 1)}
        fallback={<SkeletonBlock height={10} label="Loading groups…" />}
      >
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <div class="empty-state">
                <p>No groups yet. Create one above, or import people with a group column.</p>
              </div>
            }
          >
            <div class="table-scroll">
              <table class="company-table groups-table">
                <caption class="sr-only">Groups of the company</caption>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col">People</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(g) => (
                      <GroupRow
                        group={g}
                        peopleHref={href('/company/people')}
                        assignmentsHref={href('/company/assignments')}
                        rename={(name) => rename(g, name)}
                        remove={() => remove(g)}
                      />
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
