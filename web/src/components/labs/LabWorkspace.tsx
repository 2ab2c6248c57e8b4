import { createSignal, onCleanup, Show } from 'solid-js';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  createDraftSaver,
  LANGUAGE_LABELS,
  type LabAttempt,
  type LabDetail,
  type LabProgress,
  type LabRunResult,
  type LabSubmissionResult,
  labsApi,
  runSummary,
} from '../../lib/labs-api.ts';
import { ConfirmButton } from '../admin/ConfirmButton.tsx';
import { Markdown } from '../Markdown.tsx';
import { ErrorMessage } from '../Notices.tsx';
import { CodeEditor } from './CodeEditor.tsx';
import { ConsoleOutput } from './ConsoleOutput.tsx';
import { LabHistory } from './LabHistory.tsx';
import { TestResults } from './TestResults.tsx';
import '../../styles/labs.css';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';
type Last = { kind: 'run'; result: LabRunResult } | { kind: 'submission'; result: LabSubmissionResult };

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '',
  saving: 'Saving your draft…',
  saved: 'Draft saved.',
  error: 'Could not save your draft. It is still in the editor; keep this page open.',
};

/**
 * One lab, to solve: instructions, the editor (draft autosaved), Run on the visible tests,
 * Submit for a grade on every test, reset to the starter code, the results with the console
 * output, and the learner's submissions. The lab page and a lab lesson in the player both show
 * it; `onSubmitted` lets them update what they show around it (the course's progress).
 */
