import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { OverdueRow } from '../../../lib/company-stats.ts';
import { formatDueDate } from '../../../lib/format.ts';
import { ProgressBar } from '../../ProgressBar.tsx';

/** `path` (which may carry `?company=`) with one more query parameter. */
export function withParam(path: string, key: string, value: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/** The overdue assignments: who, which course, when it was due, how far they got; each person links to People. */
export function OverdueList(props: { rows: OverdueRow[]; peopleHref: string }) {
  return (
    <Show when={props.rows.length > 0} fallback={<p class="muted">Nothing is overdue.</p>}>
      <div class="table-scroll">
        <table class="company-table">
          <caption class="sr-only">Overdue assignments, the longest overdue first</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Course</th>
              <th scope="col">Due</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(r) => (
                <tr>
                  <th scope="row">
                    <A href={withParam(props.peopleHref, 'q', r.email)}>{r.name || r.email}</A>
                    <Show when={r.name}>
                      <span class="small muted company-email">{r.email}</span>
                    </Show>
                  </th>
                  <td>{r.courseTitle}</td>
                  <td>{formatDueDate(r.dueAt)}</td>
                  <td class="company-progress-cell">
                    <ProgressBar value={r.progress} label={`${r.name || r.email}: ${r.courseTitle} progress`} />
                    <span aria-hidden="true">{Math.round(r.progress)}%</span>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
