import { createSignal, Show } from 'solid-js';

/**
 * A destructive action in two steps: the first button asks, "Confirm" does it, "Cancel" goes
 * back. Focus moves to the confirm button and back, so keyboard users stay in place.
 */
export function ConfirmButton(props: {
  /** What the button says ("Delete"); `what` names the thing for screen readers. */
  label: string;
  what: string;
  confirmLabel?: string;
  busy?: boolean;
  onConfirm: () => void | Promise<void>;
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
      <span class="confirm">
        <button
          type="button"
          class="button button-small button-danger"
          ref={confirm}
          disabled={props.busy}
          onClick={async () => {
            await props.onConfirm();
            setAsking(false);
          }}
        >
          {props.confirmLabel ?? `Confirm ${props.label.toLowerCase()}`}
          <span class="sr-only"> {props.what}</span>
        </button>
        <button type="button" class="button button-small button-ghost" onClick={cancel}>
          Cancel
        </button>
      </span>
    </Show>
  );
}
