import { createMemo, For, Show } from 'solid-js';
import type { CompanyReport } from '../../../../../edge/api-types.ts';
import { groupRows, percent } from '../../../lib/company-reports.ts';

/** Per group (and the people without one): people, assignments, completed, mean progress, overdue. */
export function GroupReport(props: { report: CompanyReport }) {
  const rows = createMemo(() => groupRows(props.report));
  return (
    <section aria-labelledby="report-groups-heading">
      <h3 id="report-groups-heading">By group</h3>
      <Show when={rows().length > 0} fallback={<p class="muted">No one is in the company yet.</p>}>
        <div class="table-scroll">
          <table class="company-table report-table">
            <caption class="sr-only">Learning by group (current assignments)</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">People</th>
                <th scope="col">Assignments</th>
                <th scope="col">Completed</th>
                <th scope="col">Mean progress</th>
                <th scope="col">Overdue</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.name}</th>
                    <td>{r.people}</td>
                    <td>{r.assignments}</td>
                    <td>{r.completed}</td>
                    <td>{percent(r.meanProgress)}</td>
                    <td classList={{ 'report-overdue': r.overdue > 0 }}>{r.overdue}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
