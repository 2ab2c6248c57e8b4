import { For, Show } from 'solid-js';
import { formatScore, type LabRunResult, RUN_STATUS_LABELS } from '../../lib/labs-api.ts';

/**
 * A run's verdict and its tests: each with a mark and the words "Passed" or "Failed" (never colour
 * alone), the test's message under a failed one. Hidden tests say only that they failed.
 */
export function TestResults(props: { result: LabRunResult; title: string; showScore?: boolean }) {
  const passed = () => props.result.tests.filter((t) => t.passed).length;
  return (
    <section class="lab-results" aria-label={props.title}>
      <p class={`lab-verdict lab-verdict-${props.result.status}`}>
        <span class={`status-pill lab-status-${props.result.status}`}>{RUN_STATUS_LABELS[props.result.status]}</span>{' '}
        {passed()} of {props.result.tests.length} {props.result.tests.length === 1 ? 'test' : 'tests'} passed
        <Show when={props.showScore}> · score {formatScore(props.result.score)}</Show>
        <span class="muted small"> · {props.result.durationMs} ms</span>
      </p>
      <Show when={props.result.tests.length > 0}>
        <ul class="lab-tests">
          <For each={props.result.tests}>
            {(t) => (
              <li class={t.passed ? 'lab-test lab-test-passed' : 'lab-test lab-test-failed'}>
                <span class="lab-test-mark" aria-hidden="true">
                  {t.passed ? '✓' : '✗'}
                </span>
                <span class="lab-test-name">
                  <strong>{t.passed ? 'Passed' : 'Failed'}:</strong> {t.name}
                  <Show when={t.hidden}>
                    <span class="muted small"> (hidden test)</span>
                  </Show>
                </span>
                <Show when={!t.passed && t.message}>
                  <span class="lab-test-message">{t.message}</span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
