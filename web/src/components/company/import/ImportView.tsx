import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import type { CompanyImportReport } from '../../../../../edge/api-types.ts';
import { errorMessage, isApiError } from '../../../lib/api.ts';
import type { LearningItem } from '../../../lib/company-assign.ts';
import {
  doneRowsText,
  ImportFileProblem,
  type ImportPlan,
  importBuyMoreSeatsHref,
  planImport,
} from '../../../lib/company-import.ts';
import { formatCount } from '../../../lib/format.ts';
import { Async } from '../../Async.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { ItemSelect } from '../assign/ItemSelect.tsx';
import { type LearningData, useLearningData } from '../assign/learning-data.ts';
import { useCompany } from '../CompanyArea.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import { ImportSource } from './ImportSource.tsx';
import { runImport } from './run-import.ts';
import { saveText } from './save-text.ts';
import '../../../styles/company-import.css';

/**
 * /company/import: people from a CSV file, sent in chunks of 250 rows (each a CSV with the
 * header) one after another with a progress bar; optionally a course or bundle assigned to each.
 * A failure stops the run and says which rows were done; importing the same file again is safe.
 */
export function ImportView() {
  const { data, retry } = useLearningData();
  return (
    <>
      <h2>Import people</h2>
      <Async data={data} retry={retry} fallback={<SkeletonBlock height={12} label="Loading seats…" />}>
        {(d) => <ImportForm data={d()} />}
      </Async>
    </>
  );
}

interface Failure {
  message: string;
  done: string;
}

function ImportForm(props: { data: LearningData }) {
  const { company, api, changed, href } = useCompany();
  const [text, setText] = createSignal('');
  const [fileName, setFileName] = createSignal<string | null>(null);
  const [item, setItem] = createSignal('');
  const [due, setDue] = createSignal('');
  const [running, setRunning] = createSignal(false);
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [report, setReport] = createSignal<CompanyImportReport | null>(null);
  /** What the run assigned (for "Buy more seats" when rows got none). */
  const [assigned, setAssigned] = createSignal<LearningItem | null>(null);
  /** The company the run imported into (the one its "Buy more seats" buys for). */
  const [importedInto, setImportedInto] = createSignal('');
  const [failure, setFailure] = createSignal<Failure | null>(null);
  const [tried, setTried] = createSignal(false);

  const read = createMemo((): { plan: ImportPlan | null; problem: string | null } => {
    if (!text().trim()) return { plan: null, problem: null };
    try {
      return { plan: planImport(text()), problem: null };
    } catch (err) {
      return { plan: null, problem: err instanceof ImportFileProblem ? err.message : errorMessage(err) };
    }
  });
  const missing = () =>
    tried() && !read().plan && !read().problem ? 'Choose a CSV file or paste its text first.' : null;

  const start = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    const plan = read().plan;
    if (!plan || running()) return;
    setRunning(true);
    setFailure(null);
    setReport(null);
    setAssigned(props.data.items.find((i) => i.id === item()) ?? null);
    setImportedInto(company().id);
    setProgress({ done: 0, total: plan.total });
    const opts = item() ? { assign: item(), due: due() || undefined } : {};
    let chunksDone = 0;
    try {
      await runImport(
        plan,
        (csv) => api.importCsv(company().id, csv, opts),
        (state) => {
          chunksDone = state.chunksDone;
          setProgress({ done: state.done, total: plan.total });
          setReport(state.report);
        },
      );
    } catch (err) {
      setFailure({ message: failureMessage(err), done: doneRowsText(plan, chunksDone) });
    } finally {
      setRunning(false);
      if (chunksDone > 0) changed();
    }
  };

  const progressText = () => {
    const p = progress();
    if (!p) return '';
    const base = `Imported ${formatCount(p.done)} of ${formatCount(p.total)} rows`;
    if (running()) return `${base}…`;
    return failure() ? `${base}: stopped.` : `${base}: done.`;
  };

  return (
    <>
      <form class="import-form" onSubmit={(e) => void start(e)} novalidate>
        <ImportSource
          text={text()}
          fileName={fileName()}
          onText={(t, name) => {
            setText(t);
            setFileName(name);
            setTried(false);
          }}
          plan={read().plan}
          problem={read().problem ?? missing()}
          disabled={running()}
        />
        <fieldset class="import-assign">
          <legend>Assign to each person (optional)</legend>
          <Show
            when={props.data.items.length > 0}
            fallback={<p class="muted">The company has no seats yet: people are invited without a course.</p>}
          >
            <div class="field-row">
              <ItemSelect
                id="import-item"
                label="Course or bundle"
                items={props.data.items}
                value={item()}
                onChange={setItem}
                none="Nothing: invite only"
              />
              <div class="field">
                <label for="import-due">Due date (optional)</label>
                <input
                  id="import-due"
                  type="date"
                  value={due()}
                  disabled={!item()}
                  onInput={(e) => setDue(e.currentTarget.value)}
                />
              </div>
            </div>
            <p class="muted small">
              Each person takes a seat; rows past the free seats are reported as "no seat".{' '}
              <A href={href('/company/assignments')}>Assignments</A> shows the seats.
            </p>
          </Show>
        </fieldset>
        <button type="submit" class="button button-primary" disabled={running()}>
          {running() ? 'Importing…' : 'Import'}
        </button>
      </form>
      <div class="import-progress" role="status" aria-live="polite">
        <Show when={progress()}>
          {(p) => (
            <>
              <label for="import-progress">Import progress</label>
              <progress id="import-progress" max={p().total} value={p().done}>
                {progressText()}
              </progress>
              <p>{progressText()}</p>
            </>
          )}
        </Show>
      </div>
      <Show when={failure()}>
        {(f) => (
          <div class="notice notice-error" role="alert">
            <p>{f().message}</p>
            <p>
              {f().done} Importing the same file again is safe: rows already imported answer "already invited" or
              "already a member", and the rest are imported.
            </p>
          </div>
        )}
      </Show>
      <Show when={report()}>
        {(r) => (
          <ImportReportView
            report={r()}
            partial={running() || failure() !== null}
            buyMoreSeats={running() ? null : importBuyMoreSeatsHref(importedInto(), assigned(), r())}
            onDownload={(csv) => saveText(`import-report-${new Date().toISOString().slice(0, 10)}.csv`, csv)}
          />
        )}
      </Show>
    </>
  );
}

/** The server's reason, with a word on what to do for a file too large or of the wrong type. */
function failureMessage(err: unknown): string {
  const message = errorMessage(err);
  if (isApiError(err) && err.status === 413) return `The server refused a part of the file as too large: ${message}`;
  if (isApiError(err) && err.status === 415) return `The server refused the file's type: ${message}`;
  if (isApiError(err) && err.status === 400) return `The server refused the file: ${message}`;
  return `The import stopped: ${message}`;
}
