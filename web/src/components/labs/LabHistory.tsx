import { For, Show } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';
import { formatScore, type LabAttempt, RUN_STATUS_LABELS } from '../../lib/labs-api.ts';

/**
 * The learner's graded attempts, newest first: status (in words), score, points and when, each with
 * a button that puts that attempt's code back in the editor.
 */
export function LabHistory(props: {
  attempts: LabAttempt[];
  maxPoints: number;
  onRestore: (attempt: LabAttempt) => void;
  restoring: string | null;
}) {
  return (
    <section class="lab-history" aria-labelledby="lab-history-title">
      <h3 id="lab-history-title">Your submissions</h3>
      <Show when={props.attempts.length > 0} fallback={<p class="muted">You have not submitted this lab yet.</p>}>
        <div class="table-scroll">
          <table class="data-table">
            <caption class="sr-only">Your submissions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
                <th scope="col">Score</th>
                <th scope="col">Points</th>
                <th scope="col">
                  <span class="sr-only">Code</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.attempts}>
                {(a) => (
                  <tr>
                    <th scope="row">{formatDateTime(a.createdAt)}</th>
                    <td>
                      <span class={`status-pill lab-status-${a.status}`}>{RUN_STATUS_LABELS[a.status]}</span>
                    </td>
                    <td>{formatScore(a.score)}</td>
                    <td>
                      {a.points} of {props.maxPoints}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button button-small"
                        disabled={props.restoring !== null}
                        aria-label={`Restore code of the attempt from ${formatDateTime(a.createdAt)}`}
                        onClick={() => props.onRestore(a)}
                      >
                        {props.restoring === a.id ? 'Restoring…' : 'Restore code'}
                      </button>
                    </td>
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
