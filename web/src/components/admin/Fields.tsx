import { For, type JSX, Show, splitProps } from 'solid-js';

/**
 * The admin forms' fields: a label, the control, an optional hint, and the API's message for the
 * field when it refused it (aria-invalid, and the message in the control's description).
 */

interface Common {
  id: string;
  label: JSX.Element;
  hint?: string;
  error?: string;
}

const describedBy = (p: Common) =>
  [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Notes(props: Common) {
  return (
    <>
      <Show when={props.hint}>
        <p class="field-hint small muted" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

export function TextField(props: Common & InputProps & { value: string; onValue: (v: string) => void }) {
  const [own, rest] = splitProps(props, ['id', 'label', 'hint', 'error', 'value', 'onValue']);
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <input
        id={own.id}
        {...rest}
        value={own.value}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describedBy(own)}
        onInput={(e) => own.onValue(e.currentTarget.value)}
      />
      <Notes {...own} />
    </div>
  );
}

export function TextAreaField(props: Common & { value: string; onValue: (v: string) => void; maxLength?: number }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={3}
        maxLength={props.maxLength}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
      <Notes {...props} />
    </div>
  );
}

export function SelectField(
  props: Common & {
    value: string;
    onValue: (v: string) => void;
    options: readonly { value: string; label: string }[];
    disabled?: boolean;
  },
) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onValue(e.currentTarget.value)}
      >
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
      <Notes {...props} />
    </div>
  );
}

export function CheckboxField(props: Common & { checked: boolean; onChecked: (v: boolean) => void }) {
  return (
    <div class="field field-check">
      <div class="choice">
        <input
          type="checkbox"
          id={props.id}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy(props)}
          onChange={(e) => props.onChecked(e.currentTarget.checked)}
        />
        <label for={props.id}>{props.label}</label>
      </div>
      <Notes {...props} />
    </div>
  );
}

/** The top of a refused form (role=alert) and a short success note (role=status). */
export function FormNotice(props: { id: string; error: string | null; success?: string | null }) {
  return (
    <>
      <Show when={props.error}>
        <p class="notice notice-error" role="alert" id={props.id}>
          {props.error}
        </p>
      </Show>
      <Show when={!props.error && props.success}>
        <p class="notice notice-success" role="status">
          {props.success}
        </p>
      </Show>
    </>
  );
}

/** The submit button at the end of a list's filter row, lined up with the fields. */
export function FilterSubmit(props: { label?: string; secondary?: boolean }) {
  return (
    <div class="field field-button">
      <button type="submit" class={`button ${props.secondary ? 'button-secondary' : 'button-primary'}`}>
        {props.label ?? 'Search'}
      </button>
    </div>
  );
}
