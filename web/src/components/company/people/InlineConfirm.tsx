import { createSignal, type JSX, Show } from 'solid-js';

/**
 * A destructive action in two steps: the button asks (with `question`, which says what will
 * happen), "Confirm" does it, "Cancel" goes back. Focus moves to Confirm and back to the button,
 * so keyboard users stay in place.
 */
export function InlineConfirm(props: {
  /** What the button says ("Remove"); `what` completes it for screen readers ("Jamie Lee"). */
  label: string;
  what: string;
  question: JSX.Element;
  confirmLabel: string;
  busy?: boolean;
  /** Resolves true when done (the question closes), false to keep it open (e.g. on an error). */
  onConfirm: () => Promise<boolean>;
}) {
  const [asking, setAsking] = createSignal(false);
  let first: HTMLButtonElement | undefined;
  let confirm: HTMLButtonElement | undefined;
  const ask = () => {
    setAsking(true);
    queueMicrotask(() => confirm?.focus());
  };
  const cancel = () => {
    setAsking(false);
    queueMicrotask(() => first?.focus());
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
      <div class="people-confirm">
        <p>{props.question}</p>
        <div class="people-confirm-buttons">
          <button
            type="button"
            class="button button-small people-danger"
            ref={confirm}
            disabled={props.busy}
            onClick={async () => {
              if (await props.onConfirm()) setAsking(false);
            }}
          >
            {props.confirmLabel}
            <span class="sr-only"> {props.what}</span>
          </button>
          <button type="button" class="button button-small button-ghost" onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    </Show>
  );
}
