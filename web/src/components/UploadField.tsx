import type { JSX } from 'solid-js';
import { ErrorMessage } from './Notices.tsx';
import { ProgressBar } from './ProgressBar.tsx';

/**
 * The frame of an upload control (Upload.tsx, ThumbnailUpload.tsx): the label, the hint with the
 * accepted types, the file input, what the control shows while it works (`children`), the error
 * and a status line for screen readers.
 */
export function UploadField(props: {
  class: string;
  ids: { input: string; hint: string; error: string };
  label: string;
  hint: JSX.Element;
  accept: readonly string[];
  busy: boolean;
  error: string | null;
  status: string;
  ref: (el: HTMLInputElement) => void;
  onFile: (file: File) => void;
  children?: JSX.Element;
}) {
  return (
    <div class={props.class}>
      <label for={props.ids.input}>{props.label}</label>
      <p class="upload-hint muted" id={props.ids.hint}>
        {props.hint}
      </p>
      <input
        id={props.ids.input}
        ref={props.ref}
        type="file"
        class="upload-input"
        accept={props.accept.join(',')}
        aria-describedby={props.error ? `${props.ids.hint} ${props.ids.error}` : props.ids.hint}
        aria-invalid={props.error ? 'true' : undefined}
        disabled={props.busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) props.onFile(file);
        }}
      />
      {props.children}
      <ErrorMessage message={props.error} id={props.ids.error} />
      <p class="upload-status" role="status">
        {props.status}
      </p>
    </div>
  );
}

/** An upload's progress bar and the button that cancels it. */
export function UploadProgress(props: { percent: number; label: string; onCancel: () => void }) {
  return (
    <div class="upload-progress">
      <ProgressBar value={props.percent} label={props.label} />
      <button type="button" class="button button-small button-secondary" onClick={() => props.onCancel()}>
        Cancel upload
      </button>
    </div>
  );
}
