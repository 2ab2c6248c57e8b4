import { A } from '@solidjs/router';
import { usePageTitle } from '../lib/title.ts';

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

export default function NotFound() {
  usePageTitle(() => 'Page not found');
  return <NotFoundContent />;
}
