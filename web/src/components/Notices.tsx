import { type JSX, Show } from 'solid-js';
import { errorMessage } from '../lib/api.ts';

/** An error the user should notice now: role=alert. */
export function ErrorNotice(props: { error: unknown; retry?: () => void; children?: JSX.Element }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{errorMessage(props.error)}</p>
      {props.children}
      <Show when={props.retry}>
        {(retry) => (
          <button type="button" class="button button-secondary" onClick={() => retry()()}>
            Try again
          </button>
        )}
      </Show>
    </div>
  );
}

/** A short error message, shown (and announced: role=alert) while there is one. */
export function ErrorMessage(props: { message: string | null; id?: string }) {
  return (
    <Show when={props.message}>
      <p class="notice notice-error" role="alert" id={props.id}>
        {props.message}
      </p>
    </Show>
  );
}

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </p>
  );
}
