import { Show, type JSX } from 'solid-js';
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

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </p>
  );
}
