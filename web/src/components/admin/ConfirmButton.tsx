import { createSignal, type JSX, Show } from 'solid-js';
import '../../styles/confirm.css';

/**
 * A destructive action in two steps: the first button asks, "Confirm" does it, "Cancel" goes
 * back. Focus moves to the confirm button and back, so keyboard users stay in place. With a
 * `question`, the step says what will happen before the buttons.
 */
export function ConfirmButton(props: {
  /** What the button says ("Delete"); `what` names the thing for screen readers. */
  label: string;
  what: string;
  confirmLabel?: string;
  /** What confirming does ("Their seats are freed…"), shown with the buttons. */
  question?: JSX.Element;
  busy?: boolean;
  /** Done: the question closes, unless this resolves `false` (e.g. on an error it shows). */
  onConfirm: () => unknown;
}) {
  const [asking, setAsking] = createSignal(false);
  let first: HTMLButtonElement | undefined;
  let confirm: HTMLButtonElement | undefined;
  const ask = () => {
    setAsking(true);
    requestAnimationFrame(() => confirm?.focus());
  };
  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => first?.focus());
  };
  const buttons = () => (
    <span class="confirm">
      <button
        type="button"
        class="button button-small button-danger"
        ref={confirm}
        disabled={props.busy}
        onClick={async () => {
          if ((await props.onConfirm()) !== false) setAsking(false);
        }}
      >
        {props.confirmLabel ?? `Confirm ${props.label.toLowerCase()}`}
        <span class="sr-only"> {props.what}</span>
      </button>
      <button type="button" class="button button-small button-ghost" onClick={cancel}>
        Cancel
      </button>
    </span>
  );
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="button button-small button-secondary" ref={first} onClick={ask}>
          {props.label}
          <span class="sr-only"> {props.what}</span>
        </button>
      }
    >
      <Show when={props.question} fallback={buttons()}>
        <div class="confirm-question">
          <p>{props.question}</p>
          {buttons()}
        </div>
      </Show>
    </Show>
  );
}
