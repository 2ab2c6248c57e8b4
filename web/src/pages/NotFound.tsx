import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ErrorNotice } from '../components/Notices.tsx';
import { isApiError } from '../lib/api.ts';
import { PageTitle, usePageTitle } from '../lib/title.ts';

/** The body of a "not found" page, also used when an API says a thing does not exist. */
export function NotFoundContent(props: { title?: string; message?: string }) {
  return (
    <div class="container section not-found">
      <h1>{props.title ?? 'Page not found'}</h1>
      <p>
        {props.message ??
          'We could not find the page you asked for. It may have moved, or the address may be mistyped.'}
      </p>
      <ul class="link-list">
        <li>
          <A href="/courses">Browse courses</A>
        </li>
        <li>
          <A href="/">Go to the home page</A>
        </li>
      </ul>
    </div>
  );
}

/**
 * A detail page whose data did not come: "<What> not found" for the API's 404, else the error
 * with a retry button under the page's heading.
 */
export function LoadFailure(props: { error: unknown; what: string; notFoundMessage: string; retry: () => void }) {
  return (
    <Show
      when={!isApiError(props.error, 'not_found')}
      fallback={
        <>
          <PageTitle text={`${props.what} not found`} />
          <NotFoundContent title={`${props.what} not found`} message={props.notFoundMessage} />
        </>
      }
    >
      <div class="container section">
        <h1>{props.what}</h1>
        <ErrorNotice error={props.error} retry={props.retry} />
      </div>
    </Show>
  );
}

export default function NotFound() {
  usePageTitle(() => 'Page not found');
  return <NotFoundContent />;
}