export function LabWorkspace(props: { lab: LabDetail; onSubmitted?: (result: LabSubmissionResult) => void }) {
  const { api } = useApp();
  const calls = labsApi(api);
  const lab = props.lab;
  const [code, setCode] = createSignal(lab.draft?.code ?? lab.starterCode);
  const [saveState, setSaveState] = createSignal<SaveState>(lab.draft ? 'saved' : 'idle');
  const [busy, setBusy] = createSignal<'run' | 'submit' | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [last, setLast] = createSignal<Last | null>(null);
  const [summary, setSummary] = createSignal('');
  const [history, setHistory] = createSignal(lab.history);
  const [passed, setPassed] = createSignal(lab.passed);
  const [progress, setProgress] = createSignal<LabProgress | null>(null);

  const saver = createDraftSaver(async (text) => {
    setSaveState('saving');
    try {
      await calls.saveDraft(lab.id, text);
      setSaveState(saver.hasPending() ? 'saving' : 'saved');
    } catch {
      setSaveState('error');
    }
  });
  // Leaving the page saves what the learner typed last.
  onCleanup(() => {
    if (saver.hasPending()) void saver.flush().catch(() => undefined);
  });

  const edit = (text: string) => {
    if (text === code()) return;
    setCode(text);
    saver.push(text);
  };

  const act = async (kind: 'run' | 'submit') => {
    if (busy()) return;
    setBusy(kind);
    setError(null);
    setSummary(kind === 'run' ? 'Running the visible tests…' : 'Submitting for grading…');
    try {
      if (kind === 'run') {
        const result = await calls.run(lab.id, code());
        setLast({ kind: 'run', result });
        setSummary(runSummary(result, 'run'));
      } else {
        const result = await calls.submit(lab.id, code());
        setLast({ kind: 'submission', result });
        setHistory((h) => [
          {
            id: result.id,
            status: result.status,
            score: result.score,
            points: result.points,
            createdAt: result.createdAt,
            durationMs: result.durationMs,
          },
          ...h,
        ]);
        if (result.progress) setProgress(result.progress);
        const done = result.status === 'passed';
        if (done) setPassed(true);
        setSummary(
          `${runSummary(result, 'submission')} ${result.points} of ${result.maxPoints} points.${done ? ' Lab complete.' : ''}`,
        );
        props.onSubmitted?.(result);
      }
    } catch (err) {
      setSummary('');
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const [restoring, setRestoring] = createSignal<string | null>(null);
  /** Puts a past attempt's code back in the editor (and in the draft). */
  const restore = async (attempt: LabAttempt) => {
    setRestoring(attempt.id);
    setError(null);
    try {
      const found = (await calls.submissions(lab.id)).find((s) => s.id === attempt.id);
      if (!found) throw new Error('That attempt is no longer in your history.');
      edit(found.code);
      setSummary(`The code of your attempt from ${formatDateTime(attempt.createdAt)} is back in the editor.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRestoring(null);
    }
  };

  const reset = async () => {
    saver.cancel();
    setCode(lab.starterCode);
    setSummary('Your code was reset to the starter code.');
    try {
      await calls.deleteDraft(lab.id);
      setSaveState('idle');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div class="lab-workspace">
      <ul class="lab-facts">
        <li>{LANGUAGE_LABELS[lab.language]}</li>
        <li>{lab.points} points</li>
        <li>
          Limits: {lab.timeLimitMs} ms, {lab.memoryLimitMb} MB
        </li>
        <li>
          <Show when={passed()} fallback={<span class="status-pill lab-status-none">Not passed yet</span>}>
            <span class="status-pill lab-status-passed">Passed</span>
          </Show>
        </li>
      </ul>
      <Show when={passed()}>
        <p class="notice notice-success lab-complete">Passed: you have completed this lab.</p>
      </Show>
      <Show when={progress()}>
        {(p) => (
          <p class="lab-progress">
            Course progress: {Math.round(p().percentage)}% ({p().completedItems} of {p().totalItems} items done)
          </p>
        )}
      </Show>

      <section aria-labelledby="lab-instructions-title" class="lab-instructions">
        <h2 id="lab-instructions-title">Instructions</h2>
        <Markdown source={lab.instructionsMd || 'No instructions.'} headingLevel={3} />
        <Show when={lab.visibleTests.trim()}>
          <details class="lab-visible-tests">
            <summary>The visible tests</summary>
            <pre tabindex="0">
              <code>{lab.visibleTests}</code>
            </pre>
          </details>
        </Show>
      </section>

      <section aria-labelledby="lab-code-title" class="lab-code">
        <h2 id="lab-code-title">Your code</h2>
        <p class="small muted" id="lab-editor-help">
          Ctrl+Enter (⌘+Enter on a Mac) runs the visible tests. In the editor Tab indents: press Ctrl+M first to move on
          with Tab. Your draft saves as you type.
        </p>
        <CodeEditor
          id={`lab-${lab.id}`}
          label={`Code for ${lab.title}`}
          value={code()}
          language={lab.language}
          onChange={edit}
          onRun={() => void act('run')}
          describedBy="lab-editor-help"
        />
        <p class="small lab-save-status" role="status">
          {SAVE_TEXT[saveState()]}
        </p>
        <div class="form-actions lab-actions">
          <button
            type="button"
            class="button button-secondary"
            aria-disabled={busy() ? 'true' : undefined}
            onClick={() => void act('run')}
          >
            {busy() === 'run' ? 'Running…' : 'Run'}
          </button>
          <button
            type="button"
            class="button button-primary"
            aria-disabled={busy() ? 'true' : undefined}
            onClick={() => void act('submit')}
          >
            {busy() === 'submit' ? 'Submitting…' : 'Submit'}
          </button>
          <ConfirmButton
            label="Reset to starter code"
            what=""
            confirmLabel="Yes, replace my code with the starter code"
            onConfirm={reset}
          />
        </div>
      </section>

      <section aria-labelledby="lab-results-title" class="lab-output">
        <h2 id="lab-results-title">Results</h2>
        <p class="lab-summary" role="status" aria-live="polite">
          {summary()}
        </p>
        <ErrorMessage message={error()} />
        <Show when={last()} fallback={<p class="muted small">Run your code to see the test results here.</p>}>
          {(l) => (
            <TestResults
              result={l().result}
              title={l().kind === 'run' ? 'Results of the visible tests' : 'Results of your submission'}
              showScore={l().kind === 'submission'}
            />
          )}
        </Show>
        <ConsoleOutput output={last()?.result.output} />
      </section>

      <LabHistory attempts={history()} maxPoints={lab.points} onRestore={restore} restoring={restoring()} />
    </div>
  );
}
