import { type JSX, splitProps } from 'solid-js';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

/** A labelled text input in the form layout: <div class="field"><label/><input/></div>. */
export function Field(
  props: InputProps & { id: string; label: string; value: string; onValue: (value: string) => void },
) {
  const [own, input] = splitProps(props, ['id', 'label', 'value', 'onValue']);
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <input id={own.id} {...input} value={own.value} onInput={(e) => own.onValue(e.currentTarget.value)} />
    </div>
  );
}

/** The form's main button; it says `busyLabel` and is disabled while the form is sent. */
export function SubmitButton(props: { busy: boolean; busyLabel: string; children: string }) {
  return (
    <button type="submit" class="button button-primary button-block" disabled={props.busy}>
      {props.busy ? props.busyLabel : props.children}
    </button>
  );
}
