import { createSignal, createUniqueId, onCleanup, Show } from 'solid-js';
import { useApp } from '../lib/context.ts';
import {
  checkFile,
  formatBytes,
  publicObjectUrl,
  type RunningUpload,
  startUpload,
  UploadError,
  type UploadRules,
} from '../lib/upload.ts';
import { UploadField, UploadProgress } from './UploadField.tsx';
import '../styles/upload.css';

export interface Uploaded {
  /** The object's name in its bucket. */
  path: string;
  /** Its public URL (meaningful for public buckets). */
  publicUrl: string;
}

/**
 * A labelled file input that checks the file's type and size first (lib/upload.ts), then sends
 * it to Supabase Storage with a progress bar and a Cancel button. Errors are sentences, tied to
 * the input (aria-describedby) and announced (role=alert).
 */
export function Upload(props: {
  label: string;
  bucket: string;
  rules: UploadRules;
  /** The object name for `file` (for example `<uid>/avatar-….png`). */
  pathFor: (file: File) => string;
  /** Runs after the bytes are stored; an error it throws shows like an upload error. */
  onUploaded: (uploaded: Uploaded) => Promise<void> | void;
}) {
  const { config, authClient } = useApp();
  const id = createUniqueId();
  const inputId = `upload-${id}`;
  const hintId = `upload-hint-${id}`;
  const errorId = `upload-error-${id}`;
  const [error, setError] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal('');
  const [progress, setProgress] = createSignal<{ name: string; percent: number } | null>(null);
  let running: RunningUpload | null = null;
  let input: HTMLInputElement | undefined;
  onCleanup(() => running?.cancel());

  const reset = () => {
    running = null;
    setProgress(null);
    if (input) input.value = '';
  };

  const send = async (file: File) => {
    setError(null);
    setStatus('');
    const problem = checkFile(file, props.rules);
    if (problem) {
      setError(problem);
      if (input) input.value = '';
      return;
    }
    const { data } = await authClient.getSession();
    const token = data.session?.access_token;
    if (!token) {
      setError('Your session has ended. Sign in again, then retry.');
      return;
    }
    const path = props.pathFor(file);
    setProgress({ name: file.name, percent: 0 });
    running = startUpload({
      projectUrl: config.supabaseUrl,
      anonKey: config.supabaseAnonKey,
      token,
      bucket: props.bucket,
      path,
      file,
      rules: props.rules,
      onProgress: (sent, total) => setProgress({ name: file.name, percent: total ? (sent / total) * 100 : 0 }),
    });
    try {
      await running.done;
      await props.onUploaded({ path, publicUrl: publicObjectUrl(config.supabaseUrl, props.bucket, path) });
      setStatus(`Uploaded “${file.name}”.`);
    } catch (err) {
      if (err instanceof UploadError && err.cancelled) setStatus('Upload cancelled.');
      else setError(err instanceof Error && err.message ? err.message : 'The upload failed. Please try again.');
    } finally {
      reset();
    }
  };

  return (
    <UploadField
      class="upload"
      ids={{ input: inputId, hint: hintId, error: errorId }}
      label={props.label}
      hint={`${props.rules.typesLabel}, up to ${formatBytes(props.rules.maxBytes)}.`}
      accept={props.rules.types}
      busy={progress() !== null}
      error={error()}
      status={status()}
      ref={(el) => {
        input = el;
      }}
      onFile={(file) => void send(file)}
    >
      <Show when={progress()}>
        {(p) => (
          <UploadProgress percent={p().percent} label={`Uploading ${p().name}`} onCancel={() => running?.cancel()} />
        )}
      </Show>
    </UploadField>
  );
}
