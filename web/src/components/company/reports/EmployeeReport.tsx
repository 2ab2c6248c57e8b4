import { createMemo, createSignal, For, Show } from 'solid-js';
import type { CompanyReport } from '../../../../../edge/api-types.ts';
import {
  type EmployeeRow,
  employeeRows,
  filterEmployees,
  MEMBER_STATUS_LABELS,
  percent,
} from '../../../lib/company-reports.ts';
import { formatDateTime, plural } from '../../../lib/format.ts';
import { EmployeeCourses } from './EmployeeCourses.tsx';

const COLUMNS = 9;

/** Per employee: a filterable table; each row opens to the person's courses. */
export function EmployeeReport(props: { report: CompanyReport }) {
  const [q, setQ] = createSignal('');
  const [open, setOpen] = createSignal<ReadonlySet<string>>(new Set());
  const all = createMemo(() => employeeRows(props.report));
  const rows = createMemo(() => filterEmployees(all(), q()));
  const toggle = (id: string) => {
    const next = new Set(open());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <section aria-labelledby="report-employees-heading">
      <h3 id="report-employees-heading">By employee</h3>
      <div class="field report-filter">
        <label for="report-filter">Filter people</label>
        <input
          id="report-filter"
          type="search"
          maxLength={200}
          value={q()}
          onInput={(e) => setQ(e.currentTarget.value)}
          aria-describedby="report-filter-count"
        />
        <p id="report-filter-count" class="small muted" role="status">
          {rows().length === all().length
            ? plural(all().length, 'person', 'people')
            : `${plural(rows().length, 'person', 'people')} of ${all().length} match`}
        </p>
      </div>
      <Show when={rows().length > 0} fallback={<p class="muted">No one matches “{q().trim()}”.</p>}>
        <div class="table-scroll">
          <table class="company-table report-table">
            <caption class="sr-only">Learning by employee</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Group</th>
                <th scope="col">Courses</th>
                <th scope="col">Completed</th>
                <th scope="col">Mean progress</th>
                <th scope="col">Best quiz</th>
                <th scope="col">Certificates</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => <EmployeeRows row={row} open={open().has(row.member.id)} toggle={toggle} />}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

function EmployeeRows(props: { row: EmployeeRow; open: boolean; toggle: (id: string) => void }) {
  const m = () => props.row.member;
  const who = () => m().name || m().email;
  const detailId = () => `report-person-${m().id}`;
  return (
    <>
      <tr classList={{ 'report-row-open': props.open }}>
        <th scope="row">
          <button
            type="button"
            class="button-link report-disclosure"
            aria-expanded={props.open ? 'true' : 'false'}
            aria-controls={detailId()}
            aria-label={`${who()}: courses`}
            onClick={() => props.toggle(m().id)}
          >
            <span class="report-chevron" aria-hidden="true" />
            {who()}
          </button>
          <Show when={m().status !== 'active'}>
            <span class="status-pill report-status">{MEMBER_STATUS_LABELS[m().status]}</span>
          </Show>
        </th>
        <td>{m().email}</td>
        <td>{props.row.group || <span class="muted">None</span>}</td>
        <td>
          {props.row.courses}
          <Show when={props.row.overdue > 0}>
            <span class="report-overdue"> ({props.row.overdue} overdue)</span>
          </Show>
        </td>
        <td>{props.row.completed}</td>
        <td>{percent(props.row.meanProgress)}</td>
        <td>{percent(props.row.bestQuiz)}</td>
        <td>{props.row.certificates}</td>
        <td>{m().lastActivityAt ? formatDateTime(m().lastActivityAt!) : 'Never'}</td>
      </tr>
      <tr id={detailId()} class="report-detail" hidden={!props.open}>
        <td colSpan={COLUMNS}>
          <Show when={props.open}>
            <EmployeeCourses member={m()} />
          </Show>
        </td>
      </tr>
    </>
  );
}
