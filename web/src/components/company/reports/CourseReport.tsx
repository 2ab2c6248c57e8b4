import { createMemo, For, Show } from 'solid-js';
import type { CompanyReport } from '../../../../../edge/api-types.ts';
import { courseRows, percent } from '../../../lib/company-reports.ts';

/** Per course assigned: people, started, completed, mean progress, overdue, mean best quiz. */
export function CourseReport(props: { report: CompanyReport }) {
  const rows = createMemo(() => courseRows(props.report));
  return (
    <section aria-labelledby="report-courses-heading">
      <h3 id="report-courses-heading">By course</h3>
      <Show when={rows().length > 0} fallback={<p class="muted">No course is assigned yet.</p>}>
        <div class="table-scroll">
          <table class="company-table report-table">
            <caption class="sr-only">Learning by course (current assignments)</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">People assigned</th>
                <th scope="col">Started</th>
                <th scope="col">Completed</th>
                <th scope="col">Mean progress</th>
                <th scope="col">Overdue</th>
                <th scope="col">Mean best quiz</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">{r.title}</th>
                    <td>{r.assigned}</td>
                    <td>{r.started}</td>
                    <td>{r.completed}</td>
                    <td>{percent(r.meanProgress)}</td>
                    <td classList={{ 'report-overdue': r.overdue > 0 }}>{r.overdue}</td>
                    <td>{percent(r.meanBestQuiz)}</td>
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
