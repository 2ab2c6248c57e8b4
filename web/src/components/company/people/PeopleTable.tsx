import { For, Show } from 'solid-js';
import type { CompanyMemberRow } from '../../../../../edge/api-types.ts';
import {
  displayName,
  type MemberSort,
  type PeopleState,
  STATUS_LABELS,
  selectable,
  toggleAll,
} from '../../../lib/company-people.ts';
import { formatDate } from '../../../lib/format.ts';
import { ProgressBar } from '../../ProgressBar.tsx';
import { MemberActions, type RowActionHandlers } from './MemberActions.tsx';
import { SortHeader } from './SortHeader.tsx';

/**
 * The employees and pending invitees of one page: sortable headers, a checkbox per active member
 * (to move or assign them), their courses done of assigned, progress, status, overdue count,
 * last activity, and the row's actions.
 */
export function PeopleTable(props: {
  rows: CompanyMemberRow[];
  state: PeopleState;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onSort: (sort: MemberSort) => void;
  actions: RowActionHandlers;
}) {
  const pageIds = () => props.rows.filter(selectable).map((r) => r.id);
  const allOn = () => pageIds().length > 0 && pageIds().every((id) => props.selected.includes(id));
  const toggle = (id: string, on: boolean) =>
    props.onSelect(on ? [...props.selected, id] : props.selected.filter((s) => s !== id));
  const header = (sort: MemberSort, label: string) => (
    <SortHeader state={props.state} sort={sort} label={label} onSort={props.onSort} />
  );
  return (
    <div class="table-scroll">
      <table class="company-table people-table">
        <caption class="sr-only">
          People of the company, sorted by {props.state.sort === 'lastActivity' ? 'last activity' : props.state.sort}{' '}
          {props.state.dir === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all people on this page"
                checked={allOn()}
                disabled={pageIds().length === 0}
                onChange={(e) => props.onSelect(toggleAll(props.selected, pageIds(), e.currentTarget.checked))}
              />
            </th>
            {header('name', 'Name')}
            {header('email', 'Email')}
            {header('group', 'Group')}
            <th scope="col">Courses done</th>
            {header('progress', 'Progress')}
            {header('status', 'Status')}
            <th scope="col">Overdue</th>
            {header('lastActivity', 'Last activity')}
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr class={row.status === 'removed' ? 'people-removed' : undefined}>
                <td>
                  <Show when={selectable(row)}>
                    <input
                      type="checkbox"
                      aria-label={`Select ${displayName(row)}`}
                      checked={props.selected.includes(row.id)}
                      onChange={(e) => toggle(row.id, e.currentTarget.checked)}
                    />
                  </Show>
                </td>
                <th scope="row">
                  {displayName(row)}
                  <Show when={row.role === 'admin'}>
                    <span class="people-role"> (admin)</span>
                  </Show>
                </th>
                <td class="people-email">{row.email}</td>
                <td>{row.group?.name ?? <span class="muted">No group</span>}</td>
                <td>
                  {row.completedCourses} of {row.assignedCourses}
                </td>
                <td>
                  <span class="people-progress">
                    <ProgressBar value={row.progress} label={`Progress of ${displayName(row)}`} />
                    <span class="small">{Math.round(row.progress)}%</span>
                  </span>
                </td>
                <td>{STATUS_LABELS[row.status]}</td>
                <td class={row.overdue > 0 ? 'people-overdue' : undefined}>{row.overdue}</td>
                <td>{row.lastActivityAt ? formatDate(row.lastActivityAt) : <span class="muted">Never</span>}</td>
                <td>
                  <MemberActions row={row} actions={props.actions} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
