import { type JSX, Show } from 'solid-js';

/** What an admin action said: done, or refused. */
export type Notice = { kind: 'success' | 'error'; text: string };

/**
 * The notice under a list's filters. A refusal is an alert; a success is shown without a live role,
 * because the page announces it through the app's announcer (useApp().announce), once.
 */
export function ActionNotice(props: { notice: Notice | null }) {
  return (
    <Show when={props.notice}>
      {(n) => (
        <p class={`notice notice-${n().kind}`} role={n().kind === 'error' ? 'alert' : undefined}>
          {n().text}
        </p>
      )}
    </Show>
  );
}

/**
 * The bar of actions on the rows a list has selected: how many, the actions, and (given `onClear`)
 * a button that clears the selection. Shown only while something is selected.
 */
export function BulkBar(props: { label: string; count: number; onClear?: () => void; children: JSX.Element }) {
  return (
    <Show when={props.count > 0}>
      <section class="bulk-bar" aria-label={props.label}>
        <span>{props.count} selected</span>
        {props.children}
        <Show when={props.onClear}>
          {(clear) => (
            <button type="button" class="button button-small button-ghost" onClick={() => clear()()}>
              Clear selection
            </button>
          )}
        </Show>
      </section>
    </Show>
  );
}

/** One action of a BulkBar: `label`, with `what` it acts on for screen readers ("the selected reviews"). */
export function BulkAction(props: {
  label: string;
  what: string;
  busy: boolean;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      class={`button button-small ${props.danger ? 'button-danger' : 'button-secondary'}`}
      disabled={props.busy}
      onClick={() => props.onClick()}
    >
      {props.label}
      <span class="sr-only">{` ${props.what}`}</span>
    </button>
  );
}
