import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { CompanyReportMember } from '../../../../../edge/api-types.ts';
import { courseStatusLabel, percent } from '../../../lib/company-reports.ts';
import { formatDate, formatDateTime, formatDueDate } from '../../../lib/format.ts';

/** One person's assigned courses: dates, state, progress, quiz, certificate and last activity. */
export function EmployeeCourses(props: { member: CompanyReportMember }) {
  return (
    <Show
      when={props.member.courses.length > 0}
      fallback={<p class="muted">No courses assigned to {props.member.name || props.member.email}.</p>}
    >
      <table class="company-table report-courses">
        <caption class="sr-only">Courses of {props.member.name || props.member.email}</caption>
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Assigned</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Best quiz</th>
            <th scope="col">Certificate</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.member.courses}>
            {(c) => (
              <tr>
                <th scope="row">{c.courseTitle}</th>
                <td>{formatDate(c.assignedAt)}</td>
                <td>
                  <Show when={c.dueAt} fallback={<span class="muted">None</span>}>
                    {(due) => (
                      <>
                        {formatDueDate(due())}
                        <Show when={c.active && c.overdue}>
                          <span class="report-overdue"> (overdue)</span>
                        </Show>
                      </>
                    )}
                  </Show>
                </td>
                <td>{courseStatusLabel(c)}</td>
                <td>{percent(c.progress)}</td>
                <td>{percent(c.bestQuizPercent)}</td>
                <td>
                  <Show when={c.certificateCode} fallback={<span class="muted">None</span>}>
                    {(code) => (
                      <A href={`/verify/${encodeURIComponent(code())}`}>
                        {code()}
                        <span class="sr-only">: certificate for {c.courseTitle}</span>
                      </A>
                    )}
                  </Show>
                </td>
                <td>{c.lastActivityAt ? formatDateTime(c.lastActivityAt) : 'Never'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
