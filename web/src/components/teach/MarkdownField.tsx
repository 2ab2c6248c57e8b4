import { createSignal, Show } from 'solid-js';
import { Markdown } from '../Markdown.tsx';

/** A Markdown textarea with a Write / Preview switch (the preview through components/Markdown.tsx). */
export function MarkdownField(props: {
  id: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  rows?: number;
  maxLength?: number;
  hint?: string;
  error?: string;
}) {
  const [preview, setPreview] = createSignal(false);
  const described = () =>
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="field markdown-field">
      <div class="markdown-field-head">
        <label for={props.id}>{props.label}</label>
        <button
          type="button"
          class="button button-small button-ghost"
          aria-pressed={preview() ? 'true' : 'false'}
          aria-controls={`${props.id}-preview`}
          onClick={() => setPreview((p) => !p)}
        >
          Preview
        </button>
      </div>
      <textarea
        id={props.id}
        rows={props.rows ?? 8}
        maxLength={props.maxLength}
        value={props.value}
        hidden={preview()}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described()}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      <div id={`${props.id}-preview`} class="markdown-preview" hidden={!preview()} aria-live="polite">
        <Show when={preview()}>
          <Show when={props.value.trim()} fallback={<p class="muted">Nothing to preview yet.</p>}>
            <Markdown source={props.value} headingLevel={3} />
          </Show>
        </Show>
      </div>
      <Show when={props.hint}>
        <p class="field-hint small muted" id={`${props.id}-hint`}>
          {props.hint} Markdown works here: headings, lists, links, code, tables.
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
