import { Show } from 'solid-js';
import type { DashboardCourse } from '../../../../edge/api-types.ts';
import { formatDueDate } from '../../lib/format.ts';

/**
 * "Assigned by <company>" and "Due <date>" on a dashboard course card; an overdue course says
 * "Overdue" in words (the colour only repeats it).
 */
export function AssignmentNote(props: { assignment: NonNullable<DashboardCourse['assignment']>; completed: boolean }) {
  return (
    <div class="assignment-note">
      <p class="small muted">Assigned by {props.assignment.companyName}</p>
      <Show when={props.assignment.dueAt}>
        {(due) => (
          <p class="small assignment-due">
            <Show when={props.assignment.overdue && !props.completed}>
              <strong class="status-pill status-overdue">Overdue</strong>{' '}
            </Show>
            Due <time datetime={due()}>{formatDueDate(due())}</time>
          </p>
        )}
      </Show>
    </div>
  );
}
