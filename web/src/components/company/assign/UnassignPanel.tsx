import { createSignal, For, Show } from 'solid-js';
import { errorMessage } from '../../../lib/api.ts';
import { type CourseAssignments, currentAssignments, unassignRequests } from '../../../lib/company-assign.ts';
import { formatDueDate, plural } from '../../../lib/format.ts';
import { ErrorMessage } from '../../Notices.tsx';
import { useCompany } from '../CompanyArea.tsx';
import type { LearningData } from './learning-data.ts';

/**
 * The current assignments by course (who, due date, progress), each course opened on demand, with
 * checkboxes and "Unassign selected" behind an inline confirmation. Unassigning frees the seat and
 * ends the learner's access; their progress and records stay for reports.
 */
export function UnassignPanel(props: { data: LearningData }) {
  const { company, api, changed } = useCompany();
  const courses = () => currentAssignments(props.data.report.members);
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal('');
  let unassignButton: HTMLButtonElement | undefined;

  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
  };

  const unassign = async () => {
    setBusy(true);
    setError(null);
    let count = 0;
    try {
      for (const request of unassignRequests(courses(), selected())) {
        const answer = await api.unassign(company().id, request);
        count += answer.summary.unassigned ?? 0;
      }
      setSelected(new Set<string>());
      setDone(`Unassigned ${plural(count, 'assignment', 'assignments')}. The seats are free again.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setConfirming(false);
      if (count > 0) changed();
      unassignButton?.focus();
    }
  };

  return (
    <section class="unassign" aria-labelledby="unassign-title">
      <h2 id="unassign-title">Current assignments</h2>
      <Show when={courses().length > 0} fallback={<p class="muted">Nothing is assigned yet.</p>}>
        <For each={courses()}>
          {(course) => <CourseBlock course={course} selected={selected()} onToggle={toggle} />}
        </For>
        <div class="unassign-actions">
          <button
            ref={unassignButton}
            type="button"
            class="button button-secondary"
            disabled={selected().size === 0 || busy()}
            onClick={() => setConfirming(true)}
          >
            Unassign selected ({selected().size})
          </button>
          <Show when={confirming()}>
            <div class="confirm">
              <p id="unassign-confirm">
                Are you sure? Unassign {plural(selected().size, 'assignment', 'assignments')}: each seat is freed and
                the learner loses access to that course. Their progress and records stay for reports.
              </p>
              <button type="button" class="button button-primary" disabled={busy()} onClick={() => void unassign()}>
                {busy() ? 'Unassigning…' : 'Confirm'}
              </button>
              <button
                type="button"
                class="button button-ghost"
                disabled={busy()}
                onClick={() => {
                  setConfirming(false);
                  unassignButton?.focus();
                }}
              >
                Cancel
              </button>
            </div>
          </Show>
        </div>
      </Show>
      <ErrorMessage message={error()} />
      <p role="status" class="small">
        {done()}
      </p>
    </section>
  );
}

function CourseBlock(props: {
  course: CourseAssignments;
  selected: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const [open, setOpen] = createSignal(false);
  const picked = () => props.course.people.filter((p) => props.selected.has(p.key)).length;
  return (
    <details class="unassign-course" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {props.course.courseTitle}: {plural(props.course.people.length, 'person', 'people')}
        {picked() > 0 ? `, ${picked()} selected` : ''}
      </summary>
      <Show when={open()}>
        <div class="table-scroll">
          <table class="company-table">
            <caption class="sr-only">People assigned {props.course.courseTitle}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr-only">Select</span>
                </th>
                <th scope="col">Person</th>
                <th scope="col">Email</th>
                <th scope="col">Due</th>
                <th scope="col">Progress</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.course.people}>
                {(p) => (
                  <tr>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Unassign ${p.name || p.email} from ${props.course.courseTitle}`}
                        checked={props.selected.has(p.key)}
                        onChange={(e) => props.onToggle(p.key, e.currentTarget.checked)}
                      />
                    </td>
                    <th scope="row">
                      {p.name || p.email}
                      {p.kind === 'invitation' ? <span class="muted small"> (invited)</span> : null}
                    </th>
                    <td>{p.email}</td>
                    <td>
                      {p.dueAt ? formatDueDate(p.dueAt) : '–'}
                      {p.overdue ? <span class="status-pill import-overdue">Overdue</span> : null}
                    </td>
                    <td>{Math.round(p.progress)}%</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </details>
  );
}
