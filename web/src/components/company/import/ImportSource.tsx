import { createSignal, For, Show } from 'solid-js';
import { type ImportPlan, MAX_IMPORT_FILE_ROWS, SAMPLE_IMPORT_CSV } from '../../../lib/company-import.ts';
import { formatCount, plural } from '../../../lib/format.ts';
import { ErrorMessage } from '../../Notices.tsx';
import { saveText } from './save-text.ts';

/** Files larger than this are refused before they are read (5,000 rows fit in far less). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Where the rows come from: a chosen CSV file or pasted text (the latest one wins), the rows
 * counted and the first ones shown, and a sample file to start from.
 */
export function ImportSource(props: {
  text: string;
  onText: (text: string, fileName: string | null) => void;
  fileName: string | null;
  plan: ImportPlan | null;
  problem: string | null;
  disabled: boolean;
}) {
  const [fileError, setFileError] = createSignal<string | null>(null);
  let fileInput: HTMLInputElement | undefined;
  const choose = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(
        `${file.name} is larger than 5 MB: an import takes at most ${formatCount(MAX_IMPORT_FILE_ROWS)} rows.`,
      );
      return;
    }
    try {
      props.onText(await file.text(), file.name);
    } catch {
      setFileError(`${file.name} could not be read. Choose it again.`);
    }
  };
  const paste = (text: string) => {
    if (fileInput) fileInput.value = '';
    props.onText(text, null);
  };
  return (
    <>
      <div class="import-sample">
        <p class="muted">
          A CSV file with a header row <code>name,email,group</code> (group may be left out), one person a row, at most{' '}
          {formatCount(MAX_IMPORT_FILE_ROWS)} rows. Groups that do not exist yet are created.
        </p>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => saveText('employees-sample.csv', SAMPLE_IMPORT_CSV)}
        >
          Download a sample CSV
        </button>
      </div>
      <div class="field">
        <label for="import-file">CSV file</label>
        <input
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          disabled={props.disabled}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </div>
      <ErrorMessage message={fileError()} />
      <div class="field">
        <label for="import-text">Or paste the CSV</label>
        <textarea
          id="import-text"
          rows={6}
          spellcheck={false}
          disabled={props.disabled}
          placeholder={'name,email,group\nAda Lovelace,ada@example.com,Engineering'}
          value={props.fileName ? '' : props.text}
          onInput={(e) => paste(e.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={props.problem} />
      <Show when={props.plan}>
        {(plan) => (
          <section class="import-preview" aria-labelledby="import-preview-title">
            <h3 id="import-preview-title">
              {props.fileName ? `${props.fileName}: ` : ''}
              {plural(plan().total, 'row', 'rows')}
            </h3>
            <div class="table-scroll">
              <table class="company-table">
                <caption>
                  The first {plural(plan().preview.length, 'row', 'rows')} of {formatCount(plan().total)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Group</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={plan().preview}>
                    {(r) => (
                      <tr>
                        <th scope="row">{r.line}</th>
                        <td>{r.name}</td>
                        <td>{r.email}</td>
                        <td>{r.group}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </section>
        )}
      </Show>
    </>
  );
}
