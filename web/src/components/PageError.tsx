import { A, revalidate, useLocation } from '@solidjs/router';
import { createEffect, on } from 'solid-js';
import { errorMessage, isApiError } from '../lib/api.ts';
import { SITE_NAME } from '../lib/site.ts';

/**
 * What a page that failed to render shows instead of a blank app: what happened, a retry, and
 * links on. Moving to another page clears it. The error goes to the console for whoever debugs.
 */
export function PageError(props: { error: unknown; reset: () => void }) {
  const location = useLocation();
  console.error('A page failed to render:', props.error);
  document.title = `Something went wrong · ${SITE_NAME}`;
  createEffect(
    on(
      () => location.pathname + location.search,
      () => props.reset(),
      { defer: true },
    ),
  );
  // A data error has a message meant for users; a programming error does not.
  const detail = () =>
    isApiError(props.error)
      ? errorMessage(props.error)
      : 'This page could not be shown because of an error on our side.';
  return (
    <div class="container section page-error">
      <h1>Something went wrong</h1>
      <div class="notice notice-error" role="alert">
        <p>{detail()}</p>
      </div>
      <p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => {
            void revalidate(); // the cached answer may be what failed: ask again
            props.reset();
          }}
        >
          Try again
        </button>
      </p>
      <ul class="link-list">
        <li>
          <A href="/">Go to the home page</A>
        </li>
        <li>
          <A href="/courses">Browse courses</A>
        </li>
      </ul>
    </div>
  );
}
