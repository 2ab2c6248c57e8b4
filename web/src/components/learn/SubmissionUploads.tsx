import { createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import type { SubmissionFile } from '../../../../edge/api-types.ts';
import { submissionPath } from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';
import {
  checkFile,
  formatBytes,
  type RunningUpload,
  startUpload,
  UploadError,
  type UploadRules,
} from '../../lib/upload.ts';
import { ErrorMessage } from '../Notices.tsx';
import { ProgressBar } from '../ProgressBar.tsx';

interface Entry {
  key: string;
  name: string;
  size: number;
  type: string;
  path: string;
  percent: number;
  state: 'uploading' | 'done' | 'failed';
  error: string | null;
  running: RunningUpload | null;
}

/**
 * Files for a submission: each picked file is checked (type, size) and sent to the `submissions`
 * bucket at once, under `folder`, with its own progress bar and a Cancel or Remove button.
 * `onChange` gets the stored files; `onBusy` whether any upload still runs.
 */
export function SubmissionUploads(props: {
  folder: string;
  rules: UploadRules;
  maxFiles: number;
  onChange: (files: SubmissionFile[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const { config, authClient, supabase } = useApp();
  const id = createUniqueId();
  const inputId = `files-${id}`;
  const hintId = `files-hint-${id}`;
  const errorId = `files-error-${id}`;
  const [entries, setEntries] = createSignal<Entry[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  let input: HTMLInputElement | undefined;
  onCleanup(() => {
    for (const e of entries()) e.running?.cancel();
  });

  const publish = (list: Entry[]) => {
    setEntries(list);
    props.onChange(
      list.filter((e) => e.state === 'done').map((e) => ({ path: e.path, name: e.name, size: e.size, type: e.type })),
    );
    props.onBusy(list.some((e) => e.state === 'uploading'));
  };
  const update = (key: string, change: Partial<Entry>) =>
    publish(entries().map((e) => (e.key === key ? { ...e, ...change } : e)));

  const add = async (files: File[]) => {
    setError(null);
    const room = props.maxFiles - entries().filter((e) => e.state !== 'failed').length;
    if (files.length > room) {
      setError(`You can hand in at most ${props.maxFiles} files.`);
      files = files.slice(0, Math.max(0, room));
    }
    const problems = files.map((f) => checkFile(f, props.rules)).filter((p): p is string => p !== null);
    if (problems.length) setError(problems.join(' '));
    const good = files.filter((f) => checkFile(f, props.rules) === null);
    if (input) input.value = '';
    if (good.length === 0) return;
    const { data } = await authClient.getSession();
    const token = data.session?.access_token;
    if (!token) {
      setError('Your session has ended. Sign in again, then retry.');
      return;
    }
    for (const file of good) {
      const key = crypto.randomUUID();
      const path = submissionPath(props.folder, file.name, key);
      const running = startUpload({
        projectUrl: config.supabaseUrl,
        anonKey: config.supabaseAnonKey,
        token,
        bucket: 'submissions',
        path,
        file,
        rules: props.rules,
        onProgress: (sent, total) => update(key, { percent: total ? (sent / total) * 100 : 0 }),
      });
      publish([
        ...entries(),
        {
          key,
          name: file.name,
          size: file.size,
          type: file.type,
          path,
          percent: 0,
          state: 'uploading',
          error: null,
          running,
        },
      ]);
      running.done.then(
        () => update(key, { state: 'done', percent: 100, running: null }),
        (err: unknown) => {
          if (err instanceof UploadError && err.cancelled) {
            publish(entries().filter((e) => e.key !== key));
            return;
          }
          update(key, {
            state: 'failed',
            running: null,
            error: err instanceof Error && err.message ? err.message : 'The upload failed. Please try again.',
          });
        },
      );
    }
  };

  return (
    <div class="submission-uploads">
      <label for={inputId}>Files</label>
      <p class="muted small" id={hintId}>
        {props.rules.typesLabel}, up to {formatBytes(props.rules.maxBytes)} each; at most {props.maxFiles} files.
      </p>
      <input
        id={inputId}
        ref={input}
        type="file"
        multiple
        accept={props.rules.types.join(',')}
        aria-describedby={error() ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error() ? 'true' : undefined}
        onChange={(e) => void add([...(e.currentTarget.files ?? [])])}
      />
      <ErrorMessage message={error()} id={errorId} />
      <Show when={entries().length > 0}>
        <ul class="upload-list" aria-label="Files to hand in">
          <For each={entries()}>
            {(entry) => (
              <li class={`upload-item upload-${entry.state}`}>
                <span class="upload-name">
                  {entry.name} <span class="muted small">({formatBytes(entry.size)})</span>
                </span>
                <Show when={entry.state === 'uploading'}>
                  <ProgressBar value={entry.percent} label={`Uploading ${entry.name}`} />
                </Show>
                <Show when={entry.state === 'done'}>
                  <span class="small upload-done">Uploaded</span>
                </Show>
                <Show when={entry.error}>{(message) => <span class="field-error">{message()}</span>}</Show>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  aria-label={`${entry.state === 'uploading' ? 'Cancel upload of' : 'Remove'} ${entry.name}`}
                  onClick={() => {
                    if (entry.state === 'uploading') entry.running?.cancel();
                    else {
                      publish(entries().filter((e) => e.key !== entry.key));
                      // Not handed in yet: the stored copy goes too (best effort; storage's rules apply).
                      if (entry.state === 'done') {
                        void supabase()
                          .then((client) => client.storage.from('submissions').remove([entry.path]))
                          .catch(() => {});
                      }
                    }
                  }}
                >
                  {entry.state === 'uploading' ? 'Cancel' : 'Remove'}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
